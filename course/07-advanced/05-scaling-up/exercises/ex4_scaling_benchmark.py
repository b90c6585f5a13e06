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

import statistics  # noqa: F401 (you will need it)
import time  # noqa: F401 (you will need it)
from collections.abc import Callable, Mapping


def time_runs(run: Callable[[], object], repeats: int, warmup: int) -> list[float]:
    raise NotImplementedError("write time_runs")


def scaling_table(durations: Mapping[int, list[float]]) -> dict[int, tuple[float, float, float]]:
    raise NotImplementedError("write scaling_table")


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
