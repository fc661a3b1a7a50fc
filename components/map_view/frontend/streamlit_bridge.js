// The Streamlit side of the map component, and the timeline under the map.
// The geometry arrives once, in this document; the treaty's whole history of colours arrives once per
// dataset version (history-*.json). So the browser moves the date itself: a key press, a drag, a
// jump or a play tick repaints at once, and the server is told the new date afterwards (for the
// sentence, the tabs and the address), one message at a time.
(function () {
  "use strict";
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  const DAY_MS = 86400000;
  const BAR_HEIGHT = 54;
  // Keys that these elements use themselves (typing, a slider, a radio group, tabs) never step the date.
  const OWN_KEYS = "input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]), textarea, select, " +
    "[contenteditable=true], [role=slider], [role=textbox], [role=combobox], [role=radio], [role=tab], [role=listbox], [role=grid], [role=menu]";

  let base = null;        // the server's last message (all but the fills): title, bounds, selection, files
  let shownDate = null;   // ISO date on screen
  let history = null;     // { changes: [ISO...], periods: [{fills, pending}] } for base.history_url
  const fetched = { details: null, history: null };
  let pending = null;

  // What the viewer wants the server to know: the latest date (with the history it was read from) and
  // the last click. Every message carries all of it, so a lost or merged message loses nothing. One is
  // in flight at a time; the server's `ack` (the nonce it applied last) lets the next one go.
  const outbox = { wanted: {}, dirty: false, inFlight: null, lastSent: null, counter: 0, guard: null, patience: 2000 };
  const play = { timer: null };
  let bar = null;

  // ---- dates, as day numbers (UTC) ----
  function dayNumber(iso) {
    const parts = iso.split("-").map(Number);
    return Date.UTC(parts[0], parts[1] - 1, parts[2]) / DAY_MS;
  }
  function isoOf(number) {
    return new Date(number * DAY_MS).toISOString().slice(0, 10);
  }
  function longDate(iso) {
    const parts = iso.split("-").map(Number);
    return parts[2] + " " + MONTHS[parts[1] - 1] + " " + parts[0];  // as treaty.dates.long_date
  }
  function clampDate(iso) {
    return isoOf(Math.min(Math.max(dayNumber(iso), dayNumber(base.first)), dayNumber(base.last)));
  }

  // ---- talking to Streamlit ----
  function send(type, extra) {
    window.parent.postMessage(Object.assign({ isStreamlitMessage: true, type: type }, extra), "*");
  }

  function tell(change) {
    Object.assign(outbox.wanted, change);
    outbox.dirty = true;
    if (outbox.inFlight === null) flush();
  }

  function flush() {
    if (!outbox.dirty) return;
    outbox.counter += 1;
    outbox.lastSent = Date.now() + "-" + outbox.counter;  // unique across reloads of this frame
    outbox.inFlight = outbox.lastSent;
    outbox.dirty = false;
    send("streamlit:setComponentValue", { value: Object.assign({ nonce: outbox.lastSent }, outbox.wanted), dataType: "json" });
    clearTimeout(outbox.guard);
    // No answer (a rerun interrupted, a stalled connection): send the whole wanted state again, waiting
    // longer each time so a slow server is not flooded.
    outbox.guard = setTimeout(function () {
      outbox.inFlight = null;
      outbox.dirty = true;
      outbox.patience = Math.min(outbox.patience * 2, 16000);
      flush();
    }, outbox.patience);
  }

  function acknowledged(args) {
    if (args.ack === undefined || args.ack !== outbox.inFlight) return;
    outbox.inFlight = null;
    outbox.patience = 2000;
    clearTimeout(outbox.guard);
    flush();
  }

  function caughtUp(args) {
    return !outbox.dirty && (outbox.lastSent === null || args.ack === outbox.lastSent);
  }

  // ---- what a date looks like ----
  function expandFills(digits) {
    const palette = window.treatyMapConstant.palette;
    const fills = {};
    window.treatyMapConstant.codes.forEach(function (iso, index) { fills[iso] = palette[parseInt(digits[index], 36)].key; });
    return fills;
  }

  function periodIndex(iso) {
    // periods[0] is before the first change; periods[i] from changes[i - 1].
    let low = 0, high = history.changes.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (history.changes[middle] <= iso) low = middle + 1; else high = middle;
    }
    return low;
  }

  function fromHistory(iso) {
    const period = history.periods[periodIndex(iso)];
    const remaining = {}, takesEffect = {};
    Object.keys(period.pending).forEach(function (state) {
      remaining[state] = dayNumber(period.pending[state]) - dayNumber(iso);
      takesEffect[state] = longDate(period.pending[state]);
    });
    return { date: iso, date_label: longDate(iso), fills: period.fills, remaining: remaining, takes_effect: takesEffect };
  }

  let painted = null;  // what is on screen, to skip a repaint that would change nothing

  function paint(dateArgs) {
    const args = Object.assign({}, window.treatyMapConstant, base, dateArgs);
    const key = JSON.stringify([args.date, args.fills, args.selected, args.title, args.details_url]);
    shownDate = dateArgs.date;
    if (key !== painted) {
      painted = key;
      args.fills = expandFills(dateArgs.fills);
      window.TreatyMap.update(args);
    }
    updateBar();
  }

  // The viewer moved the date: repaint now, tell the server after.
  function moveTo(iso) {
    if (!history || !base) return;
    const target = clampDate(iso);
    if (target !== shownDate) paint(fromHistory(target));
    tell({ date: target, history: base.history_url });
    if (play.timer && target >= lastChange()) stopPlaying();
  }

  function lastChange() {
    return history && history.changes.length ? history.changes[history.changes.length - 1] : base.last;
  }

  function changeFrom(iso, direction) {
    const changes = history.changes;
    if (direction === "first") return changes.length ? changes[0] : base.first;
    if (direction === "last") return lastChange();
    if (direction > 0) return changes.find(function (day) { return day > iso; }) || iso;
    for (let i = changes.length - 1; i >= 0; i--) if (changes[i] < iso) return changes[i];
    return iso;
  }

  function step(direction) {
    if (history && shownDate) moveTo(changeFrom(shownDate, direction));
  }

  // ---- the server's messages ----
  function render(message) {
    // Folium's map script runs after this one: hold a render that arrives before the layers exist.
    if (!window.treatyMapLayers) {
      pending = message;
      return;
    }
    base = Object.assign({}, message);
    delete base.fills;
    fetchOnce("details", message.details_url, window.TreatyMap.setDetails);
    fetchOnce("history", message.history_url, function (loaded) { history = loaded; updateBar(); });
    buildBar();
    if (caughtUp(message) || shownDate === null) paint(message);
    else updateBar();  // the server has not seen the viewer's latest date yet: keep it on screen
    acknowledged(message);
    fitFrame();
  }

  function fetchOnce(kind, url, use, attempt) {
    if (!url || (fetched[kind] === url && !attempt)) return;
    fetched[kind] = url;
    if (kind === "history") history = null;  // another treaty's history must not colour this one
    fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": HTTP " + response.status);
      return response.json();
    }).then(function (content) {
      if (fetched[kind] === url) use(content);
    }).catch(function () {
      // The server writes the file again if it has gone (see map_panel.published): try again, less often.
      const next = (attempt || 0) + 1;
      setTimeout(function () { if (fetched[kind] === url) fetchOnce(kind, url, use, next); }, Math.min(500 * 2 ** next, 15000));
    });
  }

  // ---- the frame's height: from the map's top edge to the window's bottom, within bounds ----
  function pageTop() {
    // The frame's top in the app's page, whatever the page's scroll (Streamlit scrolls an inner element).
    let top = window.frameElement.getBoundingClientRect().top;
    for (let node = window.frameElement.parentElement; node; node = node.parentElement) top += node.scrollTop;
    return top;
  }

  function frameHeight() {
    let height = base.height;
    try {
      height = Math.max(window.treatyMapConstant.min_height, Math.min(base.height, window.parent.innerHeight - pageTop() - 12));
    } catch (error) { /* not embedded: keep the requested height */ }
    return height;
  }

  let shownHeight = null;
  function fitFrame() {
    if (!base) return;
    const height = frameHeight();
    if (height !== shownHeight) send("streamlit:setFrameHeight", { height: height });
    const map = window.treatyMapLayers.map;
    const first = shownHeight === null;
    shownHeight = height;
    // Open on the whole of Europe; later, keep whatever view the presenter chose.
    setTimeout(function () {
      map.invalidateSize();
      if (first) map.fitBounds(window.treatyMapConstant.view_bounds);
    }, 0);
  }
  try { window.parent.addEventListener("resize", fitFrame); } catch (error) { /* cross-origin */ }

  // ---- the timeline bar: jumps, the day slider with a tick per change, the date, play ----
  function buildBar() {
    if (bar) return;
    document.documentElement.lang = "en";
    const style = document.createElement("style");
    style.textContent = [
      ".folium-map { height: calc(100% - " + BAR_HEIGHT + "px) !important; }",
      ".tm-timeline { position: fixed; left: 0; right: 0; bottom: 0; height: " + BAR_HEIGHT + "px; box-sizing: border-box;",
      "  display: flex; align-items: center; gap: 6px; padding: 6px 8px; background: var(--tm-panel); border-top: 1px solid var(--tm-panel-edge);",
      "  font: 15px/1.2 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }",
      ".tm-timeline button, .tm-timeline select { font: inherit; padding: 5px 9px; cursor: pointer; white-space: nowrap; }",
      ".tm-track { position: relative; flex: 1; min-width: 120px; height: 30px; }",
      ".tm-range { position: absolute; left: 0; right: 0; top: 2px; width: 100%; margin: 0; cursor: pointer; }",
      ".tm-ticks { position: absolute; left: 8px; right: 8px; bottom: 0; height: 8px; pointer-events: none; }",
      ".tm-tick { position: absolute; width: 1px; height: 8px; background: var(--tm-warning); }",
      ".tm-date-label { font-weight: 700; min-width: 11.5em; text-align: center; font-variant-numeric: tabular-nums; }",
      ".tm-play { display: flex; gap: 4px; }",
    ].join("\n");
    document.head.appendChild(style);
    bar = document.createElement("div");
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
      '<select class="tm-play-pace" title="Seconds per change" aria-label="Seconds per change"><option value="1000">1 s</option>' +
      '<option value="2000" selected>2 s</option><option value="4000">4 s</option></select></span>';
    // Before the map in the document, so the keyboard reaches the timeline before the shapes.
    document.body.insertBefore(bar, document.body.firstChild);
    const on = function (selector, type, handler) { bar.querySelector(selector).addEventListener(type, handler); };
    on(".tm-first", "click", function () { step("first"); });
    on(".tm-previous", "click", function () { step(-1); });
    on(".tm-next", "click", function () { step(1); });
    on(".tm-last", "click", function () { step("last"); });
    on(".tm-today", "click", function () { moveTo(base.today); });
    on(".tm-range", "input", function (event) { moveTo(isoOf(Number(event.target.value))); });
    // The slider speaks its own date; the label would say it again on every step.
    on(".tm-range", "focus", function () { bar.querySelector(".tm-date-label").setAttribute("aria-live", "off"); });
    on(".tm-range", "blur", function () { bar.querySelector(".tm-date-label").setAttribute("aria-live", "polite"); });
    on(".tm-play-button", "click", function () { play.timer ? stopPlaying() : startPlaying(); });
    on(".tm-play-pace", "change", function () { if (play.timer) { stopPlaying(); startPlaying(); } });
  }

  function updateBar() {
    if (!bar || !base || shownDate === null) return;
    const range = bar.querySelector(".tm-range");
    const first = dayNumber(base.first), last = dayNumber(base.last);
    if (range.min !== String(first) || range.max !== String(last)) {
      range.min = String(first);
      range.max = String(last);
    }
    range.value = String(dayNumber(shownDate));
    range.setAttribute("aria-valuetext", longDate(shownDate));
    bar.querySelector(".tm-date-label").textContent = longDate(shownDate);
    const ticks = bar.querySelector(".tm-ticks");
    if (history && ticks.dataset.for !== base.history_url) {
      ticks.dataset.for = base.history_url;
      ticks.innerHTML = history.changes.map(function (day) {
        const share = (dayNumber(day) - first) / Math.max(1, last - first) * 100;
        return '<span class="tm-tick" style="left:' + share.toFixed(3) + '%" title="' + longDate(day) + '"></span>';
      }).join("");
    }
    const ready = history !== null;
    ["tm-first", "tm-previous", "tm-range", "tm-next", "tm-last", "tm-today", "tm-play-button"].forEach(function (name) {
      bar.querySelector("." + name).disabled = !ready;
    });
    if (ready) {
      bar.querySelector(".tm-previous").disabled = changeFrom(shownDate, -1) === shownDate;
      bar.querySelector(".tm-next").disabled = changeFrom(shownDate, 1) === shownDate;
    }
    // A control that just became disabled drops the keyboard focus: hand it to the slider.
    if (document.activeElement && document.activeElement.disabled && !range.disabled) range.focus();
  }

  // Play: step through the change dates at the chosen pace; any other input stops it.
  function startPlaying() {
    if (shownDate >= lastChange()) step("first");
    play.timer = setInterval(function () { step(1); }, Number(bar.querySelector(".tm-play-pace").value));
    bar.querySelector(".tm-play-button").textContent = "⏸ Pause";
    bar.querySelector(".tm-play-button").setAttribute("aria-pressed", "true");
    document.body.setAttribute("data-playing", "true");
  }

  function stopPlaying() {
    clearInterval(play.timer);
    play.timer = null;
    bar.querySelector(".tm-play-button").textContent = "▶ Play";
    bar.querySelector(".tm-play-button").setAttribute("aria-pressed", "false");
    document.body.setAttribute("data-playing", "false");
  }

  function stopOnInput(event) {
    if (!play.timer) return;
    const onPlay = event.target && event.target.closest && event.target.closest(".tm-play");
    // The Play controls' own clicks and their Enter/Space are theirs; any other input stops playing.
    if (onPlay && (event.type !== "keydown" || event.key === "Enter" || event.key === " ")) return;
    stopPlaying();
  }

  // Listeners on the app's page too (the presenter's keys land there); removed with this frame.
  function listen(type, handler, capture) {
    document.addEventListener(type, handler, capture);
    try {
      const page = window.parent.document;
      page.addEventListener(type, handler, capture);
      window.addEventListener("pagehide", function () { page.removeEventListener(type, handler, capture); });
    } catch (error) { /* cross-origin */ }
  }
  ["keydown", "mousedown", "wheel", "touchstart"].forEach(function (type) { listen(type, stopOnInput, true); });

  window.addEventListener("message", function (event) {
    if (event.data && event.data.type === "streamlit:render") render(event.data.args);
  });

  window.TreatyMap.onSelect(function (iso3) { tell({ click: { iso3: iso3, id: Date.now() + "-" + (outbox.counter + 1) } }); });

  // Arrow keys step through the change dates unless the focused element uses them itself; the focused
  // day slider moves one day per key, as a slider does.
  function onKey(event) {
    const target = event.target;
    const own = target && target.closest ? target.closest(OWN_KEYS) : null;
    if (own || event.altKey || event.ctrlKey || event.metaKey) return;
    const steps = { ArrowRight: 1, ArrowLeft: -1, Home: "first", End: "last" };
    if (!(event.key in steps) || !history) return;
    event.preventDefault();
    step(steps[event.key]);
  }
  listen("keydown", onKey, false);

  function ready() {
    if (pending) render(pending);
    send("streamlit:componentReady", { apiVersion: 1 });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
