"""`python -m benchmarks`: run the whole suite and print one table of medians and p90s.

Options: --quick (fewer samples, for a smoke run), --only NAME[,NAME] (geometry, slider, server,
scale, exports, offline), --json PATH (write every figure with its raw samples), --max-wait S, --no-wait.
Before it starts, and before each section, the suite waits (bounded) until processes outside it use
under 10 % of the CPUs; it reports how much CPU other processes used during each section.
Figures, not asserts: the exit status is 0 whether or not a budget is met.
"""
from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import json
import math
import os
import sys
import time

from benchmarks import OtherLoad, Row, machine, wait_for_quiet

SUITE = ("geometry", "slider", "server", "scale", "exports", "offline")


def _fmt(value: float, unit: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if unit == "B":
        return f"{value:,.0f}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def print_table(rows: list[Row], info: dict | None = None, out=None) -> None:
    out = out or sys.stdout
    info = info or machine()
    print(f"\nMachine: {info['nproc']} CPU ({info['cpu']}), {info['ram_gib']} GiB RAM, Python {info['python']}; "
          f"date {info['date']}; load at start {', '.join(f'{x:.2f}' for x in info['load'])}", file=out)
    header = f"{'section':28s} | {'figure':66s} | {'N':>4s} | {'median':>9s} | {'p90':>9s} | {'unit':4s} | {'budget':>10s} | met?"
    print(header, file=out)
    print("-" * len(header), file=out)
    for row in rows:
        budget = "-" if row.budget is None else f"{row.compare} <= {_fmt(row.budget, row.unit)}"
        met = {None: "", True: "yes", False: "NO"}[row.met]
        median = row.median if row.values else None
        p90 = row.p90 if row.n > 1 else None
        print(f"{row.section[:28]:28s} | {row.name[:66]:66s} | {row.n:4d} | {_fmt(median, row.unit):>9s} | "
              f"{_fmt(p90, row.unit):>9s} | {row.unit:4s} | {budget:>10s} | {met}", file=out)
    notes = [row for row in rows if row.note]
    if notes:
        print("\nNotes:", file=out)
        for row in notes:
            print(f"  - {row.name.strip()}: {row.note}", file=out)


def run_alone(run, report_details) -> None:
    """One benchmark module on its own: its rows as the table, then its breakdowns."""
    rows = run()
    print_table(rows)
    print(report_details(rows))


def _geometry(log, quick: bool) -> list[Row]:
    """bench_geometry prints its own figures; run it and turn its read time into a row."""
    from benchmarks import bench_geometry

    runs = 5 if quick else bench_geometry.RUNS
    bench_geometry.load_countries()  # warm GDAL, as bench_geometry.main does
    times = bench_geometry.read_times_ms(runs)
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        bench_geometry.main()
    log("  " + buffer.getvalue().strip().replace("\n", "\n  "))
    return [Row("0. geometry", "load_countries (data/world.geojson through GDAL)", times, "ms", budget=80,
                note="bench_geometry: " + "; ".join(line.strip() for line in buffer.getvalue().splitlines()[:5]))]


def _exports(log, quick: bool) -> list[Row]:
    """bench_exports prints its own figures, logged as they are; the world PNG's time is a table row."""
    from benchmarks import bench_exports
    from geo.regions import REGIONS

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        bench_exports.main()
    log("  " + buffer.getvalue().strip().replace("\n", "\n  "))
    runs = 3 if quick else bench_exports.RUNS
    wall, _ = bench_exports.region_png_times(bench_exports.DEFAULT_DATASET, runs, [REGIONS["world"]])["world"]
    return [Row("6. exports", "world PNG 1920x1080 in Equal Earth, new figure", wall, "s",
                budget=bench_exports.WORLD_PNG_BUDGET_S)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer samples (smoke run)")
    parser.add_argument("--only", default=",".join(SUITE), help="comma-separated subset of " + ", ".join(SUITE))
    parser.add_argument("--json", help="write all figures with their samples to this file")
    parser.add_argument("--no-wait", action="store_true", help="do not wait for a quiet machine")
    parser.add_argument("--max-wait", type=float, default=300, help="seconds to wait for a quiet machine before starting (default 300)")
    args = parser.parse_args(argv)
    os.chdir(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    log = lambda text: print(text, flush=True)  # noqa: E731

    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    info = machine()
    log(f"Treaty Map benchmarks: {info['nproc']} CPU ({info['cpu']}), {info['ram_gib']} GiB RAM; {info['date']}")
    load_before = wait_for_quiet(log=log, max_wait_s=args.max_wait) if not args.no_wait else os.getloadavg()
    info["load"] = load_before
    rows: list[Row] = []
    details: list[str] = []
    started = time.monotonic()
    others: dict[str, float] = {}
    for name in chosen:
        log(f"[{name}]")
        if name != "slider" and name != "geometry" and not args.no_wait:
            wait_for_quiet(log=log, max_wait_s=120)
        section_others = OtherLoad()
        if name == "geometry":
            rows += _geometry(log, args.quick)
        elif name == "exports":
            rows += _exports(log, args.quick)
        elif name in ("slider", "server", "scale", "offline"):
            module = importlib.import_module(f"benchmarks.bench_{name}")
            produced = module.run(log=log, quick=args.quick)
            rows += produced
            if hasattr(module, "report_details"):
                details.append(module.report_details(produced))
        else:
            parser.error(f"unknown benchmark {name!r}")
        others[name] = section_others.share()
        log(f"  (other people's processes used {others[name]:.0%} of the CPUs during [{name}])")
    info["load_end"] = os.getloadavg()
    print_table(rows, info)
    info["other_processes_cpu_share"] = others
    print(f"\nLoad average at the end: {', '.join(f'{x:.2f}' for x in info['load_end'])}; suite took {time.monotonic() - started:.0f} s")
    print("CPU share used by processes outside the suite, per section (noise indicator): "
          + ", ".join(f"{name} {share:.0%}" for name, share in others.items()))
    for text in details:
        print("\n" + text)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as file:
            json.dump({"machine": info, "rows": [row.as_dict() for row in rows], "details": details}, file, indent=1, default=str)
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
