// Presenting a storyboard on the app's map: the steps arrive once (a story-*.json file the server
// publishes, components/storyboard_panel.presented_steps); the browser steps through them and moves the
// map itself. While a storyboard is presented, → and Page Down (what a presenter's clicker sends) go to
// the next step, ← and Page Up to the previous one, Home and End to the first and last: these keys step
// the storyboard, not the timeline (whose ←/→ step through the change dates when no storyboard is shown).
// N shows or hides the step's speaker notes (hidden at first: a single mirrored screen shows the room
// what the presenter sees). The step logic has no DOM and runs in Node for the tests (module.exports);
// the panel is drawn in the browser (window.TreatyStoryboard.mount).
(function (root) {
  "use strict";

  const MOVES = { ArrowRight: "next", PageDown: "next", ArrowLeft: "previous", PageUp: "previous", Home: "first", End: "last" };

  // The move a key asks for while presenting, or null: keys with a modifier are the browser's or the system's.
  function keyMove(event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
    return MOVES[event.key] || null;
  }

  // Whether a key asks to show or hide the speaker notes: N, with no modifier but Shift.
  function notesKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return false;
    return event.key === "n" || event.key === "N";
  }

  // Where a storyboard of `steps` is: the shown step's index, from `start` (an index, kept within the
  // steps), moved by next/previous/first/last (stopping at the ends). Each move returns the step now
  // shown, or null if it did not change.
  function createPlayer(steps, start) {
    let index = Math.max(0, Math.min(steps.length - 1, Math.floor(start) || 0));
    function go(wanted) {
      const target = Math.max(0, Math.min(steps.length - 1, wanted));
      if (target === index) return null;
      index = target;
      return steps[index];
    }
    return {
      get index() { return index; },
      get step() { return steps[index]; },
      get count() { return steps.length; },
      counter: function () { return "Step " + (index + 1) + " of " + steps.length; },
      move: function (kind) {
        return go({ next: index + 1, previous: index - 1, first: 0, last: steps.length - 1 }[kind]);
      },
      hasNext: function () { return index < steps.length - 1; },
      hasPrevious: function () { return index > 0; },
    };
  }

  // What the map draws for a step on top of the day's colours: its highlighted states and its callouts,
  // placed by the server as for a link's (render/callouts.story_payload, drawn by map_story.js).
  function overrides(step) {
    return { story: step.story || { highlight: [], callouts: [] } };
  }

  // A before-and-after step's changes as the panel lists them: the first few, then how many more.
  const CHANGES_SHOWN = 6;
  function changeLines(changes) {
    const list = changes || [];
    if (list.length <= CHANGES_SHOWN) return list.slice();
    return list.slice(0, CHANGES_SHOWN - 1).concat(["and " + (list.length - CHANGES_SHOWN + 1) + " more"]);
  }

  // The folded line of a before-and-after step: "1 January 2025 → 1 March 2026: 6 changes".
  function pairLine(step) {
    const count = (step.changes || []).length;
    return step.before_label + " → " + step.date_label + ": " + (count === 0 ? "no change" : count === 1 ? "1 change" : count + " changes");
  }

  // Whether a key pressed in `target` is the storyboard's: not while typing in a field or using a control
  // that takes the arrows (the timeline's slider and window handles, a list box).
  function typingIn(target) {
    if (!target || !target.closest) return false;
    return Boolean(target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], [role='slider'], [role='listbox']"));
  }

  // ---- the panel on the map, under its title (over the sea): counter, title, subtitle, date, and
  // buttons for a mouse ----
  // options: {map (Leaflet), listen(type, handler, capture) -> remover, onStep(step, player), start (the
  // step to open on, from 1)}; returns {player, stop()}.
  function mount(story, options) {
    const player = createPlayer(story.steps, (options.start || 1) - 1);
    const control = L.control({ position: "topleft" });
    const panel = L.DomUtil.create("section", "tm-story");
    control.onAdd = function () { return panel; };
    L.DomEvent.disableClickPropagation(panel);
    panel.setAttribute("aria-label", "Storyboard: " + story.title);
    panel.innerHTML = [
      '<div class="tm-story-head"><button type="button" class="tm-story-previous" aria-label="Previous step">◀</button>',
      '<span class="tm-story-counter"></span>',
      '<button type="button" class="tm-story-next" aria-label="Next step">▶</button>',
      '<button type="button" class="tm-story-notes-toggle" aria-pressed="false" aria-keyshortcuts="N" title="Speaker notes (N)">Notes</button></div>',
      '<div class="tm-story-text" aria-live="polite"><div class="tm-story-title"></div>',
      '<div class="tm-story-subtitle"></div>',
      // A before-and-after step: both dates, and its changes folded (the panel must leave the legend room).
      '<details class="tm-story-pair"><summary class="tm-story-date"></summary><ul class="tm-story-changes"></ul></details></div>',
    ].join("");
    control.addTo(options.map);
    const part = function (name) { return panel.querySelector(".tm-story-" + name); };
    // The speaker notes, for the presenter at a lectern: in a corner of their own, large type, hidden until asked.
    const notes = L.control({ position: "bottomright" });
    const notesPanel = L.DomUtil.create("section", "tm-story-notes");
    notes.onAdd = function () { return notesPanel; };
    L.DomEvent.disableClickPropagation(notesPanel);
    L.DomEvent.disableScrollPropagation(notesPanel);
    notesPanel.setAttribute("aria-label", "Speaker notes");
    notesPanel.tabIndex = 0;  // long notes scroll: the keyboard reaches them too
    notesPanel.hidden = true;
    notes.addTo(options.map);
    let notesShown = false;  // kept from step to step

    function show() {
      const step = player.step;
      part("counter").textContent = player.counter();
      part("title").textContent = step.title;
      part("subtitle").textContent = step.subtitle || "";
      part("subtitle").hidden = !step.subtitle;
      // The map's title names the date; a before-and-after step names both.
      part("pair").hidden = !step.before;
      part("date").textContent = step.before ? pairLine(step) : "";
      const changes = changeLines(step.changes);
      part("changes").replaceChildren.apply(part("changes"), changes.map(function (text) {
        const item = document.createElement("li");
        item.textContent = text;  // text, never markup: a storyboard may come from a link
        return item;
      }));
      part("pair").open = false;
      part("previous").disabled = !player.hasPrevious();
      part("next").disabled = !player.hasNext();
      panel.setAttribute("data-step", String(player.index + 1));
      showNotes();
      options.onStep(step, player);
    }
    function showNotes() {
      part("notes-toggle").setAttribute("aria-pressed", String(notesShown));
      notesPanel.hidden = !notesShown;
      notesPanel.textContent = player.step.notes || "No speaker notes for this step.";  // text, never markup
      notesPanel.classList.toggle("tm-story-notes-none", !player.step.notes);
    }
    function toggleNotes() {
      notesShown = !notesShown;
      showNotes();
    }
    function move(kind) {
      if (player.move(kind)) show();
    }
    part("previous").addEventListener("click", function () { move("previous"); });
    part("next").addEventListener("click", function () { move("next"); });
    part("notes-toggle").addEventListener("click", toggleNotes);

    // Capture, before the timeline's own arrow keys (timeline_bar.js): while presenting, the keys are the storyboard's.
    function onKey(event) {
      const kind = keyMove(event);
      const notesAsked = notesKey(event);
      if ((!kind && !notesAsked) || typingIn(event.target)) return;
      event.preventDefault();
      event.stopImmediatePropagation();  // before the map's type-ahead, for N
      if (kind) move(kind);
      else toggleNotes();
    }
    const unlisten = options.listen("keydown", onKey, true);
    document.body.classList.add("tm-story-on");
    show();
    return {
      player: player,
      stop: function () {
        unlisten();
        control.remove();
        notes.remove();
        document.body.classList.remove("tm-story-on");
      },
    };
  }

  const api = { MOVES: MOVES, keyMove: keyMove, notesKey: notesKey, createPlayer: createPlayer, overrides: overrides, changeLines: changeLines, pairLine: pairLine, typingIn: typingIn, mount: mount };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
    return;
  }
  root.TreatyStoryboard = api;

  const style = document.createElement("style");
  style.textContent = [
    ".leaflet-top.leaflet-left .tm-story { max-width: clamp(14em, 30vw, 28em); padding: 6px 14px 8px; color: var(--tm-text);",
    "  background: var(--tm-panel); border: 1px solid var(--tm-panel-edge); border-radius: 8px;",
    "  box-shadow: 0 1px 6px var(--tm-shadow); font-size: var(--tm-type, 16px); }",
    ".tm-story-head { display: flex; align-items: center; gap: 0.8em; font-size: 0.8em; }",
    ".tm-story-head button { font: inherit; padding: 0 0.6em; cursor: pointer; background: var(--tm-control);",
    "  color: var(--tm-text); border: 1px solid var(--tm-panel-edge); border-radius: 4px; }",
    ".tm-story-head button:disabled { opacity: 0.4; cursor: default; }",
    ".tm-story-title { font-weight: 700; font-size: 1.1em; margin-top: 0.2em; line-height: 1.2; }",
    ".tm-story-subtitle, .tm-story-pair { font-size: 0.85em; }",
    ".tm-story-date { cursor: pointer; }",
    ".tm-story-changes { margin: 0.2em 0 0; padding-left: 1.2em; font-size: 0.9em; }",
    ".tm-story-head .tm-story-notes-toggle { margin-left: auto; }",
    ".tm-story-head .tm-story-notes-toggle[aria-pressed='true'] { background: var(--tm-text); color: var(--tm-panel); }",
    // Read from a lectern: never under 18 px, larger with the projector's type; scrolls rather than covering the map.
    ".leaflet-bottom.leaflet-right .tm-story-notes { box-sizing: border-box; width: min(38em, 50vw); max-height: 45vh; overflow-y: auto;",
    "  margin: 0 12px 12px 0; padding: 10px 16px; white-space: pre-line; line-height: 1.4; color: var(--tm-text);",
    "  font-size: max(18px, var(--tm-type, 16px)); background: var(--tm-panel); border: 1px solid var(--tm-panel-edge);",
    "  border-radius: 8px; box-shadow: 0 1px 6px var(--tm-shadow); }",
    ".tm-story-notes[hidden] { display: none; }",
    ".tm-story-notes-none { font-style: italic; }",
    // The colours fade to the next step's, so the room sees what changed.
    ".tm-story-on path.leaflet-interactive { transition: fill 0.6s ease, fill-opacity 0.6s ease; }",
  ].join("\n");
  document.head.appendChild(style);
})(typeof window === "undefined" ? globalThis : window);
