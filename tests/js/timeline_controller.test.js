// The timeline controller without a browser (node --test tests/js/): the date, the track and its
// window, day steps, jumps between changes, Today, Play at a pace; and reading the history of colours.
// Run by tests/test_timeline_js.py, so pytest (and `make test`) runs these too.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const T = require(path.join(__dirname, "..", "..", "render", "static", "timeline_controller.js"));

const CHANGES = ["1999-03-01", "2025-06-27", "2025-12-27", "2026-01-10", "2026-02-20"];
const TRACK = { first: "1997-09-18", last: "2027-02-20", today: "2026-03-15" };

// A clock whose intervals fire only when the test says so.
function fakeClock() {
  const timers = new Map();
  let next = 1;
  return {
    setInterval(callback, ms) { timers.set(next, { callback, ms }); return next++; },
    clearInterval(id) { timers.delete(id); },
    tick() { [...timers.values()].forEach((timer) => timer.callback()); },
    get running() { return [...timers.values()].map((timer) => timer.ms); },
  };
}

function controller(options = {}) {
  const clock = fakeClock();
  const timeline = T.createController({ ...TRACK, changes: CHANGES, date: "2025-12-27", clock, ...options });
  const moves = [], plays = [];
  timeline.on("move", (date) => moves.push(date));
  timeline.on("play", (playing) => plays.push(playing));
  return { timeline, clock, moves, plays };
}

test("dates: ISO strings, day numbers and long dates", () => {
  assert.equal(T.dayNumber("1970-01-02"), 1);
  assert.equal(T.isoOf(T.dayNumber("2024-02-29") + 1), "2024-03-01");
  assert.equal(T.addDays("2025-12-31", 1), "2026-01-01");
  assert.equal(T.longDate("2025-12-27"), "27 December 2025");
  assert.equal(T.longDate("2026-01-05"), "5 January 2026");
});

test("moving to a date inside the track moves there and tells the listeners once", () => {
  const { timeline, moves } = controller();
  assert.equal(timeline.moveTo("2026-01-01"), "2026-01-01");
  assert.equal(timeline.date, "2026-01-01");
  assert.deepEqual(moves, ["2026-01-01"]);
  timeline.moveTo("2026-01-01");
  assert.deepEqual(moves, ["2026-01-01"], "no event when the date does not change");
});

test("a date outside the track is clamped to its ends", () => {
  const { timeline } = controller();
  assert.equal(timeline.moveTo("1990-01-01"), "1997-09-18");
  assert.equal(timeline.moveTo("2099-01-01"), "2027-02-20");
  assert.equal(T.createController({ ...TRACK, changes: CHANGES, date: "1900-01-01" }).date, "1997-09-18");
});

test("steps by day, across a month and a year", () => {
  const { timeline, moves } = controller({ date: "2025-12-30" });
  timeline.stepDays(1);
  timeline.stepDays(1);
  timeline.stepDays(1);
  assert.deepEqual(moves, ["2025-12-31", "2026-01-01", "2026-01-02"]);
  timeline.stepDays(-3);
  assert.equal(timeline.date, "2025-12-30");
});

test("jumps to the next and previous change, and stays at the ends", () => {
  const { timeline } = controller({ date: "2025-12-28" });
  assert.equal(timeline.nextChange(), "2026-01-10");
  assert.equal(timeline.nextChange(), "2026-02-20");
  assert.equal(timeline.hasNextChange(), false);
  assert.equal(timeline.nextChange(), "2026-02-20");
  assert.equal(timeline.previousChange(), "2026-01-10");
  timeline.moveTo("1998-01-01");
  assert.equal(timeline.hasPreviousChange(), false);
  assert.equal(timeline.previousChange(), "1998-01-01");
  assert.equal(timeline.nextChange(), "1999-03-01");
});

test("first and last jump to the first and last change; Today goes to the track's today", () => {
  const { timeline } = controller();
  assert.equal(timeline.firstChange(), "1999-03-01");
  assert.equal(timeline.lastChange(), "2026-02-20");
  assert.equal(timeline.goToToday(), "2026-03-15");
});

