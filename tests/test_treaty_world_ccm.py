"""The real Convention on Cluster Munitions file covers the world, and the status engine's counts on
chosen dates agree with the totals the sources print (figures written out from the sources, see
data/VERIFICATION.md, section 12)."""
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from treaty.loader import load_dataset
from treaty.status import compile_timelines, statuses_on

CCM = Path(__file__).resolve().parent.parent / "data" / "ccm.yaml"


@pytest.fixture(scope="module")
def ccm():
    dataset = load_dataset(CCM)
    return dataset, compile_timelines(dataset)


def statuses(ccm, day: str) -> dict[str, str]:
    return {status.iso3: status.status.value for status in statuses_on(ccm[1], date.fromisoformat(day))}


def counts(ccm, day: str) -> Counter:
    return Counter(statuses(ccm, day).values())


def test_every_un_member_the_holy_see_palestine_cook_islands_and_niue_and_kosovo_are_in_the_file(ccm):
    codes = [state.iso3 for state in ccm[0].states]
    assert len(codes) == len(set(codes)) == 198  # 193 UN members + VAT, PSE, COK, NIU + Kosovo
    assert {"VAT", "PSE", "COK", "NIU", "XKX", "SSD", "VUT", "KIR", "TLS", "USA", "CHN"} <= set(codes)


@pytest.mark.parametrize(
    ("day", "joined", "signatories"),
    [
        ("2010-02-16", 30, 74),  # the 30th ratification (CMC, 16 Feb 2010): 30 instruments deposited
        ("2010-08-01", 38, 70),  # entry into force: 108 signatories, 38 of them ratified (Monitor 2010)
        ("2016-08-15", 100, 19),  # Cluster Munition Monitor 2016: 100 States Parties and 19 signatories
        ("2019-02-28", 106, 14),  # Monitor FAQ: 106 States Parties and 14 signatories as of February 2019
        ("2022-08-01", 110, 13),  # Cluster Munition Monitor 2022: 110 States Parties and 13 signatories
        ("2023-08-03", 112, 12),  # ISU: South Sudan is State Party No. 112; 12 signatories remain
    ],
)
def test_parties_and_signatories_on_chosen_dates_match_the_sources_totals(ccm, day, joined, signatories):
    """The Monitor and the ISU count a state from its deposit: party plus joined-not-yet-in-force."""
    tally = counts(ccm, day)
    assert tally["party"] + tally["joined"] == joined
    assert tally["signatory"] == signatories


def test_after_lithuania_left_and_vanuatu_joined_112_states_are_bound(ccm):
    # Kosovo: not able to join (not a UN member), on every date.
    assert counts(ccm, "2025-03-06") == Counter(party=111, signatory=12, withdrawn=1, not_party=73, cannot_join=1)
    assert counts(ccm, "2026-11-22") == Counter(party=112, signatory=12, withdrawn=1, not_party=72, cannot_join=1)


@pytest.mark.parametrize(
    ("iso3", "before", "day", "after"),
    [
        ("VUT", "joined", "2026-03-01", "party"),  # accession 5 Sep 2025, bound 1 Mar 2026
        ("NGA", "joined", "2023-08-01", "party"),  # ratification 28 Feb 2023
        ("SSD", "joined", "2024-02-01", "party"),  # accession 3 Aug 2023
        ("BLZ", "joined", "2015-03-01", "party"),  # accession (with provisional application) 2 Sep 2014
        ("PSE", "joined", "2015-07-01", "party"),  # accession 2 Jan 2015
        ("NIU", "joined", "2021-02-01", "party"),  # accession 6 Aug 2020
        ("COK", "joined", "2012-02-01", "party"),  # ratification 23 Aug 2011
        ("JPN", "signatory", "2009-07-14", "joined"),  # acceptance 14 Jul 2009
        ("URY", "signatory", "2009-09-24", "joined"),  # ratification 24 Sep 2009 (Monitor profile)
        ("SYC", "not_party", "2010-04-13", "signatory"),  # signature 13 Apr 2010 (Monitor profile)
        ("SYC", "joined", "2010-11-01", "party"),  # ratification 20 May 2010, bound 1 Nov 2010
    ],
)
def test_hard_cases_change_status_on_the_day_the_rules_give(ccm, iso3, before, day, after):
    previous = date.fromordinal(date.fromisoformat(day).toordinal() - 1).isoformat()
    assert statuses(ccm, previous)[iso3] == before
    assert statuses(ccm, day)[iso3] == after


def test_signatories_that_never_ratified_and_states_that_never_joined(ccm):
    today = statuses(ccm, "2026-11-22")
    signatories = sorted(code for code, status in today.items() if status == "signatory")
    assert signatories == ["AGO", "CAF", "COD", "CYP", "DJI", "HTI", "IDN", "JAM", "KEN", "LBR", "TZA", "UGA"]
    assert {today[code] for code in ("USA", "RUS", "CHN", "IND", "ISR", "KIR", "TLS", "SUR")} == {"not_party"}
