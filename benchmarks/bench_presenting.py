"""Presenting a storyboard: the script rerun when the presenter steps (each step moves the date, the browser
tells the server, the page reruns). Run from the repository root: `python -m benchmarks.bench_presenting`.
Prints figures; asserts nothing.

* AppTest reruns of app.py in presentation mode with the seven-step sample (`briefings/2025-withdrawals.yaml`)
  in the link, the date moved one day per rerun as the map's timeline tells it (benchmarks/bench_server.py),
  in a child process so nothing is cached beforehand. The storyboard's steps (their changes, their callouts
  placed) are worked out once per storyboard and dataset version (components/storyboard_panel.presented_steps).
* The same reruns without presentation mode: the storyboard's share of a rerun is the difference.
"""
from __future__ import annotations

from benchmarks import Row, summary
from benchmarks.bench_server import RERUN_WARMUP, apptest_reruns

SECTION = "7. presenting a storyboard"
SAMPLE = "briefings/2025-withdrawals.yaml"
STEPS = 40


def _child_code(steps: int, present: bool) -> str:
    return (
        "import json; from pathlib import Path; from benchmarks.bench_presenting import _child; "
        f"print('RESULT ' + json.dumps(_child({steps}, {present})))"
    )


def _child(steps: int, present: bool) -> dict:
    """Runs in a fresh interpreter: app.py with the sample storyboard in the link, timed reruns one day apart."""
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    from benchmarks import ROOT
    from benchmarks.bench_server import FIRST_DAY, timed_date_steps
    from storyboard.link import encoded

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update(date=FIRST_DAY.isoformat(), story=encoded((ROOT / SAMPLE).read_text(encoding="utf-8")))
    if present:
        at.query_params["present"] = "1"
    at.run()
    if at.exception:
        return {"error": [str(e.message) for e in at.exception]}
    times, wrong, _ = timed_date_steps(at, FIRST_DAY, steps, RERUN_WARMUP, "present" if present else "page")
    return {"error": wrong[:3]} if wrong else {"rerun_ms": times}


def run(log=print, quick: bool = False) -> list[Row]:
    steps = 15 if quick else STEPS
    rows = []
    for present, label in ((True, "presentation mode, 7-step storyboard"), (False, "the same link, not presenting")):
        log(f"[presenting] AppTest reruns, {label} (child process)...")
        result = apptest_reruns(code=_child_code(steps, present))
        if result.get("error"):
            raise RuntimeError(f"app raised in AppTest: {result['error']}")
        rows.append(Row(SECTION, f"AppTest rerun (whole app.py), map timeline +1 day, {label}", result["rerun_ms"], "ms",
                        note=f"after {RERUN_WARMUP} warm-up reruns"))
        log(f"  {summary(result['rerun_ms'])} ms")
    return rows


def main() -> None:
    from benchmarks.__main__ import run_alone

    run_alone(run, lambda rows: "")


if __name__ == "__main__":
    main()
