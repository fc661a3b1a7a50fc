"""The Storyboard tab: the briefer adds the map's view as a step, edits, reorders and deletes steps, saves the
storyboard as a YAML file and opens one, and shares it by link (`?story=`) when it is small enough.

The storyboard lives in `st.session_state[STORY]` as a Storyboard (frozen: every edit replaces it). A file or
link that does not read keeps the storyboard on the page as it was and names every problem. In presentation
mode the map steps through it (components/map_panel.py sends the steps, render/static/storyboard_show.js).
"""
from __future__ import annotations

import re
from datetime import date

import streamlit as st
from pydantic import ValidationError

from components.data import load_geometry
from components.date_controls import DAY, DateRange
from components.map_view import is_published, publish
from components.notices import literal, notice, plain
from components.story import Story
from geo.regions import DEFAULT_REGION, REGIONS, region_by_id, scope_of
from render.callouts import story_payload
from storyboard.editing import retitled, with_step_added, with_step_moved, with_step_removed, with_step_replaced
from storyboard.link import LinkError, decoded, encoded
from storyboard.loader import StoryboardError, dump_storyboard, parse_storyboard
from storyboard.model import Callout, Step, Storyboard
from treaty.dates import long_date
from treaty.changes import changes_between
from treaty.model import Dataset
from treaty.status import StateHistory
from treaty.yaml_reading import Problem

STORY = "storyboard"
URL_KEY = "story"
EDITING = "story_editing"  # the index of the step being edited, or None: the form adds the map's view
UPLOADED = "story_uploaded"  # the last file opened, so a rerun does not open it again
FIELDS = ("title", "subtitle", "date", "compare", "before", "region", "highlight", "callouts", "notes")


def _key(field: str) -> str:
    return f"story_{field}"


# ---- the storyboard on the page, and in the link ----

def current_storyboard() -> Storyboard | None:
    """The storyboard on the page: from the link (`?story=`) at first, then as the briefer edits it; and the
    step being presented (`?step=`)."""
    if STORY not in st.session_state:
        st.session_state[STORY] = None
        if (code := st.query_params.get(URL_KEY)) is not None:
            try:
                st.session_state[STORY] = parse_storyboard(decoded(code), "the link's storyboard")
            except (LinkError, StoryboardError) as error:
                why = str(error) if isinstance(error, LinkError) else "; ".join(map(described, error.problems[:3]))
                notice(f"The link's storyboard {literal(code, 24)} cannot be read: {plain(why)}. "
                       "No storyboard is loaded; open its file in the Storyboard tab.")
    story = st.session_state[STORY]
    _keep_step(story)
    code = _link_code(story)
    if code is None:
        st.query_params.pop(URL_KEY, None)
    else:
        st.query_params[URL_KEY] = code
    return story


def _link_code(story: Storyboard | None) -> str | None:
    """The storyboard as `?story=` text (None if none or too long), worked out once per storyboard: every
    step on the timeline reruns the page."""
    kept = st.session_state.get("story_link")
    if kept is None or kept[0] is not story:
        kept = st.session_state["story_link"] = (story, encoded(dump_storyboard(story)) if story is not None else None)
    return kept[1]


def described(problem: Problem) -> str:
    """A file's problem for the page: 'line 5, step 1 ("27 June"), field 'highlight.0': ...'."""
    where = [f"line {problem.line}" if problem.line else "", f"step {problem.step}" if problem.step else "",
             f"field '{problem.field}'" if problem.field else ""]
    return f"{', '.join(part for part in where if part) or problem.file}: {problem.message}"


def checked(story: Storyboard) -> Storyboard:
    """The storyboard if its file would open again (dates in the treaty's history, states on the map...);
    else StoryboardError, so the page never holds a storyboard it could not save and load back."""
    parse_storyboard(dump_storyboard(story), "the storyboard")
    return story


def _replace(story: Storyboard | None) -> None:
    st.session_state[STORY] = story


# ---- a step's callouts as lines of text: "EST: Withdrawal takes effect" or "59.4, 24.7: Tallinn" ----
_CALLOUT_LINE = re.compile(r"^\s*(?:(?P<state>[A-Za-z]{3})|(?P<lat>-?\d+(?:\.\d+)?)\s*,\s*(?P<lon>-?\d+(?:\.\d+)?))\s*:\s*(?P<text>.+?)\s*$")


