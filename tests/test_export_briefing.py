"""A storyboard handed out: a slide, a handout page and a GIF frame per step, each with its date, notes and
sources; and `python -m export --storyboard` end to end. Drawn small (4:3 at a quarter scale) to be quick."""
from __future__ import annotations

import io
from datetime import date
import re

import numpy as np
import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from export.__main__ import main
from export.batch import export_storyboard, load_export_data
from export.briefing import (
    SOURCES_TITLE, briefing_deck, briefing_handout, caption, source_line, sources_shown, sources_text, step_notes, step_pictures,
)
from export.formats import Run
from geo.regions import REGIONS
from render.before_after import BeforeAfterRenderer
from render.snapshot import Heading
from storyboard.loader import parse_storyboard
from storyboard.model import Callout
from tests.export_fixtures import pdf_text, real_data
from tests.treaty_fixtures import REAL_DATASET, write
from treaty.model import Source

STORY = """\
title: Test briefing
treaty: apmbc
steps:
  - title: Three deposits
    date: 2025-06-27
    highlight: [EST, LVA, LTU]
    callouts:
      - text: Same day
        state: LVA
    notes: The first speaker note, citing the Implementation Support Unit.
  - title: The first withdrawals take effect
    subtitle: Estonia, Latvia, Lithuania
    date: 2025-12-27
    region: nordic-baltic
    notes: The second speaker note.
  - title: Before and after
    before: 2025-01-01
    after: 2026-03-01
    highlight: [POL]
"""
SMALL = dict(size=(1440, 1080), scale=0.25)
CAPTIONS = [
    "Mine Ban Convention on 27 June 2025",
    "Mine Ban Convention on 27 December 2025",
    "Mine Ban Convention on 1 January 2025 and 1 March 2026",
]


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, bytes]:
    """The three files, written once for the module, by extension; the progress told on the way is checked too."""
    out = tmp_path_factory.mktemp("briefing")
    said, framed = [], []

    def data_for(region):
        framed.append(region.id)
        return real_data() if region.id == "europe" else load_export_data(REAL_DATASET, region)

    paths = export_storyboard(data_for, parse_storyboard(STORY, "test.yaml"), ["pptx", "pdf", "gif"], out, "test", progress=said.append, **SMALL)
    assert framed == ["europe", "nordic-baltic"]  # each step in its region, each region's data asked for once
    assert [path.name for path in paths] == ["test.pptx", "test.pdf", "test.gif"]
    assert said == [
        "Step 1 of 3: Three deposits", "Step 2 of 3: The first withdrawals take effect", "Step 3 of 3: Before and after",
        "Making the PPTX", "Making the PDF", "Making the GIF",
    ]
    return {path.suffix[1:]: path.read_bytes() for path in paths}


@pytest.fixture(scope="module")
def deck(exported):
    return Presentation(io.BytesIO(exported["pptx"]))


def texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def test_the_deck_has_a_slide_per_step_then_the_sources_slide(deck):
    slides = list(deck.slides)
    assert [slide.shapes.title.text for slide in slides] == ["Three deposits", "The first withdrawals take effect", "Before and after", SOURCES_TITLE]


def test_each_step_slide_has_one_picture_the_caption_with_its_date_and_the_subtitle(deck):
    for slide, caption in zip(deck.slides, CAPTIONS):
        pictures = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1
        assert caption in texts(slide)
    assert "Estonia, Latvia, Lithuania" in texts(deck.slides[1])


def test_every_picture_has_the_runs_size_a_before_and_after_pair_too(deck):
    sizes = [
        Image.open(io.BytesIO(shape.image.blob)).size
        for slide in list(deck.slides)[:3]
        for shape in slide.shapes
        if shape.shape_type == MSO_SHAPE_TYPE.PICTURE
    ]
    assert sizes == [(360, 270)] * 3


def test_the_speaker_notes_start_with_the_steps_notes_then_say_what_the_map_shows(deck):
    notes = [slide.notes_slide.notes_text_frame.text for slide in list(deck.slides)[:3]]
    assert notes[0].startswith("The first speaker note, citing the Implementation Support Unit.\n\nOn 27 June 2025 Estonia, Latvia and Lithuania")
    assert notes[1].startswith("The second speaker note.\n\nOn 27 December 2025 ")
    assert notes[2].startswith("Between 1 January 2025 and 1 March 2026:\n• ")
    assert "• Poland: State Party → Withdrawn (former party)" in notes[2]


