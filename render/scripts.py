"""The browser scripts of the map, listed once for the app's map component and the offline HTML (no folium
import here: the app's server must not pay for it when the map document is already built)."""
from pathlib import Path

STATIC = Path(__file__).parent / "static"
# The scripts the app's map and the offline HTML both load after the map, in this order: the hover card and
# the controls' layout (and the legend's room at the opening view), the timeline (controller, then bar), the themes and presentation mode, the keyboard
# and names, the highlighted states and callouts.
SHARED_SCRIPTS = tuple(
    STATIC / name
    for name in (
        "hover_card.js", "map_layout.js", "legend_room.js", "timeline_controller.js", "timeline_bar.js", "map_present.js", "map_keyboard.js",
        "map_story.js",
    )
)
