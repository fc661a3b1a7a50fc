"""The map component's build folder: published JSON files are content-addressed, and old ones go."""
from __future__ import annotations

import json
import os

import components.map_view as map_view


def test_published_files_are_named_by_content_and_written_once(tmp_path, monkeypatch):
    monkeypatch.setattr(map_view, "BUILD_DIR", tmp_path)
    name = map_view.publish("history", {"changes": ["2025-12-27"]})
    assert name.startswith("history-") and name.endswith(".json")
    assert json.loads((tmp_path / name).read_text(encoding="utf-8")) == {"changes": ["2025-12-27"]}
    assert map_view.publish("history", {"changes": ["2025-12-27"]}) == name
    assert map_view.publish("history", {"changes": ["2026-01-10"]}) != name


def test_only_the_newest_files_of_a_kind_are_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(map_view, "BUILD_DIR", tmp_path)
    other_kind = map_view.publish("details", {"version": "kept"})
    names = []
    for version in range(map_view.KEEP_PUBLISHED + 8):
        names.append(map_view.publish("history", {"version": version}))
        os.utime(tmp_path / names[-1], (1_000_000 + version, 1_000_000 + version))  # one save per second
    kept = sorted(path.name for path in tmp_path.glob("history-*.json"))
    assert kept == sorted(names[-map_view.KEEP_PUBLISHED:])
    assert (tmp_path / other_kind).exists(), "pruning one kind leaves the others alone"


def test_files_saved_in_the_last_hour_are_kept_however_many(tmp_path, monkeypatch):
    """Another server sharing the folder may still be serving them (tests and benchmarks do)."""
    monkeypatch.setattr(map_view, "BUILD_DIR", tmp_path)
    names = [map_view.publish("history", {"version": version}) for version in range(map_view.KEEP_PUBLISHED + 8)]
    assert sorted(path.name for path in tmp_path.glob("history-*.json")) == sorted(names)


PREPARE = """
import sys
from pathlib import Path
import components.map_view as map_view
from geo.countries import load_countries, microstate_points
map_view.BUILD_DIR = Path(sys.argv[1])
countries = load_countries()
map_view.prepare_frontend(countries, microstate_points(countries), {"attribution": sys.argv[2]})
print("folium" in sys.modules)
"""


def prepare_in_fresh_process(build_dir, attribution: str) -> bool:
    """Prepare the component folder in a new interpreter, as a server's first session does; was folium imported?"""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", PREPARE, str(build_dir), attribution], cwd=root,
                          capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(root)})
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1] == "True"


def test_the_map_document_is_rebuilt_only_when_what_it_is_made_from_changes(tmp_path):
    assert prepare_in_fresh_process(tmp_path, "Borders: A") is True, "the first start builds the document with folium"
    document = tmp_path / "index.html"
    built = document.stat().st_mtime_ns
    assert "Borders: A" in document.read_text(encoding="utf-8")

    assert prepare_in_fresh_process(tmp_path, "Borders: A") is False, "a restart with the same inputs needs no folium"
    assert document.stat().st_mtime_ns == built

    assert prepare_in_fresh_process(tmp_path, "Borders: B") is True
    assert "Borders: B" in document.read_text(encoding="utf-8") and "Borders: A" not in document.read_text(encoding="utf-8")


def test_the_dataset_files_are_written_once_and_again_only_if_they_have_gone(tmp_path, monkeypatch):
    from components import map_panel
    from treaty.loader import load_dataset
    from treaty.status import compile_timelines
    from treaty.territories import NO_DEPENDENCIES

    monkeypatch.setattr(map_view, "BUILD_DIR", tmp_path)
    written = []
    monkeypatch.setattr(map_panel, "publish", lambda kind, content: written.append(kind) or map_view.publish(kind, content))
    map_panel._publish.clear()
    dataset = load_dataset("data/apmbc.yaml")
    compiled, version = compile_timelines(dataset), ("test", 1)

    files = map_panel.published(dataset, compiled, NO_DEPENDENCIES, version)
    assert map_panel.published(dataset, compiled, NO_DEPENDENCIES, version) == files
    assert written == ["details", "history", "text"], "a rerun finds the files in place and writes nothing"
    (tmp_path / files.history).unlink()
    assert map_panel.published(dataset, compiled, NO_DEPENDENCIES, version) == files
    assert (tmp_path / files.history).exists()
    assert written == ["details", "history", "text", "details", "history", "text"]
    map_panel._publish.clear()
