"""How much validation costs on top of a bare pandas read, on the real files and on one at the size cap.

Each line prints our time, the baseline's time measured in the same run, and their ratio.
Usage: python benchmarks/bench_loading.py [path to aijobs_salaries CSV]
The size-cap case uses ../shared/datasets/aijobs_salaries_2025-01-19.csv reshaped into salaries.csv's
columns and cut to just under the 5 MB cap; it is skipped if the file is absent.
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.app import data  # noqa: E402
from dashboard.core import validation  # noqa: E402
from dashboard.core.datafile import data_dir  # noqa: E402
from dashboard.salaries import band_figures  # noqa: E402
from dashboard.salaries import files as salary_files  # noqa: E402

DEFAULT_SURVEY = ROOT.parent / "shared" / "datasets" / "aijobs_salaries_2025-01-19.csv"


def best_of(fn: Callable[[], object], repeat: int = 7) -> float:
    """Median wall time of `repeat` calls, after one warm-up call."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(name: str, ours: float, baseline: float, baseline_name: str) -> None:
    ratio = ours / baseline
    print(f"{name:<40} {ours * 1e3:8.2f} ms | {baseline_name:<18} {baseline * 1e3:8.2f} ms | x{ratio:.3g}")


def survey_as_salaries(path: Path) -> str:
    """The survey's rows in salaries.csv's columns: a realistic file at the upload size cap."""
    survey = pd.read_csv(path, dtype=str, keep_default_na=False)
    is_ml = survey["job_title"].str.contains("Machine Learning")
    role = is_ml.map({True: "ML Engineer", False: "AI Engineer"})
    frame = pd.DataFrame(
        {
            "role": role,
            "country_code": survey["company_location"],
            "currency": survey["salary_currency"],
            "salary_min": survey["salary"],
            "salary_max": survey["salary"],
            "year": survey["work_year"],
            "source": "aijobs.net salary survey (CC0), 2025-01-19",
        }
    )
    text = frame.to_csv(index=False)
    # Keep whole rows up to just under the cap: the largest file the app would accept.
    cut = text.rfind("\n", 0, validation.MAX_FILE_BYTES - 1) + 1
    return text[:cut]


def main() -> None:
    real = data_dir() / "salaries.csv"
    bare = lambda: pd.read_csv(real, dtype=str, keep_default_na=False)  # noqa: E731
    parse = best_of(salary_files.parse_salaries)
    report("parse + validate data/salaries.csv", parse, best_of(bare), "bare read_csv")
    report("load_salaries, cached (every rerun)", best_of(data.load_salaries), parse, "parse + validate")
    salaries = salary_files.parse_salaries()
    figure = best_of(lambda: band_figures.salary_bands_figure(salaries))
    report("salary_bands_figure, 5 regions", figure, parse, "parse + validate")

    survey = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SURVEY
    if not survey.is_file():
        print(f"(skipped the size-cap case: {survey} not found)")
        return
    text = survey_as_salaries(survey)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "salaries.csv"
        path.write_text(text, encoding="utf-8")
        rows = text.count("\n") - 1
        size, cap = path.stat().st_size / 1e6, validation.MAX_FILE_BYTES / 1e6
        print(f"size-cap file: {rows:,} rows, {size:.1f} MB (cap {cap:.0f} MB)")

        def ours() -> None:
            frame = validation.read_text_table(path, "bench", list(salary_files.SALARY_SCHEMA.columns))
            validation.validate_columns(frame, salary_files.SALARY_SCHEMA, "bench")

        baseline = lambda: pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)  # noqa: E731
        report("read + validate a file at the cap", best_of(ours, 3), best_of(baseline, 3), "bare read_csv")


if __name__ == "__main__":
    main()