def callouts_from_lines(text: str) -> tuple[list[Callout], list[str]]:
    """The callouts written one per line, and a problem for each line that is not one (numbered from 1)."""
    callouts, problems = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _CALLOUT_LINE.match(line)
        try:
            if match is None:
                raise ValueError("write `ISO3: text` or `latitude, longitude: text`")
            anchor = ({"state": match["state"].upper()} if match["state"]
                      else {"at": (float(match["lat"]), float(match["lon"]))})
            callouts.append(Callout(text=match["text"], **anchor))
        except (ValueError, ValidationError) as error:
            reason = "; ".join(e["msg"] for e in error.errors()) if isinstance(error, ValidationError) else str(error)
            problems.append(f"callout line {number} ({line.strip()[:40]}): {reason}")
    return callouts, problems


def callout_lines(callouts: list[Callout]) -> str:
    return "\n".join(
        f"{callout.state}: {callout.text}" if callout.state else f"{callout.at[0]:g}, {callout.at[1]:g}: {callout.text}"
        for callout in callouts
    )


# ---- the step form: filled from a step to edit it, emptied to add the map's view ----

def _fill_form(step: Step | None, day: date, shown: Story = Story(), region: str = DEFAULT_REGION.id) -> None:
    """The form holds `step` to edit it, or for a new step the map's view: its date and region, and the
    highlight and callouts the link draws (?highlight=, ?callout=)."""
    values = {
        "title": step.title if step else "", "subtitle": (step.subtitle or "") if step else "",
        "date": (step.date or step.after) if step else day,
        "compare": bool(step and step.before), "before": (step.before if step and step.before else None),
        "region": step.region if step else region,
        "highlight": list(step.highlight) if step else sorted(shown.highlight),
        "callouts": callout_lines(step.callouts if step else shown.callouts),
        "notes": (step.notes or "") if step else "",
    }
    for field, value in values.items():
        st.session_state[_key(field)] = value


def _start_editing(index: int, story: Storyboard) -> None:
    st.session_state[EDITING] = index
    _fill_form(story.steps[index], story.steps[index].date or story.steps[index].after)


def _stop_editing() -> None:
    """Back to adding: the form is emptied, and filled again from the map's view as it is drawn."""
    st.session_state[EDITING] = None
    for field in FIELDS:
        st.session_state.pop(_key(field), None)


def _step_from_form(day: date) -> tuple[Step | None, list[str]]:
    """The step the form describes; or None and every problem with it, named by field."""
    value = {field: st.session_state.get(_key(field)) for field in FIELDS}
    editing = st.session_state.get(EDITING) is not None
    shown = value["date"] if editing and value["date"] else day
    callouts, problems = callouts_from_lines(value["callouts"] or "")
    fields = {
        "title": (value["title"] or "").strip() or long_date(shown),
        "subtitle": (value["subtitle"] or "").strip() or None,
        "region": value["region"] or DEFAULT_REGION.id,
        "highlight": sorted(value["highlight"] or []),
        "callouts": callouts,
        "notes": (value["notes"] or "").strip() or None,
    }
    if value["compare"]:
        if value["before"] is None:
            problems.append("before and after: choose the earlier date")
        fields.update(before=value["before"], after=shown)
    else:
        fields.update(date=shown)
    if problems:
        return None, problems
    try:
        return Step(**fields), []
    except ValidationError as error:
        return None, [f"{'.'.join(map(str, e['loc'])) or 'step'}: {e['msg'].removeprefix('Value error, ')}" for e in error.errors()]


def _submit(day: date, title: str, treaty_id: str) -> None:
    story, editing = st.session_state[STORY], st.session_state.get(EDITING)
    step, problems = _step_from_form(day)
    st.session_state["story_form_problems"] = problems
    if step is None:
        return
    try:
        _replace(checked(with_step_added(story, step, title, treaty_id) if editing is None
                         else with_step_replaced(story, editing, step)))
    except ValidationError as error:
        st.session_state["story_form_problems"] = [e["msg"] for e in error.errors()]
        return
    except StoryboardError as error:
        st.session_state["story_form_problems"] = [described(problem) for problem in error.problems]
        return
    _stop_editing()


