// The timeline bar, a thin view of the controller (timeline_controller.js): jumps, the day slider over the
// window with a tick per change and year/month labels, the date, Today, Play and its pace; under them
// the window itself: presets from the data, zoom, and the whole history with the window as a box to
// drag or resize. And the keys. The app's map component and the offline HTML both draw it; each page
// places it, paints the map on the controller's "move" event and then calls update(), and keeps the
// window the briefer chose (the controller's "window" event) in its address.
(function () {
  "use strict";
  // Keys that these elements use themselves (typing, a slider, a radio group, tabs) never step the date.
  const OWN_KEYS = "input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]), textarea, select, " +
    "[contenteditable=true], [role=slider], [role=textbox], [role=combobox], [role=radio], [role=tab], [role=listbox], [role=grid], [role=menu]";
  const CONTROLS = ["tm-first", "tm-previous", "tm-range", "tm-next", "tm-last", "tm-today", "tm-play-button"];
  const THUMB_PX = 8;  // half a range thumb: the slider's first and last days sit this far inside its ends
  const TICK_REACH_PX = 8;  // the pointer this close to a tick shows its date
  const ZOOM_STEP = 2;
  const MONTH_DAYS = 30;
  const STYLE = [
    ".tm-timeline { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 6px; box-sizing: border-box;",
    "  font: 15px/1.2 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }",
    ".tm-timeline button, .tm-timeline select { font: inherit; padding: 5px 9px; min-height: 30px; min-width: 30px; cursor: pointer; white-space: nowrap; }",
    ".tm-track { position: relative; flex: 1 1 240px; min-width: 160px; height: 44px; }",
    ".tm-range { position: absolute; left: 0; right: 0; top: 0; width: 100%; height: 22px; margin: 0; cursor: pointer; }",
    ".tm-ticks, .tm-axis { position: absolute; left: " + THUMB_PX + "px; right: " + THUMB_PX + "px; pointer-events: none; }",
    ".tm-ticks { top: 20px; height: 8px; }",
    ".tm-tick { position: absolute; width: 1px; height: 8px; background: var(--tm-warning); }",
    ".tm-tick-on { width: 3px; margin-left: -1px; }",
    ".tm-axis { top: 28px; height: 16px; font-size: 12px; color: var(--tm-faint); font-variant-numeric: tabular-nums; }",
    ".tm-axis span { position: absolute; top: 0; transform: translateX(-50%); white-space: nowrap; }",
    ".tm-axis span::before { content: ''; position: absolute; left: 50%; top: -3px; height: 3px; border-left: 1px solid var(--tm-faint); }",
    ".tm-axis .tm-year { font-weight: 700; color: var(--tm-count); }",
    ".tm-tick-label { position: absolute; bottom: 100%; transform: translateX(-50%); margin-bottom: 2px; padding: 2px 6px;",
    "  background: var(--tm-panel); border: 1px solid var(--tm-warning); border-radius: 4px; color: var(--tm-warning);",
    "  font-size: 13px; font-weight: 600; white-space: nowrap; pointer-events: none; z-index: 2; }",
    ".tm-tick-label[hidden] { display: none; }",
    ".tm-date-label { font-weight: 700; min-width: 11.5em; text-align: center; font-variant-numeric: tabular-nums; }",
    ".tm-play { display: flex; gap: 4px; }",
    ".tm-window { flex: 1 1 100%; display: flex; flex-wrap: wrap; align-items: center; gap: 4px 6px; font-size: 14px; }",
    ".tm-window button { padding: 3px 8px; }",
    ".tm-window button[aria-pressed=true] { font-weight: 700; box-shadow: inset 0 -3px 0 var(--tm-selected); }",
    ".tm-window-name { color: var(--tm-count); }",
    ".tm-overview { position: relative; flex: 1 1 200px; min-width: 160px; height: 28px; margin: 0 24px; touch-action: none;",
    "  background: var(--tm-page); border: 1px solid var(--tm-panel-edge); box-sizing: border-box; cursor: pointer; }",
    ".tm-overview-ticks, .tm-overview-axis { position: absolute; inset: 0; pointer-events: none; z-index: 1; }",
    ".tm-overview-ticks .tm-tick { top: 2px; height: 7px; }",
    ".tm-overview-axis span { position: absolute; bottom: 1px; transform: translateX(-50%); font-size: 11px; color: var(--tm-faint); }",
    ".tm-box { position: absolute; top: -1px; bottom: -1px; box-sizing: border-box; cursor: grab;",
    "  border: 2px solid var(--tm-selected); background: var(--tm-sea); }",
    ".tm-box:focus-visible, .tm-handle:focus-visible { outline: 3px solid var(--tm-selected); outline-offset: 2px; }",
    ".tm-handle { position: absolute; top: -1px; width: 24px; height: 28px; cursor: ew-resize; z-index: 2; }",
    ".tm-handle::after { content: ''; position: absolute; top: 4px; bottom: 4px; width: 6px; border-radius: 2px; background: var(--tm-selected); }",
    ".tm-handle-start { margin-left: -24px; } .tm-handle-start::after { right: 0; }",
    ".tm-handle-end::after { left: 0; }",
    ".tm-window-range { font-variant-numeric: tabular-nums; }",
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
      '<button type="button" class="tm-first" title="First change in the window (Home)" aria-label="First change">|◀</button>' +
      '<button type="button" class="tm-previous" title="Previous change (←)" aria-label="Previous change">◀ Change</button>' +
      '<div class="tm-track"><input type="range" class="tm-range" step="1" aria-label="Date">' +
      '<div class="tm-ticks"></div><div class="tm-axis" aria-hidden="true"></div><div class="tm-tick-label" hidden></div></div>' +
      '<button type="button" class="tm-next" title="Next change (→)" aria-label="Next change">Change ▶</button>' +
      '<button type="button" class="tm-last" title="Last change in the window (End)" aria-label="Last change">▶|</button>' +
      '<output class="tm-date-label" aria-live="polite"></output>' +
      '<button type="button" class="tm-today" title="Go to today">Today</button>' +
      '<span class="tm-play"><button type="button" class="tm-play-button" title="Play through the change dates in the window" aria-pressed="false">▶ Play</button>' +
      '<select class="tm-play-pace" title="Seconds per change" aria-label="Seconds per change">' +
      T.PACES.map(function (pace) {
        return '<option value="' + pace + '"' + (pace === controller.pace ? " selected" : "") + ">" + pace / 1000 + " s</option>";
      }).join("") + "</select></span>" +
      '<div class="tm-window" role="group" aria-label="Window on the timeline">' +
      '<span class="tm-window-name">Window:</span><span class="tm-presets"></span>' +
      '<button type="button" class="tm-zoom-out" title="Show a longer stretch of time" aria-label="Zoom out the timeline">−</button>' +
      '<button type="button" class="tm-zoom-in" title="Show a shorter stretch of time, around the date" aria-label="Zoom in the timeline">+</button>' +
      '<div class="tm-overview" title="The whole history: drag the box, or its ends, to choose the window">' +
      '<div class="tm-overview-ticks"></div><div class="tm-overview-axis" aria-hidden="true"></div>' +
      '<div class="tm-box" role="slider" tabindex="0" aria-label="Window position"></div>' +
      '<div class="tm-handle tm-handle-start" role="slider" tabindex="0" aria-label="Window start"></div>' +
      '<div class="tm-handle tm-handle-end" role="slider" tabindex="0" aria-label="Window end"></div></div>' +
      '<output class="tm-window-range" aria-live="off"></output></div>';  // the sliders speak the window
    options.parent.appendChild(bar);  // after the map, so the keyboard reaches the map first
    const part = function (name) { return bar.querySelector("." + name); };
    const range = part("tm-range"), label = part("tm-date-label"), ticks = part("tm-ticks"), playButton = part("tm-play-button");
    const axis = part("tm-axis"), tickLabel = part("tm-tick-label"), track = part("tm-track");
    const overview = part("tm-overview"), box = part("tm-box"), startHandle = part("tm-handle-start"), endHandle = part("tm-handle-end");
    const on = function (name, type, handler) { part(name).addEventListener(type, handler); };
    on("tm-first", "click", controller.firstChange);
    on("tm-previous", "click", controller.previousChange);
    on("tm-next", "click", controller.nextChange);
    on("tm-last", "click", controller.lastChange);
    on("tm-today", "click", function () {
      controller.reveal(controller.today);  // today may be after the window
      controller.goToToday();
    });
    on("tm-range", "input", function () { controller.moveTo(T.isoOf(Number(range.value))); });
    // The slider speaks its own date; the label would say it again on every step.
    on("tm-range", "focus", function () { label.setAttribute("aria-live", "off"); showTickLabel(controller.date); });
    on("tm-range", "blur", function () { label.setAttribute("aria-live", "polite"); showTickLabel(null); });
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

    // ---- the window ----
    const trackBounds = function () { return { first: controller.first, last: controller.last }; };
    const shownWindow = function () { return { start: controller.windowStart, end: controller.windowEnd }; };
    function choose(frame) {
      controller.chooseWindow(frame.start, frame.end);
      update();
    }
    let presets = [];
    part("tm-presets").addEventListener("click", function (event) {
      const button = event.target.closest("button");
      const preset = button && presets[Number(button.getAttribute("data-preset"))];
      if (preset) choose(preset);
    });
    function zoom(factor) {
      choose(T.zoomWindow(shownWindow(), factor, controller.date || controller.windowStart, trackBounds()));
    }
    on("tm-zoom-in", "click", function () { zoom(1 / ZOOM_STEP); });
    on("tm-zoom-out", "click", function () { zoom(ZOOM_STEP); });

    // The box and its ends, by keys: a month per arrow, a year per Page Up/Down.
    function windowKeys(element, change) {
      element.addEventListener("keydown", function (event) {
        const days = { ArrowRight: MONTH_DAYS, ArrowUp: MONTH_DAYS, ArrowLeft: -MONTH_DAYS, ArrowDown: -MONTH_DAYS, PageUp: 365, PageDown: -365 }[event.key];
        if (days === undefined) return;
        event.preventDefault();
        choose(change(shownWindow(), days));
      });
    }
    const MIN_SPAN_DAYS = MONTH_DAYS;
    function withStart(frame, start) {
      const latest = T.addDays(frame.end, -MIN_SPAN_DAYS);
      return { start: start < controller.first ? controller.first : start > latest ? latest : start, end: frame.end };
    }
    function withEnd(frame, end) {
      const earliest = T.addDays(frame.start, MIN_SPAN_DAYS);
      return { start: frame.start, end: end > controller.last ? controller.last : end < earliest ? earliest : end };
    }
    windowKeys(box, function (frame, days) { return T.moveWindow(frame, days, trackBounds()); });
    windowKeys(startHandle, function (frame, days) { return withStart(frame, T.addDays(frame.start, days)); });
    windowKeys(endHandle, function (frame, days) { return withEnd(frame, T.addDays(frame.end, days)); });

    // ... and by the pointer: drag the box to move it, an end to resize it; a press elsewhere on the
    // strip centres the window there, and the drag goes on moving it.
    function dayAt(clientX) {
      const rect = overview.getBoundingClientRect();
      const share = Math.min(1, Math.max(0, (clientX - rect.left) / Math.max(1, rect.width)));
      const first = T.dayNumber(controller.first);
      return first + Math.round(share * (T.dayNumber(controller.last) - first));
    }
    overview.addEventListener("pointerdown", function (event) {
      if (!controller.ready || event.button !== 0) return;
      event.preventDefault();
      const grabbed = event.target === startHandle ? "start" : event.target === endHandle ? "end" : "box";
      const before = shownWindow();
      const span = T.dayNumber(before.end) - T.dayNumber(before.start);
      let offset = dayAt(event.clientX) - T.dayNumber(before.start);  // where in the box it was grabbed
      if (grabbed === "box" && event.target !== box) {
        offset = Math.round(span / 2);
        drag(event);
      }
      function drag(moveEvent) {
        const day = dayAt(moveEvent.clientX);
        const shown = shownWindow();
        const next = grabbed === "start" ? withStart(shown, T.isoOf(day)) : grabbed === "end" ? withEnd(shown, T.isoOf(day))
          : T.moveWindow(shown, day - offset - T.dayNumber(shown.start), trackBounds());
        if (next.start !== shown.start || next.end !== shown.end) choose(next);
      }
      overview.setPointerCapture(event.pointerId);
      overview.addEventListener("pointermove", drag);
      overview.addEventListener("pointerup", function done() {
        overview.removeEventListener("pointermove", drag);
        overview.removeEventListener("pointerup", done);
      });
    });

    // ---- the ticks' dates: the pointer near a tick, or the focused slider on a change, shows it ----
    function showTickLabel(iso) {
      const shown = iso !== null && tickAt[iso] !== undefined;
      tickLabel.hidden = !shown;
      if (!shown) return;
      tickLabel.textContent = T.longDate(iso);
      tickLabel.style.left = "calc(" + THUMB_PX + "px + (100% - " + 2 * THUMB_PX + "px) * " + Number(tickAt[iso].dataset.share) / 100 + ")";
    }
    track.addEventListener("pointermove", function (event) {
      const rect = ticks.getBoundingClientRect();
      let nearest = null, distance = TICK_REACH_PX + 1;
      Object.keys(tickAt).forEach(function (iso) {
        const gap = Math.abs(rect.left + Number(tickAt[iso].dataset.share) / 100 * rect.width - event.clientX);
        if (gap < distance) { nearest = iso; distance = gap; }
      });
      showTickLabel(nearest);
    });
    track.addEventListener("pointerleave", function () { showTickLabel(document.activeElement === range ? controller.date : null); });

    // ---- drawing ----
    const percent = function (share) { return (share * 100).toFixed(3) + "%"; };
    function shareOf(iso, start, end) {
      return (T.dayNumber(iso) - T.dayNumber(start)) / Math.max(1, T.dayNumber(end) - T.dayNumber(start));
    }
    function tickMarks(days, start, end) {
      return days.filter(function (day) { return day >= start && day <= end; }).map(function (day) {
        const share = shareOf(day, start, end) * 100;
        return '<span class="tm-tick" data-day="' + day + '" data-share="' + share.toFixed(3) + '" style="left:' + share.toFixed(3) + '%"></span>';
      }).join("");
    }
    function axisMarks(start, end, width) {
      return T.axisLabels(start, end, width).map(function (mark) {
        return '<span' + (/^\d{4}$/.test(mark.text) ? ' class="tm-year"' : "") + ' style="left:' + percent(mark.share) + '">' + mark.text + "</span>";
      }).join("");
    }
    const widths = { track: 0, overview: 0 };
    if (window.ResizeObserver) {  // the labels that fit depend on the widths: drawn again when they change
      const resized = new ResizeObserver(function () {
        const now = { track: track.clientWidth - 2 * THUMB_PX, overview: overview.clientWidth };
        if (now.track === widths.track && now.overview === widths.overview) return;
        Object.assign(widths, now);
        update();
      });
      resized.observe(track);
      resized.observe(overview);
    }

    function sliderValue(element, iso, text) {
      element.setAttribute("aria-valuemin", String(T.dayNumber(controller.first)));
      element.setAttribute("aria-valuemax", String(T.dayNumber(controller.last)));
      element.setAttribute("aria-valuenow", String(T.dayNumber(iso)));
      element.setAttribute("aria-valuetext", text);
    }

    let tickAt = {};     // change date → its tick on the slider
    let drawn = null;    // what the slider's ticks and labels and the window's strip were drawn for
    let marked = null;   // the tick of the date on screen, drawn thicker
    function drawWindow(start, end) {
      // A tick at each change the buttons stop at (the shown region's); the presets from every change.
      const changes = controller.changes, stops = controller.stops;
      const key = [start, end, controller.first, controller.last, widths.track, widths.overview].join() + (stops ? stops.length : "-");
      if (drawn && drawn.key === key && drawn.stops === stops && drawn.changes === changes) return;
      drawn = { key: key, stops: stops, changes: changes };
      ticks.innerHTML = stops ? tickMarks(stops, start, end) : "";
      tickAt = {};
      marked = null;
      Array.prototype.forEach.call(ticks.children, function (tick) { tickAt[tick.dataset.day] = tick; });
      axis.innerHTML = axisMarks(start, end, widths.track || 600);
      part("tm-overview-ticks").innerHTML = stops ? tickMarks(stops, controller.first, controller.last) : "";
      part("tm-overview-axis").innerHTML = axisMarks(controller.first, controller.last, widths.overview || 400);
      const left = shareOf(start, controller.first, controller.last), right = shareOf(end, controller.first, controller.last);
      // At least 24 px wide (a target a finger or pointer can take, WCAG 2.5.8), centred on the window, with
      // the handles outside it.
      const width = "max(24px, " + percent(right - left) + ")";
      const from = "calc(" + percent(left) + " - (" + width + " - " + percent(right - left) + ") / 2)";
      box.style.left = startHandle.style.left = from;
      box.style.width = width;
      endHandle.style.left = "calc(" + from + " + " + width + ")";
      // The three sliders' values are day numbers on the whole history, spoken as dates.
      sliderValue(box, start, T.longDate(start) + " to " + T.longDate(end));
      sliderValue(startHandle, start, T.longDate(start));
      sliderValue(endHandle, end, T.longDate(end));
      part("tm-window-range").textContent = T.longDate(start) + " – " + T.longDate(end);
      drawPresets(changes);
      Array.prototype.forEach.call(part("tm-presets").children, function (button, index) {
        button.setAttribute("aria-pressed", String(presets[index].start === start && presets[index].end === end));
      });
    }

    // Drawn again only for other data (a focused preset keeps the focus when the window changes).
    let presetsFor = null;
    function drawPresets(changes) {
      const key = [changes && changes.length, controller.first, controller.last].join();
      if (presetsFor && presetsFor.key === key && presetsFor.changes === changes) return;
      presetsFor = { key: key, changes: changes };
      presets = changes ? T.presets(changes, trackBounds()) : [];
      part("tm-presets").innerHTML = presets.map(function (preset, index) {
        return '<button type="button" data-preset="' + index + '" title="' + T.longDate(preset.start) + " – " +
          T.longDate(preset.end) + '">' + preset.label + "</button>";
      }).join(" ");
    }

    function update() {
      const date = controller.date;
      if (date === null) return;
      const start = controller.windowStart, end = controller.windowEnd;
      const low = String(T.dayNumber(start)), high = String(T.dayNumber(end));
      if (range.min !== low || range.max !== high) {
        range.min = low;
        range.max = high;
      }
      range.value = String(T.dayNumber(date));
      range.setAttribute("aria-valuetext", T.longDate(date));
      label.textContent = T.longDate(date);
      drawWindow(start, end);
      if (marked !== tickAt[date]) {
        if (marked) marked.classList.remove("tm-tick-on");
        marked = tickAt[date] || null;
        if (marked) marked.classList.add("tm-tick-on");
      }
      if (document.activeElement === range) showTickLabel(date);
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
