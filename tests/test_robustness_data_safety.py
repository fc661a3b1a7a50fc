"""The data folder is the maintainers': the app only reads it, follows their edits, and survives them.

Every test runs the real app.py (AppTest) on a temporary copy of data/ named by TREATY_MAP_DATA_DIR.
* Nothing in the folder changes, whatever the viewer does: same files, same bytes, same times.
* An edit is picked up on the next run, without a restart (the cache is keyed by mtime and size).
* An edit that breaks validation shows the problem panel, and the last good version stays on the
  map and browsable; fixing the file brings the new version back.
* A file that disappears for a moment (an editor saving by rename, a checkout) or a folder with no
  dataset at all gives a message, not a traceback.
(The browser half, several sessions on a copied folder, is in tests/browser/test_robustness_browser.py.)
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from geo.countries import load_countries
from treaty.statuses import STATUS_TABLE
from tests.app_page import click_on_map, map_arguments, move_on_timeline, open_page

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
BUILD = REPO / "build" / "map_component"


def folder_state(folder: Path) -> dict[str, tuple]:
    """Each path under `folder` with its SHA-256, size and modification time (ns)."""
    state = {}
    for path in sorted(folder.rglob("*")):
        info = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "<dir>"
        state[str(path.relative_to(folder))] = (digest, info.st_size if path.is_file() else None, info.st_mtime_ns)
    return state


def bump(path: Path, seconds: int = 5) -> None:
    """Move the file's mtime on, as a later save would (an edit within one clock tick keeps it)."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + seconds * 1_000_000_000))


def start(monkeypatch, folder: Path, **query):
    return open_page(monkeypatch, folder, **query)


def no_exception(app) -> None:
    assert not app.exception, [getattr(item, "value", item) for item in app.exception]


def fill_of(app, iso3: str) -> str:
    """The status key the map is told to draw for a state: one base-36 digit per shape (its row in the
    status table), in the geometry's order."""
    digit = map_arguments(app)["fills"][list(load_countries()["iso3"]).index(iso3)]
    return STATUS_TABLE[int(digit, 36)].key


def details(app) -> dict:
    return json.loads((BUILD / map_arguments(app)["details_url"]).read_text(encoding="utf-8"))


def data_as_of(app) -> str:
    return next(caption.value for caption in app.caption if "Data as of" in caption.value)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


# ---------------------------------------------------------------------------------------------------
# The app only reads


def test_the_app_never_writes_to_its_data_folder(monkeypatch, data_copy):
    (data_copy / "broken.yaml").write_text("as_of: 2026-02-30\ntreaty: [\n", encoding="utf-8")
    before = folder_state(data_copy)

    app = start(monkeypatch, data_copy, date="2025-12-26")
    no_exception(app)
    move_on_timeline(app, "2025-12-27")
    move_on_timeline(app, "2026-01-10")
    click_on_map(app, "LTU")
    app.toggle[0].set_value(True).run()
    app.toggle[0].set_value(False).run()
    no_exception(app)
    queries = [{"treaty": "ccm"}, {"treaty": "broken"}, {"state": "LTU"}, {"treaty": "ccm", "view": "All states", "present": "1"}]
    queries += [{"view": tab.label, "state": "LTU"} for tab in app.tabs]  # every tab the app has now
    for query in queries:
        no_exception(start(monkeypatch, data_copy, **query))

    assert folder_state(data_copy) == before, "the app changed its data folder"


# ---------------------------------------------------------------------------------------------------
# Edits while the app runs


@pytest.fixture
def one_treaty(tmp_path) -> Path:
    """A data folder with apmbc.yaml only; returns the file."""
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "apmbc.yaml"
    shutil.copy(DATA / "apmbc.yaml", path)
    return path


NOR = "  - iso3: NOR\n    name: Norway\n"
LTU_RATIFICATION = "    - type: ratification\n      date: 2003-05-12\n"


def edited(text: str) -> str:
    assert text.count("as_of: 2026-11-22") == 1 and text.count(NOR) == 1
    return text.replace("as_of: 2026-11-22", "as_of: 2026-11-30").replace(NOR, NOR + "    note: Edited while the app ran.\n")