def _step_form(dataset: Dataset, day: date, bounds: DateRange, region: str, story: Storyboard | None, shown: Story) -> None:
    if _key("title") not in st.session_state:
        _fill_form(None, day, shown, region)
    editing = st.session_state.get(EDITING)
    names = {state.iso3: state.name for state in dataset.states}
    heading = (f"Edit step {editing + 1}" if editing is not None
               else f"Add the map's view ({long_date(day)}) as step {len(story.steps) + 1 if story else 1}")
    with st.form("story_form", border=True):
        st.markdown(f"**{heading}**")
        title_column, subtitle_column = st.columns(2)
        title_column.text_input("Title", key=_key("title"), max_chars=120, placeholder=long_date(day))
        subtitle_column.text_input("Subtitle", key=_key("subtitle"), max_chars=200)
        dates = st.columns(3)
        if editing is not None:
            dates[0].date_input("Date (after, for before and after)", key=_key("date"),
                                min_value=bounds.first, max_value=bounds.last)
        dates[1].checkbox("Before and after: compare with an earlier date", key=_key("compare"))
        dates[2].date_input("Before", key=_key("before"), min_value=bounds.first, max_value=bounds.last)
        st.selectbox("Region shown", options=list(REGIONS), format_func=lambda key: REGIONS[key].label, key=_key("region"))
        st.multiselect("Highlighted states", options=sorted(names, key=names.get), format_func=names.get,
                       key=_key("highlight"), placeholder="None: every state drawn alike")
        st.text_area("Callouts, one per line (ISO3: text, or latitude, longitude: text)", key=_key("callouts"),
                     placeholder="EST: Withdrawal takes effect", height=80)
        st.text_area("Speaker notes", key=_key("notes"), height=80)
        title = story.title if story else f"{dataset.treaty.short_name} briefing"
        st.form_submit_button("Save the step" if editing is not None else "Add as a step", type="primary",
                              on_click=_submit, args=(day, title, dataset.treaty.id))
    if editing is not None:
        st.button("Cancel the edit", key="story_cancel", on_click=_stop_editing)
    if problems := st.session_state.get("story_form_problems"):
        st.error("The step was not saved:\n\n" + "\n".join(f"- {plain(problem)}" for problem in problems))


# ---- the list of steps ----

def step_summary(number: int, step: Step, names: dict[str, str]) -> str:
    """One line for the list: number, title, date(s), highlight, callouts, notes."""
    when = long_date(step.date) if step.date else f"{long_date(step.before)} → {long_date(step.after)}"
    parts = [f"**{number}. {plain(step.title)}** — {when}"]
    if step.region != DEFAULT_REGION.id:
        parts.append(plain((region_by_id(step.region) or DEFAULT_REGION).label))
    if step.subtitle:
        parts.append(plain(step.subtitle))
    if step.highlight:
        parts.append("highlighted: " + ", ".join(plain(names.get(code, code)) for code in step.highlight))
    if step.callouts:
        parts.append(f"{len(step.callouts)} callout{'s' if len(step.callouts) > 1 else ''}")
    if step.notes:
        parts.append("speaker notes")
    return " · ".join(parts)


def _show_step(step: Step) -> None:
    st.session_state[DAY] = step.date or step.after


def _step_list(story: Storyboard, names: dict[str, str]) -> None:
    last = len(story.steps) - 1
    for index, step in enumerate(story.steps):
        with st.container(key=f"story_step_{index}"):
            text, show, up, down, edit, delete = st.columns([7, 1, 1.2, 1.4, 1, 1.2], vertical_alignment="center")
            text.markdown(step_summary(index + 1, step, names))
            show.button("Show", key=f"story_show_{index}", help="Show this step's date on the map",
                        on_click=_show_step, args=(step,))
            up.button("Up", key=f"story_up_{index}", icon=":material/arrow_upward:", help="Move this step up", disabled=index == 0,
                      on_click=lambda i=index: _replace(with_step_moved(st.session_state[STORY], i, -1)))
            down.button("Down", key=f"story_down_{index}", icon=":material/arrow_downward:", help="Move this step down",
                        disabled=index == last,
                        on_click=lambda i=index: _replace(with_step_moved(st.session_state[STORY], i, 1)))
            edit.button("Edit", key=f"story_edit_{index}", on_click=_start_editing, args=(index, story))
            delete.button("Delete", key=f"story_delete_{index}", on_click=_delete, args=(index,))


