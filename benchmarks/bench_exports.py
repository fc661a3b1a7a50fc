"""Figures for the exports: one PNG, one SVG, a 20-date PNG batch, the offline HTML map, and a PNG in
each region's frame.

Run from the repository root: `python -m benchmarks.bench_exports [--dataset data/apmbc.yaml]`.
Prints wall-clock median and p90 (and CPU median) over repeated runs next to each budget; asserts nothing.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from export.batch import export_batch, load_export_data
from export.formats import ExportData
from geo.regions import REGIONS
from render.snapshot import SnapshotRenderer, render_snapshot
from render.standalone import standalone_html
from treaty.datasets import DATA_DIR, DEFAULT_TREATY
from treaty.status import change_dates

DEFAULT_DATASET = DATA_DIR / f"{DEFAULT_TREATY}.yaml"
DAY = date(2025, 12, 27)
RUNS, BATCH_RUNS, BATCH_DATES = 10, 3, 20
WORLD_PNG_BUDGET_S = 0.4  # issue 17


def timed(action, runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds per run, after one untimed run that warms fonts and caches. CPU time is
    printed too: on a shared 2-core machine it shows the cost when other work inflates wall time."""
    action()
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def report(name: str, times: tuple[list[float], list[float]], budget: float | None = None) -> None:
    wall, cpu = times
    p90 = statistics.quantiles(wall, n=10)[-1]
    limit = f"   budget {budget:.1f} s" if budget else ""
    print(f"{name:<44} median {statistics.median(wall):6.3f} s   p90 {p90:6.3f} s   "
          f"cpu median {statistics.median(cpu):6.3f} s   ({len(wall)} runs){limit}")


def html_page(data: ExportData) -> str:
    inputs = data.inputs
    return standalone_html(inputs.dataset, data.countries, data.microstates, inputs.geometry_metadata, DAY, inputs.timelines)


def region_png_times(dataset: Path, runs: int, regions=tuple(REGIONS.values())) -> dict[str, tuple[list[float], list[float]]]:
    """Wall and CPU seconds of a new 1920x1080 PNG (figure drawn and saved) in each region's frame."""
    times = {}
    for region in regions:
        inputs = load_export_data(dataset, region).inputs
        times[region.id] = timed(lambda: render_snapshot(inputs, DAY), runs)
    return times


def main(argv: list[str] | None = None) -> None:
    """`argv` defaults to none, not sys.argv: `python -m benchmarks` calls this with its own options."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    data = load_export_data(options.parse_args(argv or []).dataset)
    inputs = data.inputs
    renderer = SnapshotRenderer(inputs)
    batch_days = change_dates(inputs.timelines)[-BATCH_DATES:]

    report("PNG 1920x1080, new figure", timed(lambda: render_snapshot(inputs, DAY), RUNS), 0.5)
    report("PNG 1920x1080, figure reused (restyle only)", timed(lambda: renderer.render(DAY), RUNS))
    report("SVG, new figure", timed(lambda: render_snapshot(inputs, DAY, fmt="svg"), RUNS))
    report("SVG, figure reused", timed(lambda: renderer.render(DAY, "svg"), RUNS), 0.2)
    report("PDF, figure reused", timed(lambda: renderer.render(DAY, "pdf"), RUNS))
    with tempfile.TemporaryDirectory() as folder:
        batch = timed(lambda: export_batch(data, batch_days, ["png"], Path(folder)), BATCH_RUNS)
        report(f"PNG batch, {len(batch_days)} dates", batch, 6.0)
        report(f"GIF, {len(batch_days)} frames", timed(lambda: export_batch(data, batch_days, ["gif"], Path(folder)), BATCH_RUNS))
    report("standalone HTML build", timed(lambda: html_page(data), RUNS))
    page = html_page(data).encode("utf-8")
    print(f"{'standalone HTML size':<44} {len(page):,} bytes, {len(change_dates(inputs.timelines))} change dates")
    for region_id, times in region_png_times(options.parse_args(argv or []).dataset, RUNS).items():
        report(f"PNG 1920x1080, new figure, {region_id}", times, WORLD_PNG_BUDGET_S if region_id == "world" else None)
    print(f"{'sizes of one date':<44} PNG {len(renderer.render(DAY)):,} B, SVG {len(renderer.render(DAY, 'svg')):,} B, "
          f"PDF {len(renderer.render(DAY, 'pdf')):,} B")


if __name__ == "__main__":
    main(sys.argv[1:])
