"""Where callouts go: made-up maps of boxes, each checked for what the placement promises."""
import pytest
import shapely

from geo.countries import load_countries
from geo.regions import ASIA_PACIFIC, EUROPE
from render.callouts import Placed, describe_story, label_point, overlap, part_boxes, place_callouts, story_payload, wrap_callout
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


# The browser map's callouts (story_payload): positions in Leaflet's pixels at zoom 5, where the world is
# 256 * 2**5 = 8192 px wide and 24 px (the gap) is 24 * 360 / 8192 = 1.0546875 degrees of longitude.
AFRICA_VIEW = ((-40.0, -30.0), (40.0, 60.0))  # south-west, north-east (lat, lon)
ISLET = shapely.box(0.0, 0.0, 0.2, 0.2)  # 0.2 degrees: a few pixels, so every candidate box is free


def test_the_browser_callout_box_goes_up_and_right_of_its_state_one_gap_away():
    story = story_payload(frozenset({"AAA"}), [Callout(state="AAA", text="First to leave")], {"AAA": ISLET}, AFRICA_VIEW)
    [callout] = story["callouts"]
    assert story["highlight"] == ["AAA"]
    assert callout["lines"] == ["First to leave"]
    assert callout["size"] == [14 * 8 + 2 * 6, 18 + 2 * 6]  # 14 characters of 8 px, one 18 px line, 6 px padding
    assert callout["anchor"] == [0.1, 0.1]  # the islet's middle
    # The leader ends at the box's lower-left corner, one gap right of and above the anchor.
    assert callout["align"] == [0.0, 1.0]
    end_lat, end_lon = callout["end"]
    assert end_lon == round(0.1 + 1.0546875, 4)
    assert end_lat == pytest.approx(1.1545, abs=2e-4)  # Mercator stretches latitude by about 1.0002 here


def test_a_browser_callout_on_a_point_or_a_state_with_no_shape():
    callouts = [Callout(at=(-20.5, 30.25), text="Here"), Callout(state="ZZZ", text="Nowhere to draw")]
    story = story_payload(frozenset({"ZZZ", "BBB", "AAA"}), callouts, {"AAA": ISLET, "BBB": ISLET}, AFRICA_VIEW)
    assert story["highlight"] == ["AAA", "BBB", "ZZZ"]  # sorted, as the link and the record list them
    [point] = story["callouts"]  # the state with no shape is left out
    assert point["anchor"] == [-20.5, 30.25]
    assert point["lines"] == ["Here"]


def test_a_browser_callout_near_the_views_edge_turns_back_inside():
    # Pinned at the view's north-east corner, the box cannot go up or right: it goes down and left.
    [callout] = story_payload(frozenset(), [Callout(at=(39.5, 59.5), text="Edge")], {}, AFRICA_VIEW)["callouts"]
    assert callout["align"] == [1.0, 0.0]  # the leader meets the box's top-right corner
    end_lat, end_lon = callout["end"]
    assert end_lon == round(59.5 - 1.0546875, 4)
    assert end_lat < 39.5


def test_candidate_boxes_come_nearest_first_in_the_documented_directions_and_distances():
    from render.callouts import candidate_boxes

    boxes = candidate_boxes((100.0, 100.0), (40.0, 20.0), 10.0)
    assert boxes[:8] == [  # one gap (10 px) out: up-right, up-left, down-right, down-left, up, down, right, left
        (110.0, 70.0, 150.0, 90.0), (50.0, 70.0, 90.0, 90.0), (110.0, 110.0, 150.0, 130.0), (50.0, 110.0, 90.0, 130.0),
        (80.0, 70.0, 120.0, 90.0), (80.0, 110.0, 120.0, 130.0), (110.0, 90.0, 150.0, 110.0), (50.0, 90.0, 90.0, 110.0),
    ]
    assert len(boxes) == 24
    assert boxes[8] == (120.0, 60.0, 160.0, 80.0)  # two gaps out, up-right
    assert boxes[23] == (25.0, 90.0, 65.0, 110.0)  # three and a half gaps out, left


def test_boxes_that_share_less_than_a_pixel_across_still_overlap():
    assert overlap((0.0, 0.0, 10.0, 10.0), (9.5, 0.0, 20.0, 10.0)) == 5.0
    assert overlap((0.0, 0.0, 10.0, 10.0), (0.0, 9.5, 10.0, 20.0)) == 5.0
    assert overlap((0.0, 0.0, 10.0, 10.0), (10.0, 0.0, 20.0, 10.0)) == 0.0  # touching edges share nothing


def test_a_part_of_exactly_two_percent_of_the_state_is_a_box_to_avoid():
    state = shapely.MultiPolygon([shapely.box(0, 0, 7, 7), shapely.box(100, 100, 101, 101)])  # 49 + 1: 2 %
    assert part_boxes(state) == [(0.0, 0.0, 7.0, 7.0), (100.0, 100.0, 101.0, 101.0)]


def test_a_line_of_exactly_24_characters_is_kept_whole():
    assert wrap_callout("The withdrawal of Sweden takes effect") == ["The withdrawal of Sweden", "takes effect"]


def test_browser_anchors_beyond_mercators_85_degrees_are_held_at_85():
    callouts = [Callout(at=(88.0, 10.0), text="North"), Callout(at=(-88.0, 10.0), text="South")]
    north, south = story_payload(frozenset(), callouts, {}, AFRICA_VIEW)["callouts"]
    assert north["anchor"] == [85.0, 10.0]
    assert south["anchor"] == [-85.0, 10.0]


