// The timeline's window without a browser: reading it from an address, the recent changes and the
// presets derived from the data, zooming and moving it, widening it to show a date, and the axis labels.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const T = require(path.join(__dirname, "..", "..", "render", "static", "timeline_controller.js"));

const TRACK = { first: "1997-09-18", last: "2027-02-20" };
// Three old changes, a gap of eleven years, then a cluster in 2025-26 (as the Mine Ban Convention).
const CHANGES = ["1999-03-01", "2012-07-01", "2013-06-01", "2025-01-31", "2025-06-27", "2025-12-27", "2026-02-20"];

test("a window in an address is two real days, the first before the second", () => {
  assert.deepEqual(T.parseWindow("2025-01-01..2026-12-31"), { start: "2025-01-01", end: "2026-12-31" });
  assert.equal(T.formatWindow({ start: "2025-01-01", end: "2026-12-31" }), "2025-01-01..2026-12-31");
  for (const bad of ["2025-02-30..2026-01-01", "2026-01-01..2025-01-01", "2025-01-01..2025-01-01", "2025-01-01",
    "2025-01-01..2026-12-31..2027-01-01", "2025-1-1..2026-12-31", "yesterday..today", "", null, undefined]) {
    assert.equal(T.parseWindow(bad), null, String(bad));
  }
});

test("the recent changes: from the month before the cluster's first change to two months after its last", () => {
  assert.deepEqual(T.recentWindow(CHANGES, TRACK), { start: "2025-01-01", end: "2026-04-30" });
});

test("changes every year for decades: the recent window still covers only the last few years", () => {
  const yearly = Array.from({ length: 25 }, (_, index) => (2001 + index) + "-06-01");
  assert.deepEqual(T.recentWindow(yearly, TRACK), { start: "2021-05-01", end: "2025-07-31" });
});

test("no changes at all: the recent window is the whole track; a window past the track is cut to it", () => {
  assert.deepEqual(T.recentWindow([], TRACK), { start: "1997-09-18", end: "2027-02-20" });
  assert.deepEqual(T.recentWindow(["2027-02-01"], TRACK), { start: "2027-01-01", end: "2027-02-20" });
});

test("the presets come from the data: the recent changes (named by their years) and the whole history", () => {
  assert.deepEqual(T.presets(CHANGES, TRACK), [
    { key: "recent", label: "2025–26 changes", start: "2025-01-01", end: "2026-04-30" },
    { key: "whole", label: "Whole history", start: "1997-09-18", end: "2027-02-20" },
  ]);
  assert.equal(T.presets(["2011-03-09", "2011-09-01"], TRACK)[0].label, "2011 changes");
});

test("a window widens to whole months to show a date outside it, and is kept when the date is inside", () => {
  const recent = { start: "2025-01-01", end: "2026-04-30" };
  assert.deepEqual(T.windowShowing(recent, "2026-12-01", TRACK), { start: "2025-01-01", end: "2026-12-31" });
  assert.deepEqual(T.windowShowing(recent, "1999-03-15", TRACK), { start: "1999-03-01", end: "2026-04-30" });
  assert.equal(T.windowShowing(recent, "2025-06-27", TRACK), recent);
  assert.deepEqual(T.windowShowing(recent, "2027-02-20", TRACK), { start: "2025-01-01", end: "2027-02-20" });
});

test("zooming keeps the centre where it is, stays inside the track and is never shorter than a month", () => {
  const twoYears = { start: "2025-01-01", end: "2026-12-31" };  // 729 days
  assert.deepEqual(T.zoomWindow(twoYears, 0.5, "2026-01-01", TRACK), { start: "2025-07-02", end: "2026-07-02" });
  assert.deepEqual(T.zoomWindow(twoYears, 0.5, "2025-01-01", TRACK), { start: "2025-01-01", end: "2026-01-01" });
  assert.deepEqual(T.zoomWindow(twoYears, 2, "2026-12-31", TRACK), { start: "2023-01-03", end: "2026-12-31" });
  assert.deepEqual(T.zoomWindow(twoYears, 2, "2026-06-01", TRACK), { start: "2023-02-23", end: "2027-02-20" },
    "pushed back from the track's end");
  assert.deepEqual(T.zoomWindow(twoYears, 100, "2026-01-01", TRACK), { start: "1997-09-18", end: "2027-02-20" });
  assert.deepEqual(T.zoomWindow({ start: "2026-01-01", end: "2026-02-01" }, 0.1, "2026-01-16", TRACK),
    { start: "2026-01-01", end: "2026-02-01" });
});

