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