def _delete(index: int) -> None:
    _replace(with_step_removed(st.session_state[STORY], index))
    if st.session_state.get(EDITING) is not None:
        _stop_editing()


def _rename() -> None:
    name = (st.session_state.get("story_name") or "").strip()
    if name and st.session_state[STORY] is not None:
        _replace(retitled(st.session_state[STORY], name))


# ---- saving, opening, sharing ----

def file_name(story: Storyboard) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", story.title.lower()).strip("-") or "storyboard"
    return f"{slug[:60]}.yaml"


def _open_file() -> None:
    uploaded = st.session_state.get("story_file")
    if uploaded is None or uploaded.file_id == st.session_state.get(UPLOADED):
        return
    st.session_state[UPLOADED] = uploaded.file_id
    st.session_state["story_file_problems"] = None
    try:
        text = uploaded.getvalue().decode("utf-8")
        story = parse_storyboard(text, uploaded.name)
    except UnicodeDecodeError:
        st.session_state["story_file_problems"] = (uploaded.name, [f"{uploaded.name}: not UTF-8 text"])
    except StoryboardError as error:
        st.session_state["story_file_problems"] = (uploaded.name, [described(problem) for problem in error.problems])
    else:
        _replace(story)
        st.session_state[EDITING] = None


def _files(story: Storyboard | None) -> None:
    save, load = st.columns(2)
    with save:
        if story is not None:
            st.download_button("Save the storyboard (YAML)", dump_storyboard(story), file_name=file_name(story),
                               mime="application/yaml", key="story_save", icon=":material/download:")
    with load:
        st.file_uploader("Open a storyboard file", type=["yaml", "yml"], key="story_file", on_change=_open_file)
    if failed := st.session_state.get("story_file_problems"):
        name, problems = failed
        kept = "The storyboard on the page is unchanged." if story else "No storyboard was loaded."
        st.error(f"{literal(name, 60)} cannot be opened ({len(problems)} problem{'s' if len(problems) > 1 else ''}). "
                 f"{kept}\n\n" + "\n".join(f"- {plain(problem)}" for problem in problems))


def _link(story: Storyboard) -> None:
    if st.query_params.get(URL_KEY):
        st.caption("The storyboard is in this page's address: **Copy link** shares it, and the link opens it.")
    else:
        st.caption("This storyboard is too large for a link: share the saved file instead.")


def storyboard_panel(dataset: Dataset, day: date, bounds: DateRange, shown: Story = Story(), region: str = DEFAULT_REGION.id) -> None:
    """The tab's content for the page's treaty, date, and the highlight and callouts on the map (`shown`)."""
    story = st.session_state.get(STORY)
    names = {state.iso3: state.name for state in dataset.states}
    st.caption("Build a briefing step by step: each step is a date (or two, before and after), highlighted states, "
               "callouts, a title and speaker notes. In presentation mode, ← → or Page Up / Page Down "
               "(a presenter's clicker) step through it.")
    if story is not None:
        if story.treaty != dataset.treaty.id:
            st.warning(f"This storyboard is for the treaty {literal(story.treaty)}; the page shows "
                       f"{plain(dataset.treaty.short_name)}. Choose its treaty above to present it.")
        if st.session_state.get("story_name") != story.title:
            st.session_state["story_name"] = story.title
        name, clear = st.columns([8, 2], vertical_alignment="bottom")
        name.text_input("Storyboard title", key="story_name", max_chars=120, on_change=_rename)
        clear.button("Start a new storyboard", key="story_clear", on_click=lambda: _replace(None))
        _step_list(story, names)
        _link(story)
    _step_form(dataset, day, bounds, region, story, shown)
    _files(story)


# ---- presenting: the steps the map shows, worked out and sent once per storyboard ----