test("moving a window keeps its length and stops at the track's ends", () => {
  const year = { start: "2025-01-01", end: "2026-01-01" };
  assert.deepEqual(T.moveWindow(year, 31, TRACK), { start: "2025-02-01", end: "2026-02-01" });
  assert.deepEqual(T.moveWindow(year, 3650, TRACK), { start: "2026-02-20", end: "2027-02-20" });
  assert.deepEqual(T.moveWindow(year, -36500, TRACK), { start: "1997-09-18", end: "1998-09-18" });
});

test("axis labels: months when they fit (January says its year), years when they do not", () => {
  const short = T.axisLabels("2025-01-01", "2026-12-31", 600);  // 25 px a month: every third month
  assert.deepEqual(short.map((label) => label.text), ["2025", "Apr", "Jul", "Oct", "2026", "Apr", "Jul", "Oct"]);
  assert.equal(short[4].iso, "2026-01-01");
  assert.ok(Math.abs(short[4].share - 365 / 729) < 1e-9);
  const monthly = T.axisLabels("2025-11-15", "2026-03-10", 600);
  assert.deepEqual(monthly.map((label) => label.text), ["Dec", "2026", "Feb", "Mar"]);
  const whole = T.axisLabels("1997-09-18", "2027-02-20", 600);  // 1.7 px a month: every five years
  assert.deepEqual(whole.map((label) => label.text), ["2000", "2005", "2010", "2015", "2020", "2025"]);
  const wide = T.axisLabels("1997-09-18", "2027-02-20", 1800);  // 5 px a month: every year
  assert.deepEqual(wide.map((label) => label.text).slice(0, 3), ["1998", "1999", "2000"]);
});

test("the briefer's window is heard by the window listeners; the page's is not", () => {
  const timeline = T.createController({ ...TRACK, today: "2026-03-15", changes: CHANGES, date: "2025-06-27" });
  const heard = [];
  timeline.on("window", (window) => heard.push(window));
  timeline.setWindow("2025-01-01", "2026-04-30");
  assert.deepEqual(heard, []);
  timeline.chooseWindow("2020-01-01", "2030-01-01");
  assert.deepEqual(heard, [{ start: "2020-01-01", end: "2027-02-20" }], "as cut to the track");
  assert.equal(timeline.date, "2025-06-27");
});

test("a page opens on the recent changes, widened to show its date; a link's window is kept if it shows the date", () => {
  const open = (date, linked) => {
    const timeline = T.createController({ ...TRACK, today: "2026-03-15", changes: CHANGES, date });
    const heard = [];
    timeline.on("window", (window) => heard.push(window));
    return { shown: timeline.openWindow(linked), heard, timeline };
  };
  assert.deepEqual(open("2025-12-27").shown, { start: "2025-01-01", end: "2026-04-30" });
  assert.deepEqual(open("2026-12-01").shown, { start: "2025-01-01", end: "2026-12-31" });
  const old = open("1999-03-01");
  assert.deepEqual(old.shown, { start: "1999-03-01", end: "2026-04-30" });
  assert.equal(old.timeline.date, "1999-03-01", "the date stays");
  assert.deepEqual(old.heard, [], "the window was not the link's");
  const linked = open("2012-07-01", { start: "2012-01-01", end: "2013-12-31" });
  assert.deepEqual(linked.shown, { start: "2012-01-01", end: "2013-12-31" });
  assert.deepEqual(linked.heard, []);
  const outside = open("2025-06-27", { start: "2012-01-01", end: "2013-12-31" });
  assert.deepEqual(outside.shown, { start: "2012-01-01", end: "2025-06-30" });
  assert.deepEqual(outside.heard, [{ start: "2012-01-01", end: "2025-06-30" }], "the address is told the wider window");
  assert.equal(outside.timeline.firstChange(), "2012-07-01");
});

test("revealing a date outside the window widens it to whole months and tells the window listeners", () => {
  const timeline = T.createController({ ...TRACK, today: "2026-12-01", changes: CHANGES, date: "2025-06-27" });
  timeline.setWindow("2025-01-01", "2026-04-30");
  const heard = [];
  timeline.on("window", (window) => heard.push(window));
  timeline.reveal("2026-02-01");
  assert.deepEqual(heard, [], "inside already: nothing changes");
  timeline.reveal(timeline.today);
  assert.deepEqual(heard, [{ start: "2025-01-01", end: "2026-12-31" }]);
  assert.equal(timeline.goToToday(), "2026-12-01", "not cut to the old window's end");
});