def test_an_edit_is_picked_up_on_the_next_run(monkeypatch, one_treaty):
    app = start(monkeypatch, one_treaty.parent, date="2025-12-27")
    no_exception(app)
    assert "22 November 2026" in data_as_of(app)
    assert details(app)["NOR"]["note"] is None

    one_treaty.write_text(edited(one_treaty.read_text(encoding="utf-8")), encoding="utf-8")
    bump(one_treaty)
    app.run()
    no_exception(app)
    assert not app.error, [error.value for error in app.error]
    assert "30 November 2026" in data_as_of(app)
    assert details(app)["NOR"]["note"] == "Edited while the app ran."


def test_a_broken_edit_shows_the_panel_and_the_last_good_data_stay_browsable(monkeypatch, one_treaty):
    good = edited(one_treaty.read_text(encoding="utf-8"))
    one_treaty.write_text(good, encoding="utf-8")
    app = start(monkeypatch, one_treaty.parent, date="2025-12-27")
    no_exception(app)
    good_details_url = map_arguments(app)["details_url"]

    assert good.count(LTU_RATIFICATION) == 1
    one_treaty.write_text(good.replace(LTU_RATIFICATION, LTU_RATIFICATION.replace("2003-05-12", "2003-02-30")), encoding="utf-8")
    bump(one_treaty)
    app.run()
    no_exception(app)
    assert app.error and "showing the last version that passed validation" in app.error[0].value
    assert str(one_treaty) in app.code[0].value and "2003-02-30" in app.code[0].value
    assert "30 November 2026" in data_as_of(app), "the header should still describe the last good version"
    assert map_arguments(app)["details_url"] == good_details_url, "the map should still use the last good records"
    assert details(app)["NOR"]["note"] == "Edited while the app ran."

    # Still browsable: the date moves, a state opens.
    move_on_timeline(app, "2025-12-26")
    assert map_arguments(app)["date"] == "2025-12-26" and fill_of(app, "LTU") == "withdrawal_pending"
    move_on_timeline(app, "2025-12-27")
    assert fill_of(app, "LTU") == "withdrawn"

    one_treaty.write_text(good, encoding="utf-8")
    bump(one_treaty, 10)
    app.run()
    no_exception(app)
    assert not app.error, "the panel should go once the file is fixed"


def test_a_file_edited_to_nothing_and_back_is_followed(monkeypatch, one_treaty):
    """An editor that truncates before writing: the empty file is a problem, the full one comes back."""
    text = one_treaty.read_text(encoding="utf-8")
    app = start(monkeypatch, one_treaty.parent)
    one_treaty.write_text("", encoding="utf-8")
    bump(one_treaty)
    app.run()
    no_exception(app)
    assert app.error and "last version that passed validation" in app.error[0].value
    one_treaty.write_text(text, encoding="utf-8")
    bump(one_treaty, 10)
    app.run()
    no_exception(app)
    assert not app.error


def test_a_dataset_file_that_disappears_for_a_moment_is_not_a_crash(monkeypatch, data_copy):
    """BUG: app.py looks the chosen treaty up in the files found now (`loaded[treaty_id]`), but the
    session keeps the treaty chosen before: while apmbc.yaml is away (an editor saving by rename, a
    git checkout) every open session dies with KeyError: 'apmbc'. Expected: the last good data with a
    notice, or the default treaty with a notice (choose_treaty should re-check the session's choice
    against `files`, as selected_state does for the state)."""
    app = start(monkeypatch, data_copy)
    no_exception(app)
    away = data_copy / "apmbc.yaml.swp"
    (data_copy / "apmbc.yaml").rename(away)
    try:
        app.run()
        no_exception(app)
        assert [warning.value for warning in app.warning] == [
            "The treaty file `apmbc` is no longer in the data folder: showing Convention on Cluster Munitions."
        ]
        assert "Convention on Cluster Munitions" in app.markdown[0].value, "the page shows the treaty still there"
    finally:
        away.rename(data_copy / "apmbc.yaml")
    app.run()
    no_exception(app)
    assert [warning.value for warning in app.warning] == []


@pytest.mark.parametrize("folder", ["empty", "missing"])
def test_a_data_folder_without_datasets_is_a_message_not_a_crash(monkeypatch, tmp_path, folder):
    """With no *.yaml in TREATY_MAP_DATA_DIR (an empty or mistyped folder), app.py called next(iter(files))
    on an empty dict: StopIteration (fixed while these tests were written): st.error naming the folder."""
    data = tmp_path / "data"
    if folder == "empty":
        data.mkdir()
    app = start(monkeypatch, data)
    no_exception(app)
    assert app.error and str(data) in app.error[0].value
