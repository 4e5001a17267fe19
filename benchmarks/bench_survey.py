"""Survey import at 10k, 100k and 1M rows: time and peak memory against a bare pandas read of the same file.

Usage: python benchmarks/bench_survey.py [--engines] [--repeat N] [--sizes 10000,100000,1000000]

For each size it writes a generated survey (benchmarks/survey_synth.py) to a temp dir and runs
every case in a fresh subprocess, interleaved, N times (median reported):
- bare:   pandas.read_csv(path, engine="pyarrow"), the baseline the issue names;
- ours:   dashboard.reader.read_survey + filter_rows + aggregate (load, validate, aggregate);
- duckdb, polars (with --engines): the same work in those engines, to show why ours was chosen.
Peak memory is the kernel's peak resident set (VmHWM, reset through /proc/self/clear_refs
after the imports and a warm-up on a 10-row file) minus the resident set at that moment: the
memory the file costs, not the interpreter. Resident set, not tracemalloc, because Arrow, DuckDB
and Polars allocate natively where tracemalloc sees nothing. It is printed as a multiple of the
file's size. payload is the aggregate as JSON, what the browser gets. rerun is filter + aggregate
on the loaded survey (a filter change); dups is the exact duplicate count, worked out on first
use (included in the DuckDB and Polars times, not in ours: add it to compare); pickle is a round
trip of the loaded Survey (what st.cache_data pays on every hit, st.cache_resource does not).
Not a test; CI does not run it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

QUANTILES = [0.1, 0.25, 0.5, 0.75, 0.9]
TINY = "\n".join(
    ["work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,"
     "employee_residence,remote_ratio,company_location,company_size"]
    + ["2024,SE,FT,AI Engineer,150000,USD,150000,US,0,US,M"] * 10
)  # fmt: skip


def _status(field: str) -> int:
    """A VmRSS/VmHWM figure of this process from /proc, in bytes."""
    for text in Path("/proc/self/status").read_text().splitlines():
        if text.startswith(field + ":"):
            return int(text.split()[1]) * 1024
    raise LookupError(field)


def _reset_peak() -> int:
    """Reset the kernel's peak-RSS mark (VmHWM) to the current RSS and return that RSS, so the peak
    read after the work is the work's own, not one left by imports or the warm-up."""
    Path("/proc/self/clear_refs").write_text("5")
    return _status("VmRSS")


def run_case(case: str, path: str, tiny: str) -> dict:
    """One measurement in this (fresh) process; prints JSON for the parent."""
    if case == "bare":
        import pandas as pd

        work = lambda p: len(pd.read_csv(p, engine="pyarrow"))  # noqa: E731
    elif case == "ours":
        from dashboard.survey import aggregate, reader, schema

        title_map = schema.parse_title_map()

        def work(p):
            loaded = reader.read_survey(p, title_map)
            table = aggregate.aggregate(
                aggregate.filter_rows(loaded, schema.SurveyFilter()), "company_location", {}
            )
            return loaded, table
    elif case == "duckdb":
        work = _duckdb_work()
    elif case == "polars":
        work = _polars_work()
    else:
        raise SystemExit(f"unknown case {case}")
    work(tiny)  # warm-up: lazily loaded library code is not the file's cost
    base = _reset_peak()
    start = time.perf_counter()
    result = work(path)
    seconds = time.perf_counter() - start
    out = {"seconds": seconds, "peak_delta": _status("VmHWM") - base, "peak_abs": _status("VmHWM")}
    if case == "ours":
        import pickle

        from dashboard.survey import aggregate, reader, schema

        loaded, table = result
        out["payload"] = aggregate.aggregate_payload_bytes(table)
        start = time.perf_counter()
        out["duplicates"] = loaded.duplicates
        out["dups"] = time.perf_counter() - start
        start = time.perf_counter()
        chosen = schema.SurveyFilter(experience_levels=("SE", "MI"), drop_duplicates=True)
        aggregate.aggregate(aggregate.filter_rows(loaded, chosen), "employee_residence", {"GBP": 0.78})
        out["rerun"] = time.perf_counter() - start
        start = time.perf_counter()
        pickle.loads(pickle.dumps(loaded))
        out["pickle"] = time.perf_counter() - start
    return out


def _reference_sets():
    import pycountry

    from dashboard.survey import schema

    mapping = dict(zip(*(schema.parse_title_map()[c] for c in ("job_title", "role")), strict=True))
    return (
        sorted(c.alpha_3 for c in pycountry.currencies),
        sorted(c.alpha_2 for c in pycountry.countries),
        mapping,
    )


