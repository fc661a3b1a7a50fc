"""Presenting a storyboard: the script rerun when the presenter steps (each step moves the date, the browser
tells the server, the page reruns). Run from the repository root: `python -m benchmarks.bench_presenting`.
Prints figures; asserts nothing. Not part of `python -m benchmarks`' default suite.

AppTest reruns of app.py with a storyboard in the link (`?story=`), the date moved one day per rerun as the
map's timeline tells it (benchmarks/bench_server.py), each in a child process so nothing is cached
beforehand: in presentation mode and not, for
* the seven-step sample (`briefings/2025-withdrawals.yaml`: one before-and-after step), and
* twenty before-and-after steps in four regions (the world's among them), each with a highlight, two
  callouts and notes: the storyboard whose steps cost most to work out (their changes, their callouts placed).
The steps are worked out once per storyboard and dataset version (components/storyboard_panel.presented_steps),
so presenting should cost a rerun little more than not presenting. Besides the wall-clock times, the mean
CPU time of the process per rerun, which other processes' load on a shared machine does not inflate.
"""
from __future__ import annotations

from benchmarks import Row, summary
from benchmarks.bench_server import RERUN_WARMUP, apptest_reruns

SECTION = "7. presenting a storyboard"
SAMPLE = "briefings/2025-withdrawals.yaml"
STEPS = 40
STORYBOARDS = {"sample": "the 7-step sample", "heavy": "20 before-and-after steps, 4 regions"}


def heavy_storyboard() -> str:
    """Twenty before-and-after steps over the world, Europe, Africa and Asia–Pacific, as a storyboard file."""
    from datetime import date

    from storyboard.loader import dump_storyboard
    from storyboard.model import Callout, Step, Storyboard

    steps = [Step(title=f"Step {n + 1}", before=date(2024, 1, 1), after=date(2025, 1 + n % 12, 1 + n),
                  region=("world", "europe", "africa", "asia-pacific")[n % 4], highlight=["EST", "FIN", "LTU", "LVA", "POL"],
                  callouts=[Callout(text="Estonia", state="EST"), Callout(text="Poland", state="POL")],
                  notes=f"What to say at step {n + 1}.") for n in range(20)]
    return dump_storyboard(Storyboard(title="Heavy", treaty="apmbc", steps=steps))


def _child_code(steps: int, present: bool, storyboard: str) -> str:
    return (
        "import json; from benchmarks.bench_presenting import _child; "
        f"print('RESULT ' + json.dumps(_child({steps}, {present}, {storyboard!r})))"
    )


def _child(steps: int, present: bool, storyboard: str) -> dict:
    """Runs in a fresh interpreter: app.py with the storyboard in the link, timed reruns one day apart."""
    import time

    from streamlit.testing.v1 import AppTest

    from benchmarks import ROOT
    from benchmarks.bench_server import FIRST_DAY, timed_date_steps
    from storyboard.link import encoded

    text = (ROOT / SAMPLE).read_text(encoding="utf-8") if storyboard == "sample" else heavy_storyboard()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update(date=FIRST_DAY.isoformat(), story=encoded(text))
    if present:
        at.query_params["present"] = "1"
    at.run()
    if at.exception:
        return {"error": [str(e.message) for e in at.exception]}
    if "story" not in at.query_params:
        return {"error": ["the storyboard did not load from the link"]}
    cpu = time.process_time()
    times, wrong, _ = timed_date_steps(at, FIRST_DAY, steps, RERUN_WARMUP, "present" if present else "page")
    cpu_ms = (time.process_time() - cpu) * 1e3 / (steps + RERUN_WARMUP)  # the process's CPU: other processes' load aside
    return {"error": wrong[:3]} if wrong else {"rerun_ms": times, "cpu_ms": cpu_ms}


def run(log=print, quick: bool = False) -> list[Row]:
    steps = 15 if quick else STEPS
    rows = []
    for storyboard, described in STORYBOARDS.items():
        for present, mode in ((True, "presentation mode"), (False, "not presenting")):
            label = f"{described}, {mode}"
            log(f"[presenting] AppTest reruns, {label} (child process)...")
            result = apptest_reruns(code=_child_code(steps, present, storyboard))
            if result.get("error"):
                raise RuntimeError(f"app raised in AppTest: {result['error']}")
            rows.append(Row(SECTION, f"AppTest rerun, date +1 day, {label}", result["rerun_ms"], "ms",
                            note=f"after {RERUN_WARMUP} warm-up reruns; process CPU {result['cpu_ms']:.1f} ms per rerun (mean)"))
            log(f"  {summary(result['rerun_ms'])} ms; process CPU {result['cpu_ms']:.1f} ms per rerun (mean)")
    return rows


def main() -> None:
    from benchmarks.__main__ import run_alone

    run_alone(run, lambda rows: "")


if __name__ == "__main__":
    main()
