"""The one loader of drawable data: a valid dataset whose every state has a country shape."""
import pytest

from geo.drawable import load_drawable
from treaty.loader import DatasetError
from treaty_fixtures import minimal_yaml, mutate, write

SHAPES = ("LTU", "NOR", "RUS", "SWE")


def test_a_valid_dataset_with_a_shape_for_every_state_loads(tmp_path):
    dataset = load_drawable(write(tmp_path, minimal_yaml()), SHAPES)
    assert [state.iso3 for state in dataset.states] == ["LTU", "NOR", "RUS"]


def test_a_state_without_a_shape_is_a_problem_naming_file_state_and_field(tmp_path):
    path = write(tmp_path, minimal_yaml())
    with pytest.raises(DatasetError) as raised:
        load_drawable(path, ("LTU", "SWE"))
    assert [(p.file, p.state, p.field, p.message) for p in raised.value.problems] == [
        (str(path), code, "iso3", "no country shape in the geometry file for this state") for code in ("NOR", "RUS")
    ]


def test_an_invalid_dataset_reports_its_own_problems_first(tmp_path):
    path = write(tmp_path, mutate(minimal_yaml(), "iso3: NOR", "iso3: XXX"))
    with pytest.raises(DatasetError) as raised:
        load_drawable(path, SHAPES)
    assert all("no country shape" not in problem.message for problem in raised.value.problems)
    assert any(problem.state == "XXX" for problem in raised.value.problems)