test("until the change dates are known nothing moves; then it does", () => {
  const { timeline, moves } = controller({ changes: null });
  assert.equal(timeline.ready, false);
  timeline.nextChange();
  timeline.moveTo("2026-01-01");
  timeline.play();
  assert.deepEqual(moves, []);
  assert.equal(timeline.playing, false);
  timeline.setChanges(CHANGES);
  assert.equal(timeline.ready, true);
  assert.equal(timeline.nextChange(), "2026-01-10");
});

test("play stops when the change dates go (another treaty's history is loading)", () => {
  const { timeline, clock, plays } = controller({ date: "1998-01-01" });
  timeline.play();
  timeline.setChanges(null);
  assert.equal(timeline.playing, false);
  assert.deepEqual(clock.running, []);
  assert.deepEqual(plays, [true, false]);
});

test("setDate shows a date without telling the listeners (the server's date)", () => {
  const { timeline, moves } = controller();
  timeline.setDate("2025-06-27");
  assert.equal(timeline.date, "2025-06-27");
  assert.deepEqual(moves, []);
});

test("a window narrows the track: moves, steps and jumps stay inside it", () => {
  const { timeline } = controller({ date: "2020-05-05" });
  timeline.setWindow("2025-01-01", "2026-12-31");
  assert.equal(timeline.windowStart, "2025-01-01");
  assert.equal(timeline.windowEnd, "2026-12-31");
  assert.equal(timeline.date, "2025-01-01", "the date is brought inside the window");
  assert.equal(timeline.moveTo("2027-02-01"), "2026-12-31");
  assert.equal(timeline.firstChange(), "2025-06-27", "not 1999-03-01, which is before the window");
  assert.equal(timeline.hasPreviousChange(), false);
  timeline.moveTo("2025-01-01");
  assert.equal(timeline.stepDays(-1), "2025-01-01");
  timeline.setWindow(null);
  assert.equal(timeline.windowStart, "1997-09-18");
  assert.equal(timeline.firstChange(), "1999-03-01");
});

test("a window set before the change dates are known still holds the date", () => {
  const { timeline } = controller({ changes: null, date: "2020-05-05" });
  timeline.setWindow("2025-01-01", "2026-12-31");
  assert.equal(timeline.date, "2025-01-01");
});

test("a window reaching past the track is cut to the track", () => {
  const { timeline } = controller();
  timeline.setWindow("1990-01-01", "2030-01-01");
  assert.equal(timeline.windowStart, "1997-09-18");
  assert.equal(timeline.windowEnd, "2027-02-20");
});

test("a window with no change in it: first and last are its ends, and there is nowhere to jump", () => {
  const { timeline } = controller();
  timeline.setWindow("2000-01-01", "2000-12-31");
  assert.equal(timeline.firstChange(), "2000-01-01");
  assert.equal(timeline.lastChange(), "2000-12-31");
  assert.equal(timeline.hasNextChange(), false);
  assert.equal(timeline.hasPreviousChange(), false);
});

test("a new track (another treaty) keeps the date when it still fits and clamps it when not", () => {
  const { timeline } = controller({ date: "2026-02-01" });
  timeline.setTrack({ first: "2008-05-30", last: "2026-12-31", today: "2026-03-15" });
  assert.equal(timeline.date, "2026-02-01");
  timeline.setTrack({ first: "2008-05-30", last: "2025-12-31", today: "2025-12-31" });
  assert.equal(timeline.date, "2025-12-31");
  assert.equal(timeline.first, "2008-05-30");
});

test("play steps through the changes at the pace, then stops on the last one", () => {
  const { timeline, clock, moves, plays } = controller({ date: "2025-12-28" });
  timeline.setPace(1000);
  timeline.play();
  assert.equal(timeline.playing, true);
  assert.deepEqual(clock.running, [1000]);
  clock.tick();
  assert.equal(timeline.date, "2026-01-10");
  assert.equal(timeline.playing, true);
  clock.tick();
  assert.equal(timeline.date, "2026-02-20");
  assert.equal(timeline.playing, false, "it stops on arriving at the last change");
  assert.deepEqual(clock.running, []);
  assert.deepEqual(moves, ["2026-01-10", "2026-02-20"]);
  assert.deepEqual(plays, [true, false]);
});

test("play from the last change (or after it) starts again from the first", () => {
  const { timeline, clock, moves } = controller({ date: "2026-06-01" });
  timeline.play();
  assert.equal(timeline.date, "1999-03-01");
  clock.tick();
  assert.equal(timeline.date, "2025-06-27");
  assert.deepEqual(moves, ["1999-03-01", "2025-06-27"]);
});

