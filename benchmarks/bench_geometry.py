"""Figures for the committed country geometry: size, features, vertices, read time.

Run from the repository root: `python -m benchmarks.bench_geometry`. Prints figures; asserts nothing.
"""

import gzip
import statistics
import time

import shapely

from geo.countries import DEFAULT_PATH, load_countries

RUNS = 20


def read_times_ms(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        load_countries()
        times.append((time.perf_counter() - start) * 1e3)
    return times


def main() -> None:
    raw = DEFAULT_PATH.read_bytes()
    countries = load_countries()  # also warms GDAL up, so the timed runs measure reading alone
    times = read_times_ms(RUNS)
    print(f"file            {DEFAULT_PATH}")
    print(f"bytes           {len(raw):,}")
    print(f"gzip -9 bytes   {len(gzip.compress(raw, compresslevel=9)):,}")
    print(f"features        {len(countries)}")
    print(f"vertices        {int(shapely.get_num_coordinates(countries.geometry.to_numpy()).sum()):,}")
    print(f"load_countries  median {statistics.median(times):.1f} ms, "
          f"p90 {statistics.quantiles(times, n=10)[-1]:.1f} ms over {RUNS} runs")


if __name__ == "__main__":
    main()
