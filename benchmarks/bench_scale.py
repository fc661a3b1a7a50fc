"""Scale: a synthetic 250 states x 10 treaties x 30 events each, and how the cost grows with the data.

Run from the repository root: `python -m benchmarks.bench_scale`. Prints figures; asserts nothing.

* The data are generated in memory with the treaty.model classes: every ISO 3166-1 alpha-3 code the
  loader accepts (249 from pycountry, plus XKX: exactly 250 states), 30 events per state (three
  join / domestic steps / withdraw cycles), entry-into-force and withdrawal dates computed by the
  treaty's rules, one source per state. Every dataset passes treaty.validation.check_dataset with
  no finding, so it is data the app would accept. Treaty k shifts every date by 3k days.
* statuses_on (budget <= 5 ms): the status of all 250 states on a random date, after compiling once
  (`timelines`). Also timed: compiling, and the other per-rerun queries app.py makes on the same data
  (change_dates, describe_day, the map's colours and countdown: fill_digits, countdown).
* One app rerun (budget <= 30 ms): AppTest of the real app.py in a child process, each rerun moving
  the date one day as the map's timeline does (the map component's value {nonce, date}; checked: the
  map's arguments carry the date and acknowledge the nonce), with
  TREATY_MAP_DATA_DIR pointing at the 10 datasets written as YAML, and a synthetic geometry of 250
  small squares (the committed geometry only has Europe's 68 shapes, and the app refuses a dataset
  state without a shape). The child redirects load_geometry to that file and the component's build
  folder to a temporary one, so the shared build/ folder is not touched. No app code is changed.
* Growth: statuses_on and timelines against the number of states (at 30 events) and the number of
  events per state (at 250 states); beyond 250 states the codes are made up (the model only checks
  the pattern; validation would refuse them), which does not change the cost.
"""
from __future__ import annotations

import json
import os
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from benchmarks import ROOT, Row, percentile, summary

SECTION = "5. scale (250 states x 10 treaties x 30 events)"
STATES = 250
TREATIES = 10
EVENTS_PER_STATE = 30
QUERY_RUNS = 300
RERUN_STEPS = 30
RERUN_WARMUP = 3

_CYCLE = ("signature", "ratification", "entry_into_force", "announcement", "government_decision", "bill_submitted",
          "parliament_vote", "head_of_state_signature", "withdrawal_deposited", "withdrawal_effective")


def _codes(count: int) -> list[str]:
    import pycountry

    real = sorted({country.alpha_3 for country in pycountry.countries} | {"XKX"})
    codes = real[:count]
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    made_up = (a + b + c for a in letters for b in letters for c in letters)
    taken = set(codes)
    while len(codes) < count:
        code = next(made_up)
        if code not in taken:
            codes.append(code)
            taken.add(code)
    return codes


def _treaty_block(index: int) -> dict:
    return {
        "id": f"synthetic-{index:02d}",
        "name": f"Synthetic Convention number {index}",
        "short_name": f"Synthetic {index}",
        "adopted": "1997-09-18",
        "opened_for_signature": "1997-12-03",
        "entry_into_force": "1999-03-01",
        "depositary": "Secretary-General of the United Nations",
        "sources": ["depositary"],
        "rules": {
            "entry_into_force": {"article": "17", "general_date": "1999-03-01", "threshold_deposit_date": "1998-09-16",
                                 "months_after_deposit": 6},
            "withdrawal": {"article": "20", "notice_months": 6, "armed_conflict_proviso": True},
        },
    }