def test_the_sources_slide_lists_the_sources_strongest_first_and_where_the_rest_are(deck):
    lines = texts(list(deck.slides)[3])[-1].split("\n")
    kinds = ["UN depositary", "official", "Monitor", "press", "other"]
    shown = [kinds.index(line.split(" — ")[0]) for line in lines[:-1]]
    assert shown == sorted(shown) and len(shown) >= 3
    assert "data/apmbc.yaml" in lines[-1]


def test_the_handout_has_a_page_per_step_and_a_sources_page(exported):
    pdf = exported["pdf"]
    assert len(re.findall(rb"/Type /Page\b", pdf)) == 4
    text = " ".join(pdf_text(pdf))
    for caption in CAPTIONS:
        assert caption in text
    assert "speaker note, citing the Implementation Support Unit" in text and SOURCES_TITLE in text  # ("fi" is a ligature)


def test_the_gif_has_a_frame_per_step_all_of_the_runs_size(exported):
    gif = Image.open(io.BytesIO(exported["gif"]))
    assert gif.n_frames == 3
    assert gif.size == (360, 270)


def test_python_m_export_storyboard_writes_the_three_files_named_after_the_storyboard(tmp_path, capsys):
    story = write(tmp_path, STORY, "baltic.yaml")
    out = tmp_path / "out"
    assert main(["--storyboard", str(story), "--formats", "gif", "pptx", "--out", str(out), "--size", "4:3", "--scale", "0.25"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed == [str(out / "baltic.gif"), str(out / "baltic.pptx"), f"2 file(s) for 3 step(s) in {out}"]
    assert Image.open(out / "baltic.gif").n_frames == 3
    assert len(Presentation(str(out / "baltic.pptx")).slides) == 4


def test_a_bad_storyboard_lists_its_problems_exits_1_and_writes_nothing(tmp_path, capsys):
    story = write(tmp_path, STORY.replace("[EST, LVA, LTU]", "[EST, XYZ]"), "bad.yaml")
    out = tmp_path / "out"
    assert main(["--storyboard", str(story), "--out", str(out)]) == 1
    error = capsys.readouterr().err
    assert f"{story}:6: step 1 (\"Three deposits\"), field 'highlight.1': 'XYZ' is not a state" in error
    assert not out.exists()


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["--formats", "png"], "a storyboard is exported as"),
        (["--title", "Mine"], "a storyboard's steps carry their own titles"),
    ],
)
def test_a_storyboard_with_options_for_dates_is_a_usage_error(tmp_path, capsys, arguments, said):
    story = write(tmp_path, STORY, "story.yaml")
    with pytest.raises(SystemExit) as exited:
        main(["--storyboard", str(story), "--out", str(tmp_path / "out"), *arguments])
    assert exited.value.code == 2 and said in capsys.readouterr().err


def test_notes_written_as_a_folded_block_are_followed_by_one_blank_line_only():
    folded = STORY.replace("    notes: The second speaker note.\n", "    notes: >\n      The second\n      speaker note.\n")
    storyboard = parse_storyboard(folded, "folded.yaml")
    assert storyboard.steps[1].notes == "The second speaker note.\n"
    notes = step_notes(Run(real_data()), storyboard.steps[1])
    assert notes.startswith("The second speaker note.\n\nOn 27 December 2025 ")


GAZETTE = dict(kind="official", publisher="Dziennik Ustaw", url="https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20250001", accessed="2025-07-01")
TITLE_OF_70 = "Oświadczenie rządowe z dnia 2 sierpnia 2025 r. w sprawie wypowiedzenia"  # exactly SHORT_TITLE characters
# 69 characters, a space, then more: cut on the slide, the space before the cut dropped.
TITLE_OF_90 = "Oświadczenie rządowe w sprawie wypowiedzenia Konwencji o zakazie użyć min przeciwpiechotnych"


