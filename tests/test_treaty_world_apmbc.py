"""The hard cases of the Mine Ban Convention's world file, on dates written out from the sources
quoted in data/VERIFICATION.md section 11 (not from the code under test)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from treaty.loader import load_dataset
from treaty.status import compile_timelines, statuses_on

DATASET = Path(__file__).resolve().parent.parent / "data" / "apmbc.yaml"


@pytest.fixture(scope="module")
def timelines():
    return compile_timelines(load_dataset(DATASET))


def status_of(timelines, iso3: str, day: str) -> str:
    (found,) = [s for s in statuses_on(timelines, date.fromisoformat(day)) if s.iso3 == iso3]
    return found.status.value


@pytest.mark.parametrize(
    ("iso3", "day", "expected"),
    [
        # Marshall Islands: signed 4 Dec 1997, ratified 12 Mar 2025, in force 1 Sep 2025 (ICBL-CMC).
        ("MHL", "2025-03-11", "signatory"),
        ("MHL", "2025-03-12", "joined"),
        ("MHL", "2025-08-31", "joined"),
        ("MHL", "2025-09-01", "party"),
        # Tonga: never signed; acceded 25 Jun 2025, in force 1 Dec 2025 (ICBL-CMC).
        ("TON", "2025-06-24", "not_party"),
        ("TON", "2025-06-25", "joined"),
        ("TON", "2025-12-01", "party"),
        # South Sudan: succession deposited 11 Nov 2011; shown bound from that day (the UN gives effect
        # from independence, 9 Jul 2011, recorded as the alternative date).
        ("SSD", "2011-11-10", "not_party"),
        ("SSD", "2011-11-11", "party"),
        # Palestine and Sri Lanka: in force 1 Jun 2018 (Implementation Support Unit).
        ("PSE", "2018-05-31", "joined"),
        ("PSE", "2018-06-01", "party"),
        ("LKA", "2017-12-13", "joined"),
        ("LKA", "2018-06-01", "party"),
        # Japan deposited an acceptance on 30 Sep 1998, after the 40th instrument: bound from 1 Mar 1999.
        ("JPN", "1998-09-30", "joined"),
        ("JPN", "1999-03-01", "party"),
        # Somalia: acceded 16 Apr 2012, in force 1 Oct 2012 (Monitor).
        ("SOM", "2012-09-30", "joined"),
        ("SOM", "2012-10-01", "party"),
        # Never joined.
        ("USA", "2026-11-22", "not_party"),
        ("FSM", "2026-11-22", "not_party"),
    ],
)
def test_the_hard_cases_have_the_status_their_sources_give(timelines, iso3, day, expected):
    assert status_of(timelines, iso3, day) == expected


def test_south_sudans_record_keeps_the_depositarys_date_of_effect():
    state = next(s for s in load_dataset(DATASET).states if s.iso3 == "SSD")
    in_force = next(e for e in state.events if e.type.value == "entry_into_force")
    assert str(in_force.date) == "2011-11-11"
    assert [str(a.date) for a in in_force.alternatives] == ["2011-07-09"]
    assert in_force.rule_exception


# The 193 UN member states, the Holy See (VAT), the State of Palestine (PSE), the Cook Islands (COK), Niue (NIU)
# and Kosovo (XKX, drawn as a state that cannot join): written out, not read from the file.
WORLD = frozenset(
    """
    AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE BDI BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ BOL BRA
    BRB BRN BTN BWA CAF CAN CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB CYP CZE DEU DJI DMA
    DNK DOM DZA ECU EGY ERI ESP EST ETH FIN FJI FRA FSM GAB GBR GEO GHA GIN GMB GNB GNQ GRC GRD GTM
    GUY HND HRV HTI HUN IDN IND IRL IRN IRQ ISL ISR ITA JAM JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT
    LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG
    MOZ MRT MUS MWI MYS NAM NER NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PER PHL PLW PNG POL PRK
    PRT PRY PSE QAT ROU RUS RWA SAU SDN SEN SGP SLB SLE SLV SMR SOM SRB SSD STP SUR SVK SVN SWE SWZ
    SYC SYR TCD TGO THA TJK TKM TLS TON TTO TUN TUR TUV TZA UGA UKR URY USA UZB VAT VCT VEN VNM VUT
    WSM XKX YEM ZAF ZMB ZWE
    """.split()
)

# What the sources call "States Parties": every state that has ratified or acceded and not withdrawn,
# whether or not the Convention is yet in force for it (a claimed suspension does not end membership).
COUNTED_AS_STATES_PARTIES = {"party", "joined", "withdrawal_pending", "contested", "suspension_rejected"}


def test_the_file_holds_every_state_of_the_world_and_no_other():
    codes = [state.iso3 for state in load_dataset(DATASET).states]
    assert len(WORLD) == 198
    assert len(codes) == len(set(codes))
    assert set(codes) == WORLD


@pytest.mark.parametrize(
    ("day", "states_parties"),
    [
        ("2002-07-31", 125),  # Landmine Monitor 2002: 125 States Parties as of 31 July 2002
        ("2003-07-31", 134),  # Landmine Monitor 2003: 134 as of 31 July 2003
        ("2008-06-01", 156),  # Landmine Monitor 2008: 156
        ("2022-08-01", 164),  # 164 from Palestine's accession (2018) to the Marshall Islands (2025)
        ("2025-12-01", 166),  # ICBL-CMC on Tonga's accession: the 166th State Party
        ("2026-11-22", 161),  # 166 less the five withdrawals of 2025-26 (Estonia, Latvia, Lithuania, Finland, Poland)
    ],
)
def test_the_count_of_states_parties_matches_the_total_the_sources_give(timelines, day, states_parties):
    statuses = statuses_on(timelines, date.fromisoformat(day))
    assert sum(1 for s in statuses if s.status.value in COUNTED_AS_STATES_PARTIES) == states_parties
