// The timeline's state and moves, with no DOM: the date on screen, the track (first to last day), a
// window inside it, the change dates, jumps between them, Today, and Play at a pace. The views (the
// app's map component and the offline HTML, timeline_bar.js) draw it and listen to its events.
// Also what a date looks like, read from the history of colours (render/payload.py history_payload).
// Runs in the browser (window.TreatyTimeline) and in Node for the tests (module.exports).
(function (root) {
  "use strict";
  const DAY_MS = 86400000;
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  const PACES = [1000, 2000, 4000];  // Play: milliseconds per change
  const DEFAULT_PACE = 2000;

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

  // ---- the history of colours: periods[0] before the first change, periods[i] from changes[i - 1] ----
  function periodIndex(history, iso) {
    let low = 0, high = history.changes.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (history.changes[middle] <= iso) low = middle + 1; else high = middle;
    }
    return low;
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
  // options: first, last, today (ISO; the track), changes (ISO, sorted; null until known), date, pace
  // (ms per change), clock ({setInterval, clearInterval}; the tests pass their own).
  function createController(options) {
    const clock = options.clock || root;
    const listeners = { move: [], play: [] };
    const track = { first: options.first, last: options.last, today: options.today };
    let zoom = null;  // the window: {start, end} inside the track, or null for the whole track
    let changes = options.changes || null;
    let date = options.date ? clamp(options.date, track.first, track.last) : null;
    let pace = options.pace || DEFAULT_PACE;
    let timer = null;

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
    function inWindow() {
      const start = windowStart(), end = windowEnd();
      return changes.filter(function (day) { return day >= start && day <= end; });
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
      const next = changes.find(function (day) { return day > from; });
      return next !== undefined && next <= end ? next : from;
    }
    function changeBefore(from) {
      const start = windowStart();
      for (let i = changes.length - 1; i >= 0; i--) if (changes[i] < from) return changes[i] >= start ? changes[i] : from;
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
      // Zoom the track to [start, end] (null: the whole track); the date stays inside it.
      setWindow: function (start, end) {
        zoom = start === null ? null : { start: start, end: end };
        if (ready()) moveTo(date);
        else if (date !== null) date = clamp(date, windowStart(), windowEnd());
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

      // kind: "move" (the new ISO date) or "play" (true or false); returns a function that unsubscribes.
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
    expandFills: expandFills,
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.TreatyTimeline = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