def test_a_source_line_names_kind_publisher_title_and_where_on_the_slide_the_title_cut_and_only_the_host():
    assert len(TITLE_OF_70) == 70 and TITLE_OF_90[69] == " "
    whole = Source(title=TITLE_OF_70, **GAZETTE)
    assert source_line(whole) == (
        "official — Dziennik Ustaw: Oświadczenie rządowe z dnia 2 sierpnia 2025 r. w sprawie wypowiedzenia"
        " (https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20250001)"
    )
    assert source_line(whole, short=True) == (
        "official — Dziennik Ustaw: Oświadczenie rządowe z dnia 2 sierpnia 2025 r. w sprawie wypowiedzenia (isap.sejm.gov.pl)"
    )
    long = Source(title=TITLE_OF_90, **GAZETTE)
    assert source_line(long) == (
        "official — Dziennik Ustaw: Oświadczenie rządowe w sprawie wypowiedzenia Konwencji o zakazie użyć min przeciwpiechotnych"
        " (https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20250001)"
    )
    assert source_line(long, short=True) == (
        "official — Dziennik Ustaw: Oświadczenie rządowe w sprawie wypowiedzenia Konwencji o zakazie użyć… (isap.sejm.gov.pl)"
    )


def test_a_source_without_a_publisher_is_named_by_its_title_and_without_a_web_address_by_its_citation():
    notification = Source(kind="depositary", title="C.N.301.2025.TREATIES-XXVI.5 (Depositary Notification)", citation="C.N.301.2025", accessed="2025-07-01")
    for short in (False, True):
        assert source_line(notification, short=short) == "UN depositary — C.N.301.2025.TREATIES-XXVI.5 (Depositary Notification) (C.N.301.2025)"
    nowhere = Source(kind="press", title="Lithuania leaves the Mine Ban Convention", accessed="2025-07-01")
    for short in (False, True):
        assert source_line(nowhere, short=short) == "press — Lithuania leaves the Mine Ban Convention"


WITHDRAWALS_TAKE_EFFECT = """\
title: Withdrawals
treaty: apmbc
steps:
  - title: Three withdrawals take effect
    date: 2025-12-27
"""
EVERY_SOURCE = "Every source, date by date: data/apmbc.yaml, or Treaty Map's “Sources and method” tab."


def test_the_sources_behind_a_storyboard_are_those_of_the_states_that_change_or_are_highlighted_or_pinned_strongest_first():
    """27 December 2025: Estonia, Latvia and Lithuania's withdrawals take effect. 1 March 2025: Ukraine
    highlighted and a callout on Finland, both parties then by entry into force (their accessions' sources)."""
    story = WITHDRAWALS_TAKE_EFFECT + "  - title: Two parties\n    date: 2025-03-01\n    highlight: [UKR]\n    callouts:\n      - text: Still a party\n        state: FIN\n"
    shown = sources_shown(Run(real_data()), parse_storyboard(story, "sources.yaml"))
    assert [(source.kind.label, source.title) for source in shown] == [
        ("official", "Ottawa Mine Ban Treaty to take effect in Finland on 1 July (press release 162/2012)"),
        ("official", "Finland"),
        ("official", "Membership: Ukraine"),
        ("Monitor", "ICBL Statement on Finland's Withdrawal from the Mine Ban Treaty"),
        ("Monitor", "Ukraine: Mine Ban Policy"),
        ("press", "Lietuva oficialiai pasitraukė iš Otavos konvencijos"),
        ("press", "Global Mine Ban Treaty Meeting Ends with Withdrawals by Five States"),
        ("press", "Countries Leave Mine Ban Treaty"),
        ("press", "No šodienas stājas spēkā būtisks Latvijas lēmums…"),
        ("press", "Finland officially withdraws from ottawa landmine treaty"),
        ("other", "MAG statement on the official withdrawal of Estonia, Latvia and Lithuania from the Ottawa Treaty"),
    ]


