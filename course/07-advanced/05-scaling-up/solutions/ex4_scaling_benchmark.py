"""Exercise 4 of Part 7.5: benchmark training time as the hardware scales.

Write

- ``time_runs(run, repeats, warmup)``: call ``run()`` ``warmup`` times without timing it
  (start-up, caches, lazy initialisation), then ``repeats`` times, each timed with
  ``time.perf_counter``; return the ``repeats`` durations in seconds;
- ``scaling_table(durations)``: ``durations`` maps a number of workers (processes, GPUs)
  to its timed runs; for each, return (median seconds, speedup, efficiency), where the
  speedup is the median with 1 worker divided by the median with n workers, and the
  efficiency is the speedup divided by n (1.0: perfect scaling). The median, because
  one run slowed down by another program must not move the result.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Mapping


def time_runs(run: Callable[[], object], repeats: int, warmup: int) -> list[float]:
    for _ in range(warmup):
        run()
    durations: list[float] = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        durations.append(time.perf_counter() - start)
    return durations


def scaling_table(durations: Mapping[int, list[float]]) -> dict[int, tuple[float, float, float]]:
    if 1 not in durations:
        raise ValueError("scaling_table needs the runs with 1 worker as its baseline")
    medians = {workers: statistics.median(runs) for workers, runs in durations.items()}
    return {
        workers: (median, medians[1] / median, medians[1] / median / workers)
        for workers, median in sorted(medians.items())
    }


if __name__ == "__main__":
    import torch

    def matmul(threads: int) -> Callable[[], object]:
        matrix = torch.randn(600, 600)
        return lambda: (torch.set_num_threads(threads), matrix @ matrix)

    table = scaling_table({n: time_runs(matmul(n), repeats=7, warmup=2) for n in (1, 2)})
    for workers, (median, speedup, efficiency) in table.items():
        print(
            f"{workers} thread(s): {median * 1e3:.2f} ms, "
            f"speedup {speedup:.2f}, efficiency {efficiency:.2f}"
        )