def presented_steps(story: Storyboard | None, dataset: Dataset, compiled: tuple[StateHistory, ...], version: tuple) -> dict | None:
    """What the map presents (render/static/storyboard_show.js): the published file of the steps (`url`) and
    the step to open on (`step`, from 1); None when there is no storyboard for this treaty to present. The
    file is worked out once per storyboard and dataset version: every step of the presenter's clicker reruns
    the page. The storyboard (frozen, but holding lists) is known by its JSON text; its steps name their
    own regions, and the browser themes them."""
    if story is None or story.treaty != dataset.treaty.id:
        return None
    text = story.model_dump_json()
    name = _published_steps(story, dataset, compiled, text, version)
    if not is_published(name):  # the folder was cleared (another server pruned it, a fresh build): write it again
        _published_steps.clear()
        name = _published_steps(story, dataset, compiled, text, version)
    return {"url": name, "step": st.session_state.get(PRESENTED, (story, 1))[1]}


@st.cache_resource(show_spinner=False, max_entries=16)
def _published_steps(_story: Storyboard, _dataset: Dataset, _compiled: tuple[StateHistory, ...], text: str, version: tuple) -> str:
    """The steps' file for the storyboard whose JSON is `text`, on the dataset `version`. A before-and-after
    step carries its list of changes; every step its highlight and callouts placed for its region, and its
    speaker notes (shown to the presenter on request: N)."""
    shapes = load_geometry().shapes
    steps = []
    for step in _story.steps:
        shown = step.date or step.after
        region = region_by_id(step.region) or DEFAULT_REGION  # the loader refuses an unknown region
        steps.append({
            "title": step.title,
            "subtitle": step.subtitle,
            "date": shown.isoformat(),
            "before": step.before.isoformat() if step.before else None,
            "before_label": long_date(step.before) if step.before else None,
            "changes": [change.sentence for change in changes_between(_compiled, step.before, step.after, scope_of(region).members)] if step.before else [],
            "date_label": long_date(shown),
            # Highlight and callouts placed as for a link's (render/callouts.py), drawn by map_story.js.
            "story": story_payload(frozenset(step.highlight), step.callouts, shapes, region.view_fit, region.map_west),
            "view_bounds": [list(corner) for corner in region.view_fit],
            "notes": step.notes,
            "region": region.id,  # its shapes placed across 180° where its view runs past it (map_antimeridian.js)
        })
    return publish("storyboard", {"title": _story.title, "steps": steps})


# ---- the step being presented, in the link (?step=3, from 1): a shared or reloaded link comes back to it ----
STEP_KEY = "step"
PRESENTED = "story_presented"  # (the storyboard, its step shown from 1)


def _keep_step(story: Storyboard | None) -> None:
    """The step to present (from 1): the link's at first, then the one the presenter stepped to (the map
    tells it, see keep_step_in_link); back to 1 when the storyboard changes. Kept in the address, the
    first step as no parameter."""
    kept = st.session_state.get(PRESENTED)
    if kept is None:
        step = _step_from_link(story)
    else:
        step = kept[1] if kept[0] is story else 1
    st.session_state[PRESENTED] = (story, step)
    if step > 1:
        st.query_params[STEP_KEY] = str(step)
    else:
        st.query_params.pop(STEP_KEY, None)


def _step_from_link(story: Storyboard | None) -> int:
    """The link's step, if it is one of the storyboard's; else a notice (when there is a storyboard to step
    through) and step 1. Nothing else in the link is lost."""
    wanted = st.query_params.get(STEP_KEY)
    if wanted is None or story is None:
        return 1
    step = int(wanted) if re.fullmatch(r"[1-9][0-9]{0,2}", wanted) else 0
    if 1 <= step <= len(story.steps):
        return step
    notice(f"The link's step {literal(wanted, 12)} is not a step of this storyboard (1 to {len(story.steps)}): "
           "presenting from step 1.")
    return 1


def keep_step_in_link(told: object) -> None:
    """The step the presenter moved to (sent by the map with its messages, as the date is), if it is one
    of the storyboard on the page; kept for the address by _keep_step."""
    story = st.session_state.get(STORY)
    if story is not None and isinstance(told, int) and not isinstance(told, bool) and 1 <= told <= len(story.steps):
        st.session_state[PRESENTED] = (story, told)