def test_the_sources_text_shows_so_many_sources_then_counts_the_rest_and_says_where_every_source_is():
    """The seven sources behind 27 December 2025: two shown, then six, then all seven."""
    run, storyboard = Run(real_data()), parse_storyboard(WITHDRAWALS_TAKE_EFFECT, "sources.yaml")
    icbl = "Monitor — ICBL-CMC: ICBL Statement on Finland's Withdrawal from the Mine Ban Treaty"
    kauno = "press — Kauno diena (BNS): Lietuva oficialiai pasitraukė iš Otavos konvencijos"
    assert sources_text(run, storyboard, 2) == [
        f"{icbl} (https://icblcmc.org/our-impact/icbl-statement-on-finlands-withdrawal-from-the-mine-ban-treaty)",
        f"{kauno} (https://kauno.diena.lt/naujienos/lietuva/salies-pulsas/lietuva-oficialiai-pasitrauke-otavos-konvencijos-1734878)",
        f"…and 5 more. {EVERY_SOURCE}",
    ]
    assert sources_text(run, storyboard, 2, short=True) == [f"{icbl} (icblcmc.org)", f"{kauno} (kauno.diena.lt)", f"…and 5 more. {EVERY_SOURCE}"]
    assert sources_text(run, storyboard, 6)[-1] == f"…and 1 more. {EVERY_SOURCE}"
    everything = sources_text(run, storyboard, 7)
    assert len(everything) == 8 and everything[-1] == EVERY_SOURCE
    assert everything[-2].startswith("other — MAG (Mines Advisory Group): MAG statement on the official withdrawal")


def test_a_state_party_by_entry_into_force_on_no_recorded_day_is_sourced_by_its_ratification():
    """Liechtenstein ratified on 5 October 1999 and became a party by rule on 1 April 2000, a day with no
    event of its own: its ratification's sources stand behind it (not its signature's)."""
    story = "title: Liechtenstein\ntreaty: apmbc\nsteps:\n  - title: A party\n    date: 2025-03-01\n    highlight: [LIE]\n"
    shown = sources_shown(Run(real_data()), parse_storyboard(story, "liechtenstein.yaml"))
    assert [(source.kind.label, source.title) for source in shown] == [
        ("official", "BGBl. III Nr. 138/2002: announcement of the scope of application of the Convention (from UN depositary notifications)"),
        ("Monitor", "Liechtenstein, Landmine Monitor Report 2000"),
        ("Monitor", "Liechtenstein: Mine Ban Policy"),
    ]


def test_a_state_whose_status_began_with_events_of_its_own_is_sourced_by_all_of_them():
    """South Sudan succeeded on 11 November 2011, the day the Convention entered into force for it: the
    succession's sources stand beside the entry into force's (UNMISS and the ICBL's news, not only the ISU and Monitor)."""
    story = "title: South Sudan\ntreaty: apmbc\nsteps:\n  - title: A party\n    date: 2025-03-01\n    highlight: [SSD]\n"
    shown = sources_shown(Run(real_data()), parse_storyboard(story, "south-sudan.yaml"))
    assert [(source.kind.label, source.title) for source in shown] == [
        ("official", "South Sudan"),
        ("official", "South Sudan joins anti-personnel mine convention"),
        ("Monitor", "South Sudan: Mine Ban Policy"),
        ("Monitor", "South Sudan joins the Mine Ban Treaty (news, Geneva, 11 November 2011)"),
    ]


def test_a_status_begun_by_an_event_known_only_to_the_month_is_sourced_by_that_event():
    """Lithuania's withdrawal was under way from January 2025 (the Ministry of Defence's advice, dated to the
    month, counted from its last day): on 1 March 2025 that event's sources are shown, not those of its 2003
    entry into force."""
    story = "title: Lithuania\ntreaty: apmbc\nsteps:\n  - title: Under way\n    date: 2025-03-01\n    highlight: [LTU]\n"
    shown = sources_shown(Run(real_data()), parse_storyboard(story, "lithuania.yaml"))
    assert [(source.kind.label, source.title) for source in shown] == [
        ("official", "MoD provides political-military advice on withdrawal from the Ottawa Convention"),
        ("press", "Regional decision on leaving mine ban treaty to be announced soon – minister"),
    ]


DATA_LINE = (
    "Data as of 22 November 2026. Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com."
    " Borders: point of view of Germany (DEU) — Crimea in Ukraine, northern Cyprus in Cyprus, Kosovo separate."
)


