// Presenting a storyboard without a browser (node --test tests/js/): which keys step it, the step counter,
// the ends, and what the map draws for a step. Run by tests/test_timeline_js.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const S = require(path.join(__dirname, "..", "..", "render", "static", "storyboard_show.js"));

const BALTIC = { highlight: ["EST", "LTU", "LVA"], callouts: [{ lines: ["Estonia"], size: [70, 28], anchor: [58.6, 25.0], end: [60.1, 20.0], align: [1, 0.5] }] };
const STEPS = [
  { title: "The regional decision", date: "2025-03-18", story: BALTIC },
  { title: "Instruments deposited", date: "2025-06-27" },
  { title: "First withdrawals take effect", date: "2025-12-27" },
];

const key = (name, modifiers = {}) => ({ key: name, ...modifiers });

test("→ and Page Down go forward, ← and Page Up back, Home and End to the ends", () => {
  assert.equal(S.keyMove(key("ArrowRight")), "next");
  assert.equal(S.keyMove(key("PageDown")), "next");
  assert.equal(S.keyMove(key("ArrowLeft")), "previous");
  assert.equal(S.keyMove(key("PageUp")), "previous");
  assert.equal(S.keyMove(key("Home")), "first");
  assert.equal(S.keyMove(key("End")), "last");
});

test("other keys, and keys with a modifier, are not the storyboard's", () => {
  for (const name of ["ArrowUp", "ArrowDown", "Enter", "a", "Tab"]) assert.equal(S.keyMove(key(name)), null, name);
  assert.equal(S.keyMove(key("ArrowRight", { altKey: true })), null, "Alt+→ is the browser's Forward");
  assert.equal(S.keyMove(key("PageDown", { ctrlKey: true })), null, "Ctrl+Page Down changes the browser's tab");
  assert.equal(S.keyMove(key("ArrowLeft", { metaKey: true })), null);
  assert.equal(S.keyMove(key("ArrowRight", { shiftKey: true })), null);
});

test("the player starts at step 1 and counts the steps", () => {
  const player = S.createPlayer(STEPS);
  assert.equal(player.index, 0);
  assert.equal(player.step.title, "The regional decision");
  assert.equal(player.counter(), "Step 1 of 3");
  assert.equal(player.hasPrevious(), false);
  assert.equal(player.hasNext(), true);
});

test("forward, forward, back: each move returns the step now shown", () => {
  const player = S.createPlayer(STEPS);
  assert.equal(player.move("next").date, "2025-06-27");
  assert.equal(player.move("next").date, "2025-12-27");
  assert.equal(player.counter(), "Step 3 of 3");
  assert.equal(player.move("previous").date, "2025-06-27");
  assert.equal(player.counter(), "Step 2 of 3");
});

test("at either end a move changes nothing and says so", () => {
  const player = S.createPlayer(STEPS);
  assert.equal(player.move("previous"), null);
  assert.equal(player.move("last").title, "First withdrawals take effect");
  assert.equal(player.move("next"), null);
  assert.equal(player.counter(), "Step 3 of 3");
  assert.equal(player.move("first").title, "The regional decision");
});

test("the player opens on the step it is given (a link's ?step=), kept within the storyboard", () => {
  const third = S.createPlayer(STEPS, 2);
  assert.equal(third.counter(), "Step 3 of 3");
  assert.equal(third.hasNext(), false);
  assert.equal(third.move("previous").title, "Instruments deposited");
  assert.equal(S.createPlayer(STEPS, 7).counter(), "Step 3 of 3", "past the end: the last step");
  assert.equal(S.createPlayer(STEPS, -4).counter(), "Step 1 of 3");
  assert.equal(S.createPlayer(STEPS, undefined).counter(), "Step 1 of 3");
  assert.equal(S.createPlayer(STEPS, NaN).counter(), "Step 1 of 3");
});

test("N (or Shift+N) shows and hides the speaker notes; N with Ctrl, Alt or Cmd is the browser's", () => {
  assert.equal(S.notesKey(key("n")), true);
  assert.equal(S.notesKey(key("N", { shiftKey: true })), true);
  for (const name of ["m", "Enter", "ArrowRight", " "]) assert.equal(S.notesKey(key(name)), false, name);
  assert.equal(S.notesKey(key("n", { ctrlKey: true })), false, "Ctrl+N opens a browser window");
  assert.equal(S.notesKey(key("n", { metaKey: true })), false);
  assert.equal(S.notesKey(key("n", { altKey: true })), false);
  assert.equal(S.keyMove(key("n")), null, "N moves no step");
});

test("a step draws its highlighted states and callouts; a plain step draws none (not the last step's)", () => {
  assert.deepEqual(S.overrides(STEPS[0]), { story: BALTIC });
  assert.deepEqual(S.overrides(STEPS[1]), { story: { highlight: [], callouts: [] } });
});

test("a before-and-after step lists its changes, the first five and how many more past six", () => {
  const changes = ["Estonia: State Party → Withdrawn", "Finland: State Party → Withdrawn", "Latvia: State Party → Withdrawn"];
  assert.deepEqual(S.changeLines(changes), changes);
  assert.deepEqual(S.changeLines(undefined), []);
  const many = ["A", "B", "C", "D", "E", "F", "G", "H"];
  assert.deepEqual(S.changeLines(many), ["A", "B", "C", "D", "E", "and 3 more"]);
  assert.deepEqual(S.changeLines(many.slice(0, 6)), ["A", "B", "C", "D", "E", "F"]);
});

test("a before-and-after step's folded line names both dates and counts the changes", () => {
  const pair = { before_label: "1 January 2025", date_label: "1 March 2026" };
  assert.equal(S.pairLine({ ...pair, changes: ["A", "B", "C", "D", "E", "F"] }), "1 January 2025 → 1 March 2026: 6 changes");
  assert.equal(S.pairLine({ ...pair, changes: ["A"] }), "1 January 2025 → 1 March 2026: 1 change");
  assert.equal(S.pairLine({ ...pair, changes: [] }), "1 January 2025 → 1 March 2026: no change");
});

test("keys typed in a field or on a slider are left to it", () => {
  const inside = (selector) => ({ closest: (wanted) => (wanted.split(", ").includes(selector) ? {} : null) });
  assert.equal(S.typingIn(inside("input")), true);
  assert.equal(S.typingIn(inside("textarea")), true);
  assert.equal(S.typingIn(inside("[role='slider']")), true);
  assert.equal(S.typingIn(inside("button")), false);
  assert.equal(S.typingIn(null), false);
});