def _duckdb_work():
    """DuckDB: text read, TRY_CAST for numbers, duplicate count and quantile_cont in SQL."""
    import duckdb

    currencies, countries, mapping = _reference_sets()

    def work(p):
        con = duckdb.connect(config={"threads": 2})
        con.execute("create table s as select * from read_csv(?, header=true, all_varchar=true)", [p])
        con.execute("create table tm(title varchar, role varchar)")
        con.executemany("insert into tm values (?, ?)", list(mapping.items()))
        dups = con.execute(
            "select count(*) - (select count(*) from (select distinct * from s)) from s"
        ).fetchone()
        table = con.execute(
            """select company_location, tm.role, count(*) n,
                 quantile_cont(try_cast(salary_in_usd as double), [0.1, 0.25, 0.5, 0.75, 0.9]) q
               from s join tm on s.job_title = tm.title
               where try_cast(salary as double) >= 0 and try_cast(salary_in_usd as double) >= 0
                 and list_contains(?, salary_currency) and list_contains(?, company_location)
                 and list_contains(?, employee_residence)
               group by all""",
            [currencies, countries, countries],
        ).df()
        return dups, table

    return work


def _polars_work():
    """Polars: text read, non-strict casts, is_in checks, struct is_duplicated, group_by quantile."""
    import polars as pl

    currencies, countries, mapping = _reference_sets()

    def work(p):
        df = pl.read_csv(p, infer_schema=False)
        df = df.with_columns(
            pl.col("salary").cast(pl.Float64, strict=False).alias("sal"),
            pl.col("salary_in_usd").cast(pl.Float64, strict=False).alias("usd"),
        )
        bad = (
            pl.col("sal").is_null() | pl.col("usd").is_null() | (pl.col("sal") < 0) | (pl.col("usd") < 0)
            | ~pl.col("salary_currency").is_in(pl.lit(pl.Series(currencies)).implode())
            | ~pl.col("company_location").is_in(pl.lit(pl.Series(countries)).implode())
            | ~pl.col("employee_residence").is_in(pl.lit(pl.Series(countries)).implode())
        )  # fmt: skip
        df = df.with_columns(bad=bad, role=pl.col("job_title").replace_strict(mapping, default=None))
        dups = df.select(
            pl.struct(pl.all().exclude("sal", "usd", "bad", "role")).is_duplicated().sum()
        ).item()
        table = (
            df.filter(~pl.col("bad") & pl.col("role").is_not_null())
            .group_by("company_location", "role")
            .agg(
                pl.len().alias("n"),
                *[pl.col("usd").quantile(q, interpolation="linear").alias(f"p{q}") for q in QUANTILES],
            )
        )
        return dups, table

    return work


def measure(case: str, path: Path, tiny: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "--case", case, str(path), str(tiny)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode:
        raise SystemExit(f"{case} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _median_ms(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs) * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", action="store_true", help="also measure DuckDB and Polars")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case, *args.paths)))
        return

    import survey_synth

    cases = ["bare", "ours"]
    if args.engines:
        for engine in ("duckdb", "polars"):
            if importlib.util.find_spec(engine) is None:
                print(f"({engine} is not installed; pip install it to compare)")
            else:
                cases.append(engine)
    header = (
        f"{'rows':>9} {'file MB':>8} {'case':>7} {'time s':>7} {'× bare':>7} {'peak MB':>8} {'× file':>7} "
        f"{'payload B':>10} {'rerun ms':>9} {'dups ms':>8} {'pickle ms':>10}"
    )
    print(header)
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "tiny.csv"
        tiny.write_text(TINY + "\n", encoding="utf-8")
        for rows in (int(s) for s in args.sizes.split(",")):
            path = survey_synth.write(Path(tmp) / f"survey_{rows}.csv", rows)
            size = path.stat().st_size
            runs: dict[str, list[dict]] = {c: [] for c in cases}
            for _ in range(args.repeat):
                for case in cases:  # interleaved, so a busy moment on the machine hits every case
                    runs[case].append(measure(case, path, tiny))
            bare = statistics.median(r["seconds"] for r in runs["bare"])
            for case in cases:
                seconds = statistics.median(r["seconds"] for r in runs[case])
                peak = statistics.median(r["peak_delta"] for r in runs[case])
                last = runs[case][-1]
                extra = (
                    f"{last['payload']:>10,} {_median_ms(runs[case], 'rerun'):>9.0f} "
                    f"{_median_ms(runs[case], 'dups'):>8.0f} {_median_ms(runs[case], 'pickle'):>10.0f}"
                    if case == "ours"
                    else ""
                )
                print(
                    f"{rows:>9,} {size / 1e6:>8.1f} {case:>7} {seconds:>7.3f} {seconds / bare:>7.2f} "
                    f"{peak / 1e6:>8.0f} {peak / size:>7.2f} {extra}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
