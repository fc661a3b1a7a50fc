"""The offline HTML map (render/standalone.py) as `python -m export --formats html` writes it: its size against
the budget (a file a briefer can email: at most 1.5 MB), for both treaties, world and Europe, and how long
Debian's Chromium takes to open it from a file (file://) until the date's fills are on the map (wall time, and
its main thread's CPU time).

Run from the repository root: `python -m benchmarks --only offline`, or
`python -m benchmarks.bench_offline [FILE.html ...]` for the load times of files already written (e.g. by an
older commit, to compare: the files are loaded in turn).
"""
from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks import Row, percentile
from export.batch import export_batch, load_export_data
from geo.regions import REGIONS
from harness import launch_chromium
from treaty.datasets import DATA_DIR

OFFLINE_HTML_BUDGET_B = 1_500_000  # benchmarks/README.md: "1.5 MB" read as 1,500,000 B
DAY = date(2025, 12, 27)  # the Baltic withdrawals take effect
TREATIES = ("apmbc", "ccm")
REGION_IDS = ("world", "europe")
LOAD_RUNS, QUICK_LOAD_RUNS = 10, 3
# treaty_map.js sets data-rendered-date on <body> right after restyling every shape: the moment the fills are
# there. performance.now() counts from the navigation's start.
FILLS_SEEN = """new MutationObserver(function (changes, observer) {
  if (!document.body || !document.body.hasAttribute("data-rendered-date")) return;
  window.tmFillsAt = performance.now();
  observer.disconnect();
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-rendered-date"] });"""


def exported_page(treaty: str, region_id: str, folder: Path) -> Path:
    """The offline page of `treaty` opening on DAY in `region_id`'s view, written by the exporter itself."""
    data = load_export_data(DATA_DIR / f"{treaty}.yaml", REGIONS[region_id])
    (path,) = export_batch(data, [DAY], ["html"], folder / f"{treaty}-{region_id}")
    return path


def load_times_ms(browser, path: Path, runs: int) -> tuple[list[float], list[float]]:
    """Navigation start to the fills on the map, and the page's main-thread CPU time by then (Chromium's
    ThreadTime, which other processes on the machine inflate far less), a new browser context (empty cache)
    each time, 1920x1080; one untimed load first."""
    wall, cpu = [], []
    for run in range(runs + 1):
        context = browser.new_context(viewport={"width": 1920, "height": 1080})
        context.add_init_script(FILLS_SEEN)
        page = context.new_page()
        devtools = context.new_cdp_session(page)
        devtools.send("Performance.enable")
        page.goto(path.resolve().as_uri())
        page.wait_for_function("window.tmFillsAt !== undefined", timeout=60_000)
        if run:
            wall.append(page.evaluate("window.tmFillsAt"))
            metrics = {metric["name"]: metric["value"] for metric in devtools.send("Performance.getMetrics")["metrics"]}
            cpu.append(metrics["ThreadTime"] * 1000)
        context.close()
    return wall, cpu


def _summary(times: tuple[list[float], list[float]]) -> str:
    wall, cpu = times
    return (f"median {percentile(wall, 50):.0f} ms, p90 {percentile(wall, 90):.0f} ms; main thread's CPU median "
            f"{percentile(cpu, 50):.0f} ms, p90 {percentile(cpu, 90):.0f} ms ({len(wall)} loads)")


def run(log=print, quick: bool = False) -> list[Row]:
    rows = []
    runs = QUICK_LOAD_RUNS if quick else LOAD_RUNS
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for treaty in TREATIES:
            for region_id in REGION_IDS:
                path = exported_page(treaty, region_id, Path(folder))
                size = path.stat().st_size
                times = load_times_ms(browser, path, runs)
                log(f"  {path.name}: {size:,} B; opened from a file to the fills: {_summary(times)}")
                rows.append(Row("7. offline HTML", f"{treaty}, {region_id}: file size", [size], "B", budget=OFFLINE_HTML_BUDGET_B))
                rows.append(Row("7. offline HTML", f"{treaty}, {region_id}: file:// to the fills, Chromium", times[0], "ms"))
                rows.append(Row("7. offline HTML", f"{treaty}, {region_id}: ... its main thread's CPU time", times[1], "ms"))
        browser.close()
    return rows


def main(argv: list[str]) -> None:
    if not argv:
        run()
        return
    paths = [Path(name) for name in argv]
    times: dict[Path, tuple[list[float], list[float]]] = {path: ([], []) for path in paths}
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for _ in range(LOAD_RUNS):  # the files in turn, so a change in the machine's load falls on all of them
            for path in paths:
                wall, cpu = load_times_ms(browser, path, 1)
                times[path][0].extend(wall)
                times[path][1].extend(cpu)
        browser.close()
    for path in paths:
        print(f"{path}: {path.stat().st_size:,} B; opened from a file to the fills: {_summary(times[path])}")


if __name__ == "__main__":
    main(sys.argv[1:])
