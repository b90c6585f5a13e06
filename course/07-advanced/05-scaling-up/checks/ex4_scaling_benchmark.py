"""Check of exercise 4: timings of functions whose cost the check controls, and the
scaling table on seeded random durations with an outlier."""

from __future__ import annotations

import statistics
from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    get_function,
    random_cases,
)


class FakeClock:
    """A run whose first calls are slow (warm-up) and later calls take 1 ms."""

    def __init__(self, slow_calls: int) -> None:
        self.calls = 0
        self.slow_calls = slow_calls

    def __call__(self) -> None:
        import time

        self.calls += 1
        pause = 0.25 if self.calls <= self.slow_calls else 0.001
        until = time.perf_counter() + pause
        while time.perf_counter() < until:
            pass


def check(module: ModuleType) -> None:
    time_runs = get_function(module, "time_runs")
    scaling_table = get_function(module, "scaling_table")
    run = FakeClock(slow_calls=2)
    durations = list(time_runs(run, 5, 2))
    expect_equal(run.calls, 7, "calls of run() by time_runs(run, repeats=5, warmup=2)")
    expect_equal(len(durations), 5, "durations returned by time_runs(run, 5, 2)")
    if max(durations) > 0.15:  # far below a slow call, far above a fast one on a busy machine
        raise CheckFailed(
            f"durations {np.round(durations, 4).tolist()} include a slow warm-up call: "
            "time only the runs after the warm-up"
        )
    if min(durations) < 0.0009:
        raise CheckFailed(
            f"durations {np.round(durations, 4).tolist()} are shorter than the runs: "
            "time each call with time.perf_counter"
        )
    for number, runs in enumerate(
        random_cases(
            76, 6, lambda rng: {n: list(rng.uniform(1.0, 2.0, 5) / n**0.8) for n in (1, 2, 4)}
        )
    ):
        runs[2][0] *= 10  # one run slowed down by another program
        got = scaling_table(runs)
        expect_equal(sorted(got), [1, 2, 4], f"case {number}: keys of scaling_table")
        medians = {n: statistics.median(r) for n, r in runs.items()}
        if abs(float(got[2][0]) - statistics.fmean(runs[2])) < 1e-9:
            raise CheckFailed(
                f"case {number}: you report the mean of the runs; use the median, which one "
                "slowed-down run does not move"
            )
        for workers in (1, 2, 4):
            median, speedup, efficiency = (float(x) for x in got[workers])
            expect_close(
                median, medians[workers], f"case {number}: median seconds with {workers} workers"
            )
            expected_speedup = medians[1] / medians[workers]
            if workers > 1 and abs(speedup - 1 / expected_speedup) < 1e-9:
                raise CheckFailed(
                    f"case {number}: speedup with {workers} workers is inverted: it is "
                    "time(1) / time(n), above 1 when n is faster"
                )
            expect_close(
                speedup, expected_speedup, f"case {number}: speedup with {workers} workers"
            )
            expect_close(
                efficiency,
                expected_speedup / workers,
                f"case {number}: efficiency with {workers} workers (speedup / workers)",
            )