def test_a_steps_notes_carry_the_changes_in_its_region_or_say_none_changed_and_its_caption_names_both_dates():
    story = """\
title: Nordic-Baltic
treaty: apmbc
steps:
  - title: Half a year
    before: 2025-06-01
    after: 2026-01-01
    region: nordic-baltic
  - title: A quiet day
    before: 2025-01-02
    after: 2025-01-03
  - title: Three withdrawals take effect
    date: 2025-12-27
    region: nordic-baltic
"""
    half_year, quiet, one_day = parse_storyboard(story, "nordic-baltic.yaml").steps
    run = Run(load_export_data(REAL_DATASET, REGIONS["nordic-baltic"]))
    assert step_notes(run, half_year) == (  # Poland's withdrawal, outside the region, is not among them
        "Between 1 June 2025 and 1 January 2026:\n"
        "• Estonia: Withdrawal under way (still bound) → Withdrawn (former party)\n"
        "• Finland: Withdrawal under way (still bound) → Withdrawal notified, pending (still bound)\n"
        "• Latvia: Withdrawal under way (still bound) → Withdrawn (former party)\n"
        "• Lithuania: Withdrawal under way (still bound) → Withdrawn (former party)\n\n" + DATA_LINE
    )
    assert step_notes(run, quiet) == "Between 2 January 2025 and 3 January 2025:\nno state's status changed.\n\n" + DATA_LINE
    assert step_notes(run, one_day) == (
        "On 27 December 2025 the withdrawals of Estonia, Latvia and Lithuania take effect; Finland's follows in 14 days."
        " 163 States Parties worldwide; in Nordic–Baltic 5 of 8 states are bound.\n\n" + DATA_LINE
    )
    assert caption(run, half_year) == "Mine Ban Convention on 1 June 2025 and 1 January 2026"
    assert caption(run, one_day) == "Mine Ban Convention on 27 December 2025"


TWO_STEPS = """\
title: Two steps
treaty: apmbc
steps:
  - title: Three withdrawals take effect
    subtitle: Estonia, Latvia, Lithuania
    date: 2025-12-27
    highlight: [LTU]
    callouts:
      - text: First to leave
        state: LTU
  - title: Before and after
    before: 2025-06-01
    after: 2026-01-01
    highlight: [POL]
"""


@pytest.fixture(scope="module")
def two_steps():
    """The run, storyboard and pictures of a two-step storyboard, drawn small once for the module."""
    storyboard = parse_storyboard(TWO_STEPS, "two-steps.yaml")
    run = Run(real_data(), size=(1440, 1080), scale=0.25)
    return run, storyboard, list(step_pictures(lambda _region: run, storyboard))


def test_a_briefing_slide_carries_its_steps_subtitle_if_any_and_caption_and_the_sources_slide_only_hosts(two_steps):
    deck = Presentation(io.BytesIO(briefing_deck(*two_steps)))
    first, second, sources = deck.slides
    assert texts(first)[1:] == ["Estonia, Latvia, Lithuania", "Mine Ban Convention on 27 December 2025"]
    assert texts(second)[1:] == ["Mine Ban Convention on 1 June 2025 and 1 January 2026"]
    assert "Monitor — ICBL-CMC: ICBL Statement on Finland's Withdrawal from the Mine Ban Treaty (icblcmc.org)" in texts(sources)[-1].split("\n")


def test_the_handout_is_titled_and_numbered_by_step_its_sources_page_titled_and_its_text_is_text(two_steps):
    pdf = briefing_handout(*two_steps)
    assert b"/Title (Two steps)" in pdf and b"/Subject (Briefing: 2 steps)" in pdf and b"CreationDate" not in pdf
    text = pdf_text(pdf)
    assert "Two steps · step 1 of 2" in text and "Two steps · step 2 of 2" in text
    assert SOURCES_TITLE in text and "None" not in text


def test_each_steps_picture_is_the_map_drawn_with_its_title_subtitle_highlight_and_callouts_at_the_runs_size(two_steps):
    run, _, (single, pair) = two_steps
    heading = Heading("Three withdrawals take effect", "Estonia, Latvia, Lithuania")
    callout = Callout(text="First to leave", state="LTU")
    assert np.array_equal(single.rgb, run.renderer.rgb(date(2025, 12, 27), heading, highlight=frozenset({"LTU"}), callouts=(callout,)))
    drawn = BeforeAfterRenderer(run.data.inputs, date(2025, 6, 1), date(2026, 1, 1), (1440, 1080), 0.25)
    drawn.show_pair(Heading("Before and after", ""), highlight=frozenset({"POL"}))
    assert pair.rgb.shape == (270, 360, 3) and np.array_equal(pair.rgb, drawn.pixels())