test("play stays inside the window and stops at its last change", () => {
  const { timeline, clock } = controller({ date: "2025-07-01" });
  timeline.setWindow("2025-01-01", "2026-01-31");
  timeline.play();
  clock.tick();
  assert.equal(timeline.date, "2025-12-27");
  clock.tick();
  assert.equal(timeline.date, "2026-01-10");
  assert.equal(timeline.playing, false, "2026-02-20 is after the window");
});

test("play in a window with no change starts at its start and stops at the first tick", () => {
  const { timeline, clock, moves } = controller();
  timeline.setWindow("2000-01-01", "2000-12-31");
  assert.deepEqual(moves, ["2000-12-31"], "2025-12-27 is brought back into the window");
  timeline.play();
  assert.equal(timeline.playing, true);
  clock.tick();
  assert.equal(timeline.playing, false);
  assert.deepEqual(moves, ["2000-12-31", "2000-01-01"]);
  assert.deepEqual(clock.running, []);
});

test("stop, toggle and a change of pace while playing", () => {
  const { timeline, clock, plays } = controller({ date: "1998-01-01" });
  assert.equal(timeline.pace, T.DEFAULT_PACE);
  timeline.togglePlay();
  assert.deepEqual(clock.running, [2000]);
  timeline.setPace(4000);
  assert.deepEqual(clock.running, [4000], "one timer, at the new pace");
  assert.equal(timeline.playing, true);
  timeline.togglePlay();
  assert.equal(timeline.playing, false);
  assert.deepEqual(clock.running, []);
  timeline.stop();
  assert.deepEqual(plays, [true, false], "stopping when stopped says nothing");
  assert.deepEqual(T.PACES, [1000, 2000, 4000]);
});

test("a listener can unsubscribe", () => {
  const { timeline } = controller();
  const heard = [];
  const unsubscribe = timeline.on("move", (date) => heard.push(date));
  timeline.moveTo("2026-01-01");
  unsubscribe();
  timeline.moveTo("2026-01-02");
  assert.deepEqual(heard, ["2026-01-01"]);
});

// The history format of render/payload.py history_payload: periods[0] before the first change,
// periods[i] from changes[i - 1]; fills are one palette digit per shape.
const HISTORY = {
  changes: ["2025-12-27", "2026-01-10"],
  periods: [
    { fills: "11", pending: { LTU: "2025-12-27", FIN: "2026-01-10" } },
    { fills: "21", pending: { FIN: "2026-01-10" } },
    { fills: "22", pending: {} },
  ],
};

test("the history colours a day from the period holding it, change dates included", () => {
  assert.equal(T.periodIndex(HISTORY, "2025-12-26"), 0);
  assert.equal(T.periodIndex(HISTORY, "2025-12-27"), 1);
  assert.equal(T.periodIndex(HISTORY, "2026-01-09"), 1);
  assert.equal(T.periodIndex(HISTORY, "2026-01-10"), 2);
  assert.equal(T.periodIndex(HISTORY, "2099-01-01"), 2);
  assert.deepEqual(T.colouringOn(HISTORY, "2025-12-20"), {
    date: "2025-12-20",
    date_label: "20 December 2025",
    fills: "11",
    remaining: { LTU: 7, FIN: 21 },
    takes_effect: { LTU: "27 December 2025", FIN: "10 January 2026" },
  });
  assert.deepEqual(T.colouringOn(HISTORY, "2026-01-10").remaining, {});
});

test("the digits become status keys by shape code, in the palette's order", () => {
  const palette = [{ key: "party" }, { key: "withdrawal_pending" }, { key: "withdrawn" }];
  assert.deepEqual(T.expandFills("21", ["LTU", "FIN"], palette), { LTU: "withdrawn", FIN: "withdrawal_pending" });
});

// ---- the shown region's changes (the history's stops): the jumps, Play and the ticks follow them ----
// The Mine Ban Convention's changes from July 2025, and which of them are in Europe and in the Asia–Pacific
// (render/payload.py region_stops): Finland's notice, Ukraine's claim, Poland's notice, the Marshall Islands
// (1 September 2025) and Tonga (1 December 2025) in force, the finding on Ukraine, the withdrawals.
const WORLD_2025 = ["2025-07-10", "2025-07-18", "2025-08-20", "2025-09-01", "2025-12-01", "2025-12-05", "2025-12-27",
  "2026-01-10", "2026-02-20"];
