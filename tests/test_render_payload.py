"""What the browser map is sent: a date's colours as one digit per shape, and the treaty's whole history
of colours, from which the browser colours any date itself. The history must colour every day exactly as
the status engine does, or the map would show one thing and the tables another."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from geo.countries import load_countries
from geo.join import MissingShapeError, status_keys
from render.payload import PALETTE, fill_digits, history_payload
from treaty.loader import load_dataset
from treaty.status import Status, statuses_on, timelines

ROOT_DATA = {"apmbc": "data/apmbc.yaml", "ccm": "data/ccm.yaml"}
CODES = tuple(load_countries()["iso3"])


def colour_on(history: dict, day: date) -> tuple[str, dict]:
    """What the browser's timeline computes (streamlit_bridge.js fromHistory): the period holding `day`."""
    index = sum(1 for change in history["changes"] if change <= day.isoformat())
    period = history["periods"][index]
    return period["fills"], period["pending"]


def test_fill_digits_are_the_status_keys_in_palette_order_one_per_shape():
    statuses = statuses_on(timelines(load_dataset(ROOT_DATA["apmbc"])), date(2025, 12, 27))
    digits = fill_digits(statuses, CODES)
    assert len(digits) == len(CODES)
    keys = status_keys(CODES, statuses)
    assert [PALETTE[int(digit)]["key"] for digit in digits] == [keys[code] for code in CODES]
    assert PALETTE[int(digits[CODES.index("LTU")])]["key"] == "withdrawn"


def test_a_state_without_a_shape_is_refused_not_dropped():
    statuses = statuses_on(timelines(load_dataset(ROOT_DATA["apmbc"])), date(2025, 12, 27))
    with pytest.raises(MissingShapeError, match="^no country shape for LTU, LVA in the geometry file$") as refused:
        fill_digits(statuses, tuple(code for code in CODES if code not in ("LVA", "LTU")))
    assert refused.value.codes == ["LTU", "LVA"]


@pytest.mark.parametrize("treaty_id", sorted(ROOT_DATA))
def test_the_history_colours_every_day_as_the_status_engine_does(treaty_id):
    dataset = load_dataset(ROOT_DATA[treaty_id])
    compiled = timelines(dataset)
    history = history_payload(compiled, CODES)
    assert len(history["periods"]) == len(history["changes"]) + 1
    day, last = dataset.treaty.adopted, date(2027, 3, 1)
    while day <= last:
        statuses = statuses_on(compiled, day)
        fills, pending = colour_on(history, day)
        assert fills == fill_digits(statuses, CODES), day
        assert pending == {
            s.iso3: s.takes_effect.isoformat() for s in statuses if s.status is Status.WITHDRAWAL_PENDING
        }, day
        day += timedelta(days=1)


def test_the_history_of_the_mine_ban_convention_ends_with_the_2025_withdrawals():
    history = history_payload(timelines(load_dataset(ROOT_DATA["apmbc"])), CODES)
    assert history["changes"][-3:] == ["2025-12-27", "2026-01-10", "2026-02-20"]
    # periods[i] runs from changes[i - 1]: the one before 27 December 2025 has every withdrawal pending.
    before_baltics = history["periods"][history["changes"].index("2025-12-27")]["pending"]
    assert before_baltics == {"EST": "2025-12-27", "LVA": "2025-12-27", "LTU": "2025-12-27", "FIN": "2026-01-10", "POL": "2026-02-20"}
    assert history["periods"][-2]["pending"] == {"POL": "2026-02-20"}
    assert history["periods"][-1]["pending"] == {}