def test_browser_anchor_and_leader_end_are_rounded_to_four_decimals():
    [callout] = story_payload(frozenset(), [Callout(at=(-20.123456, 30.123456), text="Here")], {}, AFRICA_VIEW)["callouts"]
    assert callout["anchor"] == [-20.1235, 30.1235]
    # Up and right, one gap (24 px) away: 30.123456 + 1.0546875 degrees east; 24 px north at this latitude
    # is 0.993395 degrees (Web Mercator, worked out by hand from y = ln(tan(45° + lat/2))).
    assert callout["end"] == [-19.1301, 31.1781]


def test_a_callout_after_one_on_a_state_with_no_shape_is_still_drawn():
    callouts = [Callout(state="ZZZ", text="Nowhere to draw"), Callout(at=(-20.5, 30.25), text="Here")]
    [point] = story_payload(frozenset(), callouts, {}, AFRICA_VIEW)["callouts"]
    assert point["lines"] == ["Here"]


def test_a_browser_callout_points_at_the_part_of_its_state_inside_the_view():
    # The larger part (lon 100..140) lies east of the view (lon -30..60): the callout points at the smaller one.
    state = shapely.MultiPolygon([shapely.box(100.0, 0.0, 140.0, 20.0), shapely.box(10.0, 0.0, 12.0, 2.0)])
    [callout] = story_payload(frozenset(), [Callout(state="AAA", text="Here")], {"AAA": state}, AFRICA_VIEW)["callouts"]
    lat, lon = callout["anchor"]
    assert 10.0 <= lon <= 12.0 and 0.0 <= lat <= 2.0


def test_a_browser_callout_with_highlighted_states_on_both_sides_goes_straight_up():
    # A box "Here" is 44 x 30 px; one gap is 24 px (1.0547 degrees). The states cover everything more than
    # 1.02 degrees (23 px) east or west of the anchor: every diagonal box covers one, the box straight up does not.
    shapes = {"EEE": shapely.box(11.02, -8.0, 19.0, 8.0), "WWW": shapely.box(1.0, -8.0, 8.98, 8.0)}
    [callout] = story_payload(frozenset(shapes), [Callout(at=(0.0, 10.0), text="Here")], shapes, AFRICA_VIEW)["callouts"]
    assert callout["align"] == [0.5, 1.0]  # the leader meets the middle of the box's bottom edge
    assert callout["end"][1] == 10.0


def test_a_browser_callout_with_highlighted_states_above_and_below_goes_right():
    # The states cover everything more than 0.75 degrees (17 px) north or south of the anchor: the diagonal
    # and vertical boxes (24 px away) each cover one; the box to the right (30 px high, centred) does not.
    shapes = {"NNN": shapely.box(0.0, 0.75, 20.0, 8.0), "SSS": shapely.box(0.0, -8.0, 20.0, -0.75)}
    [callout] = story_payload(frozenset(shapes), [Callout(at=(0.0, 10.0), text="Here")], shapes, AFRICA_VIEW)["callouts"]
    assert callout["align"] == [0.0, 0.5]  # the middle of the box's left edge
    assert callout["end"] == [0.0, 11.0547]


def test_the_story_in_words_names_the_outlined_states_by_name_and_each_callout_by_state_or_point():
    callouts = [
        Callout(text="Mines  cleared", state="SWE"),
        Callout(text="Not in the file", state="DNK"),
        Callout(text="Depot", at=(59.5, -0.25)),
    ]
    names = {"NOR": "Norway", "SWE": "Sweden"}
    assert describe_story(frozenset({"XKX", "NOR"}), callouts, names) == [
        "Outlined: Norway, XKX.",
        "Callout at Sweden: “Mines cleared”.",
        "Callout at DNK: “Not in the file”.",
        "Callout at 59.5, -0.25: “Depot”.",
    ]
    assert describe_story(frozenset(), [], names) == []


UP_RIGHT = (520.0, 230.0, 680.0, 280.0)  # the open-space box of an anchor at (500, 300): up and right, 1 gap out
UP_LEFT = (320.0, 230.0, 480.0, 280.0)  # the next candidate: up and left, 1 gap out


@pytest.mark.parametrize(
    ("other_anchor", "box"),
    [
        # Another anchor's mark is the square of one gap (20) around it: 10 either side.
        ((700.0, 255.0), UP_RIGHT),  # 10 right of the box's right edge (690-710): clear
        ((688.0, 255.0), UP_LEFT),  # 2 into it (678-698)
        ((600.0, 300.0), UP_RIGHT),  # 10 below its bottom edge (290-310): clear
        ((600.0, 288.0), UP_LEFT),  # 2 into it (278-298)
        ((490.0, 255.0), UP_RIGHT),  # 10 left of its left edge (480-500): clear
        ((512.0, 255.0), UP_LEFT),  # 2 into it (502-522)
        ((600.0, 210.0), UP_RIGHT),  # 10 above its top edge (200-220): clear
        ((600.0, 222.0), UP_LEFT),  # 2 into it (212-232)
    ],
)
def test_a_box_keeps_clear_of_the_square_of_one_gap_around_another_anchor_and_no_more(other_anchor, box):
    first, _ = place_callouts([(500.0, 300.0), other_anchor], [SIZE, SIZE], [], FRAME, GAP)
    assert first.box == box


def test_a_callout_without_a_size_is_an_error():
    with pytest.raises(ValueError):
        place_callouts([(500.0, 300.0), (100.0, 100.0)], [SIZE], [], FRAME, GAP)