const HISTORY_2025 = {
  changes: WORLD_2025,
  periods: WORLD_2025.concat(["end"]).map(() => ({ fills: "", pending: {} })),
  stops: { world: [0, 1, 2, 3, 4, 5, 6, 7, 8], europe: [0, 1, 2, 5, 6, 7, 8], "asia-pacific": [3, 4] },
};

function regional(region, options = {}) {
  return controller({ changes: WORLD_2025, stops: T.regionStops(HISTORY_2025, region), date: "2025-07-01", ...options });
}

test("a region's stops are its changes as dates; a region the history does not list stops at every change", () => {
  assert.deepEqual(T.regionStops(HISTORY_2025, "asia-pacific"), ["2025-09-01", "2025-12-01"]);
  assert.deepEqual(T.regionStops(HISTORY_2025, "europe"),
    ["2025-07-10", "2025-07-18", "2025-08-20", "2025-12-05", "2025-12-27", "2026-01-10", "2026-02-20"]);
  assert.deepEqual(T.regionStops(HISTORY_2025, "middle-east"), WORLD_2025);
  assert.deepEqual(T.regionStops({ changes: ["2025-12-27"], periods: [] }, "europe"), ["2025-12-27"], "an older history without stops");
});

test("in Europe the change jumps pass the Marshall Islands and Tonga by", () => {
  const { timeline, moves } = regional("europe");
  timeline.nextChange();
  timeline.nextChange();
  timeline.nextChange();
  assert.equal(timeline.nextChange(), "2025-12-05", "not 2025-09-01 nor 2025-12-01");
  assert.equal(timeline.nextChange(), "2025-12-27");
  assert.deepEqual(moves, ["2025-07-10", "2025-07-18", "2025-08-20", "2025-12-05", "2025-12-27"]);
  assert.equal(timeline.previousChange(), "2025-12-05");
  assert.equal(timeline.previousChange(), "2025-08-20");
  assert.deepEqual(timeline.stops, T.regionStops(HISTORY_2025, "europe"));
  assert.deepEqual(timeline.changes, WORLD_2025, "the changes stay every change: the window's presets come from them");
});

test("in the Asia–Pacific the change jumps stop on 1 September and 1 December 2025 only", () => {
  const { timeline } = regional("asia-pacific");
  assert.equal(timeline.nextChange(), "2025-09-01");
  assert.equal(timeline.nextChange(), "2025-12-01");
  assert.equal(timeline.hasNextChange(), false);
  assert.equal(timeline.nextChange(), "2025-12-01");
  assert.equal(timeline.previousChange(), "2025-09-01");
  assert.equal(timeline.hasPreviousChange(), false);
  assert.equal(timeline.lastChange(), "2025-12-01");
  assert.equal(timeline.firstChange(), "2025-09-01");
});

test("in the world the change jumps stop at every change", () => {
  const { timeline, moves } = regional("world");
  WORLD_2025.forEach(() => timeline.nextChange());
  assert.deepEqual(moves, WORLD_2025);
});

test("another region's stops take over at once, and Play goes through the region's changes", () => {
  const { timeline, clock, moves } = regional("europe", { date: "2025-08-20" });
  timeline.setStops(T.regionStops(HISTORY_2025, "asia-pacific"));
  assert.equal(timeline.nextChange(), "2025-09-01");
  timeline.setStops(null);
  assert.equal(timeline.nextChange(), "2025-12-01", "null: every change");
  timeline.setStops(T.regionStops(HISTORY_2025, "europe"));
  timeline.setPace(1000);
  timeline.play();
  clock.tick();
  clock.tick();
  assert.deepEqual(moves, ["2025-09-01", "2025-12-01", "2025-12-05", "2025-12-27"]);
});

test("the recent changes' window comes from every change, whatever the region", () => {
  const { timeline } = regional("asia-pacific");
  assert.deepEqual(timeline.openWindow(null), T.recentWindow(WORLD_2025, TRACK));
  assert.equal(timeline.openWindow(null).end, "2026-04-30");
});
