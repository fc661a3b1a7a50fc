"""Where callouts go: made-up maps of boxes, each checked for what the placement promises."""
import pytest
import shapely

from geo.countries import load_countries
from geo.regions import ASIA_PACIFIC, EUROPE
from render.callouts import Placed, label_point, overlap, part_boxes, place_callouts, story_payload, wrap_callout
from storyboard.model import Callout

FRAME = (0.0, 0.0, 1000.0, 600.0)
SIZE = (160.0, 50.0)
GAP = 20.0


def inside(box, frame=FRAME) -> bool:
    return box[0] >= frame[0] and box[1] >= frame[1] and box[2] <= frame[2] and box[3] <= frame[3]


def test_in_open_space_the_box_goes_up_and_right_at_the_nearest_distance():
    [spot] = place_callouts([(500.0, 300.0)], [SIZE], [], FRAME, GAP)
    assert spot.box == (520.0, 230.0, 680.0, 280.0)


def test_a_callout_pinned_inside_a_highlighted_state_does_not_cover_it():
    state = (450.0, 250.0, 560.0, 340.0)  # the anchor is in the middle of it
    [spot] = place_callouts([(500.0, 300.0)], [SIZE], [state], FRAME, GAP)
    assert overlap(spot.box, state) == 0 and inside(spot.box)


def test_highlighted_states_above_and_right_push_the_box_to_a_free_side():
    # A Baltic-like column of states to the north and east of the anchor (parts of several states).
    states = [(480.0, 60.0, 760.0, 290.0), (505.0, 290.0, 760.0, 420.0), (300.0, 100.0, 480.0, 290.0)]
    [spot] = place_callouts([(500.0, 300.0)], [SIZE], states, FRAME, GAP)
    assert all(overlap(spot.box, state) == 0 for state in states)
    assert inside(spot.box)


def test_two_callouts_on_one_anchor_do_not_cover_each_other_or_the_highlighted_state():
    state = (480.0, 280.0, 520.0, 320.0)
    first, second = place_callouts([(500.0, 300.0)] * 2, [SIZE, SIZE], [state], FRAME, GAP)
    assert overlap(first.box, second.box) == 0
    assert overlap(first.box, state) == 0 and overlap(second.box, state) == 0


def test_a_box_never_covers_another_callouts_anchor():
    anchors = [(500.0, 300.0), (560.0, 260.0)]  # the second anchor sits where the first box would go
    first, second = place_callouts(anchors, [SIZE, SIZE], [], FRAME, GAP)
    x, y = anchors[1]
    assert not (first.box[0] <= x <= first.box[2] and first.box[1] <= y <= first.box[3])


@pytest.mark.parametrize("anchor", [(990.0, 300.0), (10.0, 10.0), (500.0, 595.0), (995.0, 595.0)])
def test_near_the_frames_edge_or_corner_the_box_stays_inside(anchor):
    [spot] = place_callouts([anchor], [SIZE], [], FRAME, GAP)
    assert inside(spot.box)


def test_when_the_near_candidates_cover_a_state_the_box_goes_further_out_to_a_free_place():
    # Highlighted everywhere right of x=200: only the farthest candidates on the left (3.5 gaps out) are free.
    states = [(200.0, 0.0, 1000.0, 600.0)]
    [spot] = place_callouts([(260.0, 300.0)], [SIZE], states, FRAME, GAP)
    assert overlap(spot.box, states[0]) == 0
    assert spot.box == (30.0, 180.0, 190.0, 230.0)  # up-left, 70 px from the anchor


def test_the_leader_line_ends_on_the_box_edge_nearest_the_anchor():
    spot = Placed((500.0, 300.0), (520.0, 230.0, 680.0, 280.0))
    assert spot.leader_end == (520.0, 280.0)
    assert Placed((600.0, 300.0), (520.0, 320.0, 680.0, 370.0)).leader_end == (600.0, 320.0)


def test_callout_text_wraps_at_24_characters_and_keeps_a_long_word_whole():
    assert wrap_callout("First to leave: withdrawal takes effect 27 Dec 2025") == [
        "First to leave:", "withdrawal takes effect", "27 Dec 2025",
    ]
    assert wrap_callout("Kyiv") == ["Kyiv"]
    assert wrap_callout("Internationalisationsverfahren x") == ["Internationalisationsverfahren", "x"]


