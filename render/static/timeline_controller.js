// The timeline's state and moves, with no DOM: the date on screen, the track (first to last day), a
// window inside it, the change dates, jumps between the shown region's changes (its stops), Today, and Play at a pace. The views (the
// app's map component and the offline HTML, timeline_bar.js) draw it and listen to its events.
// Also what a date looks like, read from the history of colours (render/payload.py history_payload).
// Runs in the browser (window.TreatyTimeline) and in Node for the tests (module.exports).
(function (root) {
  "use strict";
  const DAY_MS = 86400000;
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  const MONTHS_SHORT = MONTHS.map(function (name) { return name.slice(0, 3); });
  const PACES = [1000, 2000, 4000];  // Play: milliseconds per change
  const DEFAULT_PACE = 2000;
  // The recent changes: the last change and those before it with no longer gap between them, within a
  // few years of the last (so a treaty that changes every year does not count its whole history).
  const RECENT_GAP_DAYS = 730;
  const RECENT_SPAN_DAYS = 5 * 365;
  const RECENT_MARGIN_DAYS = { before: 15, after: 60 };  // so the first and last ticks are not on the edges
  const MIN_WINDOW_DAYS = 31;
  // Axis labels: the finest steps (in months) whose labels stay this many pixels apart.
  const AXIS_STEPS = [1, 2, 3, 6, 12, 24, 60, 120, 240];
  const AXIS_MIN_GAP_PX = 56;

  // ---- dates: ISO strings, or day numbers (UTC) for the day slider ----
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
  function addDays(iso, days) {
    return isoOf(dayNumber(iso) + days);
  }
  function clamp(iso, low, high) {
    return iso < low ? low : iso > high ? high : iso;  // ISO dates sort as strings
  }
  function isDay(text) {
    return typeof text === "string" && /^\d{4}-\d{2}-\d{2}$/.test(text) && isoOf(dayNumber(text)) === text;  // not 2025-02-30
  }
  function monthStart(iso) {
    return iso.slice(0, 8) + "01";
  }
  function monthEnd(iso) {
    const parts = iso.split("-").map(Number);
    return isoOf(Date.UTC(parts[0], parts[1], 1) / DAY_MS - 1);
  }

  // ---- the window: a stretch of the track the briefer chose, {start, end} (ISO, start before end) ----
  // As written in an address: "2025-01-01..2026-12-31"; anything else is null.
  function parseWindow(text) {
    const parts = typeof text === "string" ? text.split("..") : [];
    if (parts.length !== 2 || !isDay(parts[0]) || !isDay(parts[1]) || parts[0] >= parts[1]) return null;
    return { start: parts[0], end: parts[1] };
  }
  function formatWindow(window) {
    return window.start + ".." + window.end;
  }
  function withinTrack(window, track) {
    return { start: clamp(window.start, track.first, track.last), end: clamp(window.end, track.first, track.last) };
  }

  // From a little before the first of the recent changes to a little after the last, in whole months.
  function recentWindow(changes, track) {
    if (!changes || !changes.length) return { start: track.first, end: track.last };
    const last = dayNumber(changes[changes.length - 1]);
    let index = changes.length - 1;
    while (index > 0 && dayNumber(changes[index]) - dayNumber(changes[index - 1]) <= RECENT_GAP_DAYS &&
      last - dayNumber(changes[index - 1]) <= RECENT_SPAN_DAYS) index--;
    return withinTrack({
      start: monthStart(addDays(changes[index], -RECENT_MARGIN_DAYS.before)),
      end: monthEnd(isoOf(last + RECENT_MARGIN_DAYS.after)),
    }, track);
  }

  // The window widened (to whole months) so that it shows `iso`.
  function windowShowing(window, iso, track) {
    if (iso >= window.start && iso <= window.end) return window;
    return withinTrack({ start: iso < window.start ? monthStart(iso) : window.start, end: iso > window.end ? monthEnd(iso) : window.end }, track);
  }

  // The windows a briefer can pick, from the data: the recent changes ("2025–26 changes") and the whole history.
  function presets(changes, track) {
    const recent = recentWindow(changes, track);
    const years = recent.start.slice(0, 4) === recent.end.slice(0, 4) ? recent.start.slice(0, 4)
      : recent.start.slice(0, 4) + "–" + recent.end.slice(2, 4);
    return [
      { key: "recent", label: years + " changes", start: recent.start, end: recent.end },
      { key: "whole", label: "Whole history", start: track.first, end: track.last },
    ];
  }

  // Zoom by `factor` (below 1: in) keeping `centre` where it is on the track, within the track and no
  // shorter than a month.
  function zoomWindow(window, factor, centre, track) {
    const start = dayNumber(window.start), end = dayNumber(window.end);
    const first = dayNumber(track.first), last = dayNumber(track.last);
    const span = Math.min(last - first, Math.max(MIN_WINDOW_DAYS, Math.round((end - start) * factor)));
    const middle = dayNumber(clamp(centre, window.start, window.end));
    const share = end > start ? (middle - start) / (end - start) : 0.5;
    return shiftInside(Math.round(middle - share * span), span, first, last);
  }

  // The same window moved by `days`, stopping at the track's ends.
  function moveWindow(window, days, track) {
    const start = dayNumber(window.start), span = dayNumber(window.end) - start;
    return shiftInside(start + days, span, dayNumber(track.first), dayNumber(track.last));
  }

  function shiftInside(start, span, first, last) {
    const from = Math.max(first, Math.min(start, last - span));
    return { start: isoOf(from), end: isoOf(Math.min(last, from + span)) };
  }

  // The labels under a track `width` pixels wide showing [start, end]: months (January as its year) when
  // they fit, else years, every few; {iso, text, share (0..1 along the track)}.
  function axisLabels(start, end, width) {
    const from = dayNumber(start), to = dayNumber(end);
    const monthWidth = width / Math.max(1, (to - from) / 30.44);
    const step = AXIS_STEPS.find(function (months) { return months * monthWidth >= AXIS_MIN_GAP_PX; }) || AXIS_STEPS[AXIS_STEPS.length - 1];
    const labels = [];
    let year = Number(start.slice(0, 4)), month = Number(start.slice(5, 7)) - 1;
    for (let index = year * 12 + month; ; index++) {
      year = Math.floor(index / 12);
      month = index % 12;
      if (step >= 12 ? month !== 0 || year % (step / 12) !== 0 : month % step !== 0) continue;
      const iso = isoOf(Date.UTC(year, month, 1) / DAY_MS);
      if (iso > end) break;
      if (iso < start) continue;
      labels.push({ iso: iso, text: month === 0 ? String(year) : MONTHS_SHORT[month], share: (dayNumber(iso) - from) / Math.max(1, to - from) });
    }
    return labels;
  }

  // ---- the history of colours: periods[0] before the first change, periods[i] from changes[i - 1] ----
  function periodIndex(history, iso) {
    let low = 0, high = history.changes.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (history.changes[middle] <= iso) low = middle + 1; else high = middle;
    }
    return low;
  }

  // The changes the timeline stops at in a region: those of its states (history.stops, render/payload.py
  // region_stops); every change for a region the history does not list.
  function regionStops(history, regionId) {
    const indices = history.stops && history.stops[regionId];
    return indices ? indices.map(function (index) { return history.changes[index]; }) : history.changes;
  }

  // A date's colours (one palette digit per shape) and the countdown of each pending withdrawal.
  function colouringOn(history, iso) {
    const period = history.periods[periodIndex(history, iso)];
    const remaining = {}, takesEffect = {};
    Object.keys(period.pending).forEach(function (state) {
      remaining[state] = dayNumber(period.pending[state]) - dayNumber(iso);
      takesEffect[state] = longDate(period.pending[state]);
    });
    return { date: iso, date_label: longDate(iso), fills: period.fills, remaining: remaining, takes_effect: takesEffect };
  }

  // The digits as status keys by shape code, for TreatyMap.update.
  function expandFills(digits, codes, palette) {
    const fills = {};
    // One base-36 digit per shape: its row in the status table (render/payload.py fill_digits).
    codes.forEach(function (code, index) { fills[code] = palette[parseInt(digits[index], 36)].key; });
    return fills;
  }

  // ---- the controller ----
  // options: first, last, today (ISO; the track), changes (ISO, sorted; null until known), stops (the shown
  // region's changes, a part of them; null: every change), date, pace (ms per change), clock
  // ({setInterval, clearInterval}; the tests pass their own). The window's recent changes and presets come
  // from every change (a window means the same in every region); the jumps, Play and the ticks from the stops.
  function createController(options) {
    const clock = options.clock || root;
    const listeners = { move: [], play: [], window: [] };
    const track = { first: options.first, last: options.last, today: options.today };
    let zoom = null;  // the window: {start, end} inside the track, or null for the whole track
    let changes = options.changes || null;
    let stops = options.stops || null;
    let date = options.date ? clamp(options.date, track.first, track.last) : null;
    let pace = options.pace || DEFAULT_PACE;
    let timer = null;

    function setWindow(start, end) {
      zoom = start === null ? null : { start: start, end: end };
      if (ready()) moveTo(date);
      else if (date !== null) date = clamp(date, windowStart(), windowEnd());
    }
    function emit(kind, value) {
      listeners[kind].forEach(function (listener) { listener(value); });
    }
    function windowStart() {
      return zoom ? clamp(zoom.start, track.first, track.last) : track.first;
    }
    function windowEnd() {
      return zoom ? clamp(zoom.end, windowStart(), track.last) : track.last;
    }
    function ready() {
      return changes !== null && date !== null;
    }
    function stopsOrChanges() {
      return stops || changes;
    }
    function inWindow() {
      const start = windowStart(), end = windowEnd();
      return stopsOrChanges().filter(function (day) { return day >= start && day <= end; });
    }

    // Where each jump lands from `from` (the date itself when there is nowhere to go).
    function firstChange() {
      const shown = inWindow();
      return shown.length ? shown[0] : windowStart();
    }
    function lastChange() {
      const shown = inWindow();
      return shown.length ? shown[shown.length - 1] : windowEnd();
    }
    function changeAfter(from) {
      const end = windowEnd();
      const next = stopsOrChanges().find(function (day) { return day > from; });
      return next !== undefined && next <= end ? next : from;
    }
    function changeBefore(from) {
      const start = windowStart(), list = stopsOrChanges();
      for (let i = list.length - 1; i >= 0; i--) if (list[i] < from) return list[i] >= start ? list[i] : from;
      return from;
    }

    // The viewer (or Play) moves the date: listeners hear of it only if it changed.
    function moveTo(iso) {
      if (!ready()) return date;
      const target = clamp(iso, windowStart(), windowEnd());
      const moved = target !== date;
      date = target;
      if (moved) emit("move", date);
      if (timer !== null && date >= lastChange()) stop();
      return date;
    }

    function startTimer() {
      timer = clock.setInterval(function () {
        const next = changeAfter(date);
        if (next === date) stop(); else moveTo(next);  // moveTo stops on arriving at the last change
      }, pace);
    }
    function play() {
      if (timer !== null || !ready()) return;
      if (date >= lastChange()) moveTo(firstChange());
      startTimer();
      emit("play", true);
    }
    function stop() {
      if (timer === null) return;
      clock.clearInterval(timer);
      timer = null;
      emit("play", false);
    }

    return {
      get date() { return date; },
      get first() { return track.first; },
      get last() { return track.last; },
      get today() { return track.today; },
      get changes() { return changes; },
      get stops() { return changes === null ? null : stopsOrChanges(); },
      get windowStart() { return windowStart(); },
      get windowEnd() { return windowEnd(); },
      get ready() { return ready(); },
      get playing() { return timer !== null; },
      get pace() { return pace; },

      // What the page was told, not a move of the viewer's: no event (the app's server, on its rerun).
      setDate: function (iso) { date = clamp(iso, windowStart(), windowEnd()); },
      setTrack: function (bounds) {
        track.first = bounds.first;
        track.last = bounds.last;
        track.today = bounds.today;
        if (date !== null) date = clamp(date, windowStart(), windowEnd());
      },
      // null while another history loads: nothing moves, and Play stops.
      setChanges: function (list) {
        changes = list;
        if (list === null) stop();
      },
      // The shown region's changes (null: every change); Play goes on through them.
      setStops: function (list) { stops = list; },
      // Zoom the track to [start, end] (null: the whole track); the date stays inside it.
      setWindow: setWindow,
      // The window a page opens on, once the changes are known: its link's (cut to the track) or the recent
      // changes, widened to show the date; if that is not the link's window, the "window" listeners hear of it.
      openWindow: function (linked) {
        const shown = windowShowing(withinTrack(linked || recentWindow(changes, track), track), date, track);
        setWindow(shown.start, shown.end);
        if (linked && (linked.start !== shown.start || linked.end !== shown.end)) emit("window", shown);
        return shown;
      },
      // Widen the window (to whole months) to show `iso`, a date from elsewhere (Today, the server); the
      // "window" listeners hear of it if it changed.
      reveal: function (iso) {
        const shown = { start: windowStart(), end: windowEnd() };
        const wider = windowShowing(shown, iso, track);
        if (wider === shown) return;
        setWindow(wider.start, wider.end);
        emit("window", { start: windowStart(), end: windowEnd() });
      },
      // The briefer chose a window: as setWindow, and the "window" listeners hear of it (to keep it in the address).
      chooseWindow: function (start, end) {
        setWindow(start, end);
        emit("window", { start: windowStart(), end: windowEnd() });
      },

      moveTo: moveTo,
      stepDays: function (days) { return date === null ? date : moveTo(addDays(date, days)); },
      nextChange: function () { return ready() ? moveTo(changeAfter(date)) : date; },
      previousChange: function () { return ready() ? moveTo(changeBefore(date)) : date; },
      firstChange: function () { return ready() ? moveTo(firstChange()) : date; },
      lastChange: function () { return ready() ? moveTo(lastChange()) : date; },
      goToToday: function () { return moveTo(track.today); },
      hasNextChange: function () { return ready() && changeAfter(date) !== date; },
      hasPreviousChange: function () { return ready() && changeBefore(date) !== date; },

      play: play,
      stop: stop,
      togglePlay: function () { if (timer !== null) stop(); else play(); },
      setPace: function (milliseconds) {
        pace = milliseconds;
        if (timer !== null) {
          clock.clearInterval(timer);
          startTimer();
        }
      },

      // kind: "move" (the new ISO date), "play" (true or false) or "window" ({start, end}, the briefer's); returns a function that unsubscribes.
      on: function (kind, listener) {
        listeners[kind].push(listener);
        return function () { listeners[kind] = listeners[kind].filter(function (other) { return other !== listener; }); };
      },
    };
  }

  const api = {
    createController: createController,
    PACES: PACES,
    DEFAULT_PACE: DEFAULT_PACE,
    dayNumber: dayNumber,
    isoOf: isoOf,
    longDate: longDate,
    addDays: addDays,
    periodIndex: periodIndex,
    colouringOn: colouringOn,
    regionStops: regionStops,
    expandFills: expandFills,
    parseWindow: parseWindow,
    formatWindow: formatWindow,
    recentWindow: recentWindow,
    windowShowing: windowShowing,
    presets: presets,
    zoomWindow: zoomWindow,
    moveWindow: moveWindow,
    axisLabels: axisLabels,
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.TreatyTimeline = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
