// The timeline bar, a thin view of the controller (timeline_controller.js): jumps, the day slider with a
// tick per change, the date, Today, Play and its pace; and the keys. The app's map component and the
// offline HTML both draw it; each page places it, paints the map on the controller's "move" event and
// then calls update().
(function () {
  "use strict";
  // Keys that these elements use themselves (typing, a slider, a radio group, tabs) never step the date.
  const OWN_KEYS = "input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]), textarea, select, " +
    "[contenteditable=true], [role=slider], [role=textbox], [role=combobox], [role=radio], [role=tab], [role=listbox], [role=grid], [role=menu]";
  const CONTROLS = ["tm-first", "tm-previous", "tm-range", "tm-next", "tm-last", "tm-today", "tm-play-button"];
  const STYLE = [
    ".tm-timeline { display: flex; align-items: center; gap: 6px; box-sizing: border-box;",
    "  font: 15px/1.2 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }",
    ".tm-timeline button, .tm-timeline select { font: inherit; padding: 5px 9px; cursor: pointer; white-space: nowrap; }",
    ".tm-track { position: relative; flex: 1; min-width: 120px; height: 30px; }",
    ".tm-range { position: absolute; left: 0; right: 0; top: 2px; width: 100%; margin: 0; cursor: pointer; }",
    ".tm-ticks { position: absolute; left: 8px; right: 8px; bottom: 0; height: 8px; pointer-events: none; }",
    ".tm-tick { position: absolute; width: 1px; height: 8px; background: var(--tm-warning); }",
    ".tm-date-label { font-weight: 700; min-width: 11.5em; text-align: center; font-variant-numeric: tabular-nums; }",
    ".tm-play { display: flex; gap: 4px; }",
  ].join("\n");

  // controller: from TreatyTimeline.createController. options.parent: where the bar goes (as its last
  // child: the map is one Tab stop (map_keyboard.js), reached first as it is seen first); options.listen(type, handler, capture): where
  // keys and clicks are heard (default: this document).
  function create(controller, options) {
    const T = window.TreatyTimeline;
    const listen = options.listen || function (type, handler, capture) { document.addEventListener(type, handler, capture); };
    const style = document.createElement("style");
    style.textContent = STYLE;
    document.head.appendChild(style);
    const bar = document.createElement("div");
    bar.className = "tm-timeline";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Timeline");
    bar.innerHTML =
      '<button type="button" class="tm-first" title="First change (Home)" aria-label="First change">|◀</button>' +
      '<button type="button" class="tm-previous" title="Previous change (←)" aria-label="Previous change">◀ Change</button>' +
      '<div class="tm-track"><input type="range" class="tm-range" step="1" aria-label="Date"><div class="tm-ticks"></div></div>' +
      '<button type="button" class="tm-next" title="Next change (→)" aria-label="Next change">Change ▶</button>' +
      '<button type="button" class="tm-last" title="Last change (End)" aria-label="Last change">▶|</button>' +
      '<output class="tm-date-label" aria-live="polite"></output>' +
      '<button type="button" class="tm-today" title="Go to today">Today</button>' +
      '<span class="tm-play"><button type="button" class="tm-play-button" title="Play through the change dates" aria-pressed="false">▶ Play</button>' +
      '<select class="tm-play-pace" title="Seconds per change" aria-label="Seconds per change">' +
      T.PACES.map(function (pace) {
        return '<option value="' + pace + '"' + (pace === controller.pace ? " selected" : "") + ">" + pace / 1000 + " s</option>";
      }).join("") + "</select></span>";
    options.parent.appendChild(bar);
    const part = function (name) { return bar.querySelector("." + name); };
    const range = part("tm-range"), label = part("tm-date-label"), ticks = part("tm-ticks"), playButton = part("tm-play-button");
    const on = function (name, type, handler) { part(name).addEventListener(type, handler); };
    on("tm-first", "click", controller.firstChange);
    on("tm-previous", "click", controller.previousChange);
    on("tm-next", "click", controller.nextChange);
    on("tm-last", "click", controller.lastChange);
    on("tm-today", "click", controller.goToToday);
    on("tm-range", "input", function () { controller.moveTo(T.isoOf(Number(range.value))); });
    // The slider speaks its own date; the label would say it again on every step.
    on("tm-range", "focus", function () { label.setAttribute("aria-live", "off"); });
    on("tm-range", "blur", function () { label.setAttribute("aria-live", "polite"); });
    on("tm-play-button", "click", controller.togglePlay);
    on("tm-play-pace", "change", function (event) { controller.setPace(Number(event.target.value)); });

    controller.on("play", function (playing) {
      playButton.textContent = playing ? "⏸ Pause" : "▶ Play";
      playButton.setAttribute("aria-pressed", String(playing));
      document.body.setAttribute("data-playing", String(playing));
    });

    // Play stops on any other input: a key, a click, a scroll; the Play controls' own clicks and their
    // Enter/Space are theirs.
    function stopOnInput(event) {
      if (!controller.playing) return;
      const onPlay = event.target && event.target.closest && event.target.closest(".tm-play");
      if (onPlay && (event.type !== "keydown" || event.key === "Enter" || event.key === " ")) return;
      controller.stop();
    }
    ["keydown", "mousedown", "wheel", "touchstart"].forEach(function (type) { listen(type, stopOnInput, true); });

    // Arrow keys step through the change dates unless the focused element uses them itself; the focused
    // day slider moves one day per key, as a slider does.
    const keys = { ArrowRight: controller.nextChange, ArrowLeft: controller.previousChange, Home: controller.firstChange, End: controller.lastChange };
    listen("keydown", function (event) {
      const target = event.target;
      const own = target && target.closest ? target.closest(OWN_KEYS) : null;
      if (own || event.altKey || event.ctrlKey || event.metaKey) return;
      if (!(event.key in keys) || !controller.ready) return;
      event.preventDefault();
      keys[event.key]();
    }, false);

    let ticksFor = null;  // the changes and track the ticks were drawn for
    function update() {
      const date = controller.date;
      if (date === null) return;
      const start = T.dayNumber(controller.windowStart), end = T.dayNumber(controller.windowEnd);
      if (range.min !== String(start) || range.max !== String(end)) {
        range.min = String(start);
        range.max = String(end);
      }
      range.value = String(T.dayNumber(date));
      range.setAttribute("aria-valuetext", T.longDate(date));
      label.textContent = T.longDate(date);
      const changes = controller.changes;
      if (changes && (!ticksFor || ticksFor.changes !== changes || ticksFor.start !== start || ticksFor.end !== end)) {
        ticksFor = { changes: changes, start: start, end: end };
        ticks.innerHTML = changes.filter(function (day) {
          return day >= controller.windowStart && day <= controller.windowEnd;
        }).map(function (day) {
          const share = (T.dayNumber(day) - start) / Math.max(1, end - start) * 100;
          return '<span class="tm-tick" style="left:' + share.toFixed(3) + '%" title="' + T.longDate(day) + '"></span>';
        }).join("");
      }
      const ready = controller.ready;
      CONTROLS.forEach(function (name) { part(name).disabled = !ready; });
      if (ready) {
        part("tm-previous").disabled = !controller.hasPreviousChange();
        part("tm-next").disabled = !controller.hasNextChange();
      }
      // A control that just became disabled drops the keyboard focus: hand it to the slider.
      if (document.activeElement && document.activeElement.disabled && !range.disabled) range.focus();
    }

    return { element: bar, update: update };
  }

  window.TreatyTimelineBar = { create: create };
})();