def test_control_and_direction_characters_never_reach_a_drawing():
    # From a storyboard file written with escapes: a NUL would make the SVG unreadable XML.
    assert wrap_callout("a\x00b \u202eevil\x1b") == ["ab evil"]


def test_a_states_label_point_is_on_its_mainland_and_its_islets_are_not_boxes_to_avoid():
    mainland = shapely.box(0, 0, 100, 100)
    islet = shapely.box(500, 500, 501, 501)
    state = shapely.MultiPolygon([mainland, islet])
    assert mainland.contains(label_point(state))
    assert part_boxes(state) == [(0.0, 0.0, 100.0, 100.0)]


def test_a_states_label_point_is_where_the_view_shows_it():
    # A long state (European Russia and Siberia) seen only in its western part: the callout points there.
    state = shapely.box(0, 0, 1000, 100)
    point = label_point(state, (-50.0, -50.0, 200.0, 150.0))
    assert 0 <= point.x <= 200
    assert label_point(state, (2000.0, 0.0, 3000.0, 100.0)).within(state)  # out of view: anywhere in it


def test_a_box_that_covers_no_highlighted_state_always_wins_even_outside_the_frame():
    # Everything inside the frame around the anchor is highlighted; only beyond the frame's top is free.
    frame = (0.0, 0.0, 400.0, 400.0)
    states = [(0.0, 60.0, 400.0, 400.0)]
    [spot] = place_callouts([(200.0, 100.0)], [SIZE], states, frame, GAP)
    assert overlap(spot.box, states[0]) == 0


def test_in_two_hundred_made_up_maps_no_box_covers_a_highlighted_state_where_a_free_place_exists():
    import random

    from render.callouts import candidate_boxes

    generator = random.Random(18)  # fixed: the same maps on every run
    checked = 0
    for _ in range(200):
        states = []
        for _ in range(generator.randint(1, 6)):
            x, y = generator.uniform(0, 900), generator.uniform(0, 500)
            states.append((x, y, x + generator.uniform(20, 250), y + generator.uniform(20, 200)))
        anchors = [(generator.uniform(50, 950), generator.uniform(50, 550)) for _ in range(generator.randint(1, 3))]
        placed = place_callouts(anchors, [SIZE] * len(anchors), states, FRAME, GAP)
        for spot in placed:
            free = [box for box in candidate_boxes(spot.anchor, SIZE, GAP) if all(overlap(box, s) == 0 for s in states)]
            if free:
                checked += 1
                assert all(overlap(spot.box, state) == 0 for state in states)
    assert checked > 250  # most callouts had a free place: the check ran


def test_in_the_asia_pacific_view_callouts_point_at_the_pacific_as_the_map_draws_it_east_of_180_degrees():
    """Tonga (about 175° W) is drawn at lon + 360 in that view (geo.countries.moved_east_of): its callout's anchor
    and a point callout west of the map's west edge (-25°) are placed there too; elsewhere as the file has them."""
    countries = load_countries()
    shapes = dict(zip(countries["iso3"], countries.geometry))
    callouts = (Callout(text="Tonga", state="TON"), Callout(text="Nuku'alofa", at=(-21.14, -175.2)), Callout(text="Suva", at=(-18.14, 178.44)))
    pacific = story_payload(frozenset({"TON"}), callouts, shapes, ASIA_PACIFIC.view_fit, ASIA_PACIFIC.map_west)
    tonga, capital, suva = (callout["anchor"] for callout in pacific["callouts"])
    assert 184 < tonga[1] < 186 and -22 < tonga[0] < -15
    assert capital == [-21.14, 184.8]
    assert suva == [-18.14, 178.44], "east of the map's west edge: where it is"
    europe = story_payload(frozenset({"TON"}), callouts, shapes, EUROPE.view_fit)
    assert -176 < europe["callouts"][0]["anchor"][1] < -174 and europe["callouts"][1]["anchor"] == [-21.14, -175.2]