def synthetic_raw(states: int = STATES, events: int = EVENTS_PER_STATE, treaty_index: int = 0, seed: int = 7) -> dict:
    """One treaty dataset as the plain mapping a YAML file holds (dates as YYYY-MM-DD text)."""
    from treaty.dates import add_months, first_day_of_month_after

    rng = random.Random(seed + treaty_index)
    as_of = date(2026, 11, 22)
    out_states, sources = [], {"depositary": {"kind": "depositary", "publisher": "UN", "title": "Depositary notifications",
                                              "url": "https://treaties.un.org/", "accessed": "2026-11-01"}}
    span_days = max(1, (as_of - date(1998, 1, 1)).days)
    for number, code in enumerate(_codes(states)):
        source = f"src-{code.lower()}"
        sources[source] = {"kind": "official", "publisher": "Synthetic", "title": f"Record of {code}",
                           "url": f"https://example.org/{code.lower()}", "accessed": "2026-11-01"}
        # Spread the states' histories over the treaty's life; the cycle must fit before as_of.
        cycles = max(1, -(-events // len(_CYCLE)))
        budget = span_days - 200 - cycles * 1000
        day = date(1998, 1, 1) + timedelta(days=(number * 37 + treaty_index * 3) % max(1, budget))
        history = []
        while len(history) < events:
            for kind in _CYCLE:
                if len(history) == events:
                    break
                if kind == "entry_into_force":
                    day = first_day_of_month_after(consent, 6) if consent > date(1998, 9, 16) else date(1999, 3, 1)
                elif kind == "withdrawal_effective":
                    day = add_months(deposit, 6)
                else:
                    day = day + timedelta(days=rng.randint(20, 90))
                if kind == "ratification":
                    consent = day
                if kind == "withdrawal_deposited":
                    deposit = day
                history.append({"type": kind, "date": day.isoformat(), "confirmed": True, "sources": [source]})
        out_states.append({"iso3": code, "name": f"State {code}", "events": history})
    return {"as_of": as_of.isoformat(), "treaty": _treaty_block(treaty_index), "states": out_states, "sources": sources}


def synthetic_dataset(states: int = STATES, events: int = EVENTS_PER_STATE, treaty_index: int = 0, check: bool = True):
    """The same data as treaty.model objects (pydantic), validated by check_dataset when `check`."""
    from treaty.loader import KNOWN_CODES
    from treaty.model import Dataset
    from treaty.validation import check_dataset

    dataset = Dataset.model_validate(synthetic_raw(states, events, treaty_index))
    if check:
        findings = list(check_dataset(dataset, KNOWN_CODES if states <= 250 else KNOWN_CODES | {s.iso3 for s in dataset.states}))
        if findings:
            raise ValueError(f"synthetic data is not valid: {findings[:3]}")
    return dataset


def _time(function, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1e3)
    return times


def query_figures(log=print, quick: bool = False) -> tuple[list[Row], dict]:
    from render.payload import countdown, fill_digits
    from treaty.narrative import describe_day
    from treaty.status import change_dates, statuses_on, compile_timelines

    t0 = time.perf_counter()
    datasets = [synthetic_dataset(treaty_index=k) for k in range(TREATIES)]
    build_ms = (time.perf_counter() - t0) * 1e3
    events = sum(len(s.events) for d in datasets for s in d.states)
    log(f"  generated and validated {TREATIES} datasets, {events:,} events, in {build_ms:.0f} ms")
    compile_ms = []
    compiled_all = []
    for dataset in datasets:
        start = time.perf_counter()
        compiled_all.append(compile_timelines(dataset))
        compile_ms.append((time.perf_counter() - start) * 1e3)
    rng = random.Random(1)
    days = [date(1997, 9, 18) + timedelta(days=rng.randrange(0, 30 * 365)) for _ in range(QUERY_RUNS)]
    runs = 60 if quick else QUERY_RUNS
    status_ms, change_ms, describe_ms, payload_ms = [], [], [], []
    codes = [s.iso3 for s in datasets[0].states]

    def map_args(statuses) -> dict:  # the date-dependent part of the map's arguments (components/map_panel.py)
        return {"fills": fill_digits(statuses, codes), **countdown(statuses)}

    for index in range(runs):
        compiled = compiled_all[index % TREATIES]
        day = days[index]
        start = time.perf_counter()
        statuses = statuses_on(compiled, day)
        status_ms.append((time.perf_counter() - start) * 1e3)
        change_ms += _time(lambda: change_dates(compiled), 1)
        describe_ms += _time(lambda: describe_day(compiled, day), 1)
        payload_ms += _time(lambda: map_args(statuses), 1)
    transitions = sum(len(t.transitions) for t in compiled_all[0])
    rows = [
        Row(SECTION, "statuses_on, all 250 states, one date (compiled once)", status_ms, "ms", budget=5,
            note=f"{transitions:,} transitions per treaty after compiling; {runs} random dates over the 10 treaties"),
        Row(SECTION, "  compile_timelines(): compile one treaty (250 states x 30 events)", compile_ms, "ms",
            note="once per dataset version (cached by the app with st.cache_resource)"),
        Row(SECTION, "  change_dates(): every rerun in app.py", change_ms, "ms"),
        Row(SECTION, "  describe_day(): every rerun in app.py", describe_ms, "ms"),
        Row(SECTION, "  fill_digits() + countdown(): every rerun (map args)", payload_ms, "ms"),
    ]
    payload = map_args(statuses_on(compiled_all[0], date(2020, 1, 1)))
    extra = {"payload_bytes": len(json.dumps(payload, separators=(",", ":"))), "events": events, "generate_ms": build_ms}
    rows[0].extra = extra
    return rows, extra


def growth_figures(log=print, quick: bool = False) -> dict:
    """statuses_on and timelines vs states (30 events) and vs events per state (250 states)."""
    from treaty.status import statuses_on, compile_timelines

    rng = random.Random(2)
    days = [date(1997, 9, 18) + timedelta(days=rng.randrange(0, 30 * 365)) for _ in range(100)]
    runs = 30 if quick else 100

    def measure(states: int, events: int) -> dict:
        dataset = synthetic_dataset(states=states, events=events, check=False)
        compile_ms = _time(lambda: compile_timelines(dataset), 3)
        compiled = compile_timelines(dataset)
        query = [t for day in days[:runs] for t in _time(lambda: statuses_on(compiled, day), 1)]
        return {"states": states, "events": events, "transitions": sum(len(t.transitions) for t in compiled),
                "compile_ms": statistics.median(compile_ms), "statuses_on_ms": statistics.median(query),
                "statuses_on_p90": percentile(query, 90)}

    table = {
        "by_states": [measure(states, EVENTS_PER_STATE) for states in (50, 125, 250, 500, 1000)],
        "by_events": [measure(STATES, events) for events in (3, 10, 30, 90, 300)],
    }
    for key in ("by_states", "by_events"):
        for line in table[key]:
            log(f"  {line['states']:5d} states x {line['events']:3d} events: compile {line['compile_ms']:7.1f} ms, "
                f"statuses_on median {line['statuses_on_ms']:.3f} ms (p90 {line['statuses_on_p90']:.3f})")
    return table


# ---------------------------------------------------------------------------------------------
# The app at scale (AppTest, child process)
def write_fixture(folder: Path, treaties: int = TREATIES) -> dict:
    """10 YAML dataset files and a 250-square geometry in `folder`; returns the paths."""
    import yaml

    data_dir = folder / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    sizes = []
    for k in range(treaties):
        text = yaml.safe_dump(synthetic_raw(treaty_index=k), sort_keys=False, allow_unicode=True, width=120)
        path = data_dir / f"synthetic{k:02d}.yaml"
        path.write_text(text, encoding="utf-8")
        sizes.append(len(text.encode()))
    features = []
    for number, code in enumerate(_codes(STATES)):
        # A grid of 0.9 x 0.9 degree squares over Europe's box: 25 columns x 10 rows.
        lon, lat = -24 + (number % 25) * 3.4, 36 + (number // 25) * 3.4
        ring = [[lon, lat], [lon + 0.9, lat], [lon + 0.9, lat + 0.9], [lon, lat + 0.9], [lon, lat]]
        features.append({"type": "Feature", "properties": {"iso3": code, "name": f"State {code}"},
                         "geometry": {"type": "Polygon", "coordinates": [ring]}})
    metadata = {"attribution": "Synthetic squares for benchmarks", "point_of_view": "none", "source": "synthetic"}
    geometry = folder / "geometry.geojson"
    geometry.write_text(json.dumps({"type": "FeatureCollection", "metadata": metadata, "features": features}), encoding="utf-8")
    return {"data_dir": str(data_dir), "geometry": str(geometry), "build_dir": str(folder / "build"), "yaml_bytes": sizes}


def _scale_child(geometry: str, build_dir: str, steps: int, warmup: int, profile: bool) -> dict:
    """In a fresh interpreter: point the app at the synthetic geometry, then time AppTest reruns."""
    import components.data as data_module
    import components.map_panel as map_panel_module
    import components.map_view as map_view_module

    from benchmarks.bench_server import _profile_script_thread, first_app_run, map_arguments, timed_date_steps

    Path(build_dir).mkdir(parents=True, exist_ok=True)
    map_view_module.BUILD_DIR = Path(build_dir)  # prepare_frontend/publish write here, not in build/
    original = data_module.load_geometry

    def synthetic_geometry(path: str = geometry):
        return original(path)

    import sys

    for name, module in list(sys.modules.items()):  # every page piece that imported load_geometry by name
        if name.startswith("components") and getattr(module, "load_geometry", None) is original:
            module.load_geometry = synthetic_geometry
    data_module.load_geometry = synthetic_geometry
    map_panel_module.load_geometry = synthetic_geometry

    first_day = date(2015, 6, 1)
    at, first_ms, exceptions = first_app_run(first_day, 600)
    if exceptions:
        return {"error": exceptions}
    problems = [e.value for e in at.error] if at.error else []
    times, wrong, day = timed_date_steps(at, first_day, steps, warmup, "scale")
    if wrong:
        return {"error": wrong[:3]}
    args = map_arguments(at)
    result = {"first_run_ms": first_ms, "rerun_ms": times, "date": args.get("date"),
              "treaties": len(list(Path(os.environ["TREATY_MAP_DATA_DIR"]).glob("*.yaml"))), "errors": problems,
              "map_args_bytes": len(json.dumps(args)), "map_shapes": len(args.get("fills", ""))}
    if profile:
        result["profile"] = _profile_script_thread(at, day, 10, pattern=".")
    return result


def app_figures(log=print, quick: bool = False) -> tuple[list[Row], dict]:
    from benchmarks.bench_server import apptest_reruns

    with tempfile.TemporaryDirectory(prefix="treaty-scale-") as folder:
        fixture = write_fixture(Path(folder))
        log(f"  wrote {TREATIES} YAML files ({sum(fixture['yaml_bytes']) / 1e6:.1f} MB) and a {STATES}-shape geometry")
        steps = 10 if quick else RERUN_STEPS
        code = (
            "import json; from benchmarks.bench_scale import _scale_child; "
            f"print('RESULT ' + json.dumps(_scale_child({fixture['geometry']!r}, {fixture['build_dir']!r}, {steps}, {RERUN_WARMUP}, True)))"
        )
        result = apptest_reruns(env={"TREATY_MAP_DATA_DIR": fixture["data_dir"]}, code=code)
    if "error" in result:
        raise RuntimeError(f"app raised at scale: {result['error']}")
    log(f"  app at scale: first run {result['first_run_ms']:.0f} ms, rerun {summary(result['rerun_ms'])} ms")
    rows = [
        Row(SECTION, "app rerun (AppTest, whole app.py), map timeline +1 day, 10 treaties", result["rerun_ms"], "ms", budget=30,
            note=f"{result['treaties']} treaty files; map args {result.get('map_args_bytes')} B for {result.get('map_shapes')} shapes; "
                 f"{len(result['errors'])} st.error shown", extra={"profile": result.get("profile", "")}),
        Row(SECTION, "  app first run at scale (load + validate 10 YAML files, imports)", [result["first_run_ms"]], "ms",
            note=f"{sum(fixture['yaml_bytes']) / 1e6:.1f} MB of YAML"),
    ]
    return rows, result


def run(log=print, quick: bool = False) -> list[Row]:
    log("[scale] queries on the synthetic data...")
    rows, extra = query_figures(log, quick)
    log("[scale] growth with states and events...")
    growth = growth_figures(log, quick)
    rows[0].extra["growth"] = growth
    log("[scale] the app at scale (AppTest child process)...")
    app_rows, _ = app_figures(log, quick)
    return rows + app_rows


def report_details(rows: list[Row]) -> str:
    lines = []
    growth = rows[0].extra.get("growth")
    if growth:
        lines.append("Scale: cost vs data (median ms; compile = compile_timelines(), once per dataset version)")
        lines.append(f"  {'states':>6s} {'events/state':>12s} {'transitions':>11s} {'compile':>9s} {'statuses_on':>11s} {'p90':>7s}")
        for key in ("by_states", "by_events"):
            for line in growth[key]:
                lines.append(f"  {line['states']:6d} {line['events']:12d} {line['transitions']:11d} {line['compile_ms']:9.2f} "
                             f"{line['statuses_on_ms']:11.3f} {line['statuses_on_p90']:7.3f}")
    for row in rows:
        if row.extra.get("profile"):
            lines.append(f"cProfile of 10 reruns at scale ({row.name}):\n{row.extra['profile']}")
    return "\n".join(lines)


def main() -> None:
    from benchmarks.__main__ import run_alone

    run_alone(run, report_details)


if __name__ == "__main__":
    main()
