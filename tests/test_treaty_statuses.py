"""The status table is complete: every status has every entry, so adding one cannot leave a label, a
colour or a sentence behind. And the layers import downwards only."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from treaty.statuses import BY_KEY, INITIAL, LABELS, NOT_COVERED, STATUS_TABLE, Status, Theme

REPO = Path(__file__).resolve().parent.parent


def test_every_status_and_not_covered_has_exactly_one_row():
    keys = [row.key for row in STATUS_TABLE]
    assert sorted(keys) == sorted([status.value for status in Status] + [NOT_COVERED])
    assert all(type(key) is str for key in keys), "plain text keys: an enum member would print as Status.X"


@pytest.mark.parametrize("row", STATUS_TABLE, ids=lambda row: row.key)
def test_every_row_has_a_label_a_binding_answer_and_a_colour_in_every_theme(row):
    assert row.label.strip() and LABELS[row.key] == row.label
    assert isinstance(row.bound, bool)
    assert set(row.colours) == set(Theme)
    assert all(re.fullmatch(r"#[0-9A-F]{6}", colour) for colour in row.colours.values()), row.colours


@pytest.mark.parametrize("row", STATUS_TABLE, ids=lambda row: row.key)
def test_every_status_a_change_leads_to_has_its_sentence_and_what_it_may_follow(row):
    if row.key in (INITIAL.value, Status.CANNOT_JOIN.value, Status.NOT_APPLIED.value, NOT_COVERED):
        assert (row.clause, row.after) == (None, frozenset()), "nothing changes a state into this"
        return
    singular, plural = row.clause
    assert singular.count("{}") == 1 and plural.count("{}") == 1
    assert row.after and row.after <= {status.value for status in Status}
    assert row.key not in row.after, "a status never follows itself"


def test_labels_say_still_bound_exactly_for_the_bound_statuses_that_are_leaving_or_contested():
    still_bound = {row.key for row in STATUS_TABLE if "still bound" in row.label}
    assert still_bound == {"withdrawal_under_way", "withdrawal_pending", "contested", "suspension_rejected"}
    assert all(BY_KEY[key].bound for key in still_bound)


# ---- the layers: data -> treaty -> geo -> render -> components -> app; nothing imports upward ----

FORBIDDEN = {
    "treaty": {"geo", "render", "components", "export", "app"},
    "geo": {"render", "components", "export", "app"},
    "render": {"components", "export", "app"},
}


def _imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_no_layer_imports_one_above_it(layer):
    upward = {
        str(path.relative_to(REPO)): sorted(_imported_packages(path) & FORBIDDEN[layer])
        for path in sorted((REPO / layer).rglob("*.py"))
    }
    assert {file: found for file, found in upward.items() if found} == {}


def test_the_import_check_sees_an_upward_import(tmp_path):
    module = tmp_path / "bad.py"
    module.write_text("from render.palette import COLOURS\nimport components.map_panel\n", encoding="utf-8")
    assert _imported_packages(module) & FORBIDDEN["geo"] == {"render", "components"}
