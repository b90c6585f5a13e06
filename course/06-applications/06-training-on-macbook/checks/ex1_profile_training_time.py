"""Check of exercise 1: a fake clock, fake work and a fake synchronize that log what
happened, so the check knows every true duration and the order of every call."""

from __future__ import annotations

import statistics
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import CheckFailed, expect_close, get_function, random_cases


class FakeDevice:
    """Work that is queued: a call returns at once, and the time it takes is only spent
    (the clock only moves on) when ``synchronize`` waits for it."""

    def __init__(self, durations: list[float]) -> None:
        self.durations = durations
        self.now = 0.0
        self.pending = 0.0
        self.calls = 0
        self.log: list[str] = []

    def work(self) -> None:
        self.pending += self.durations[self.calls]
        self.calls += 1
        self.log.append("work")

    def synchronize(self) -> None:
        self.now += self.pending
        self.pending = 0.0
        self.log.append("sync")

    def clock(self) -> float:
        self.log.append("clock")
        return self.now


def case(rng: np.random.Generator) -> tuple[list[float], int, int]:
    warmup, repeats = int(rng.integers(1, 4)), int(rng.choice([4, 5, 7]))
    slow_start = rng.uniform(5.0, 9.0, size=warmup).round(3).tolist()  # first calls: slow
    steady = rng.uniform(0.1, 0.3, size=repeats).round(3)
    steady[int(rng.integers(repeats))] = float(rng.uniform(2.0, 3.0))  # one disturbed run
    return [*slow_start, *steady.tolist()], warmup, repeats


def check(module: ModuleType) -> None:
    median_time: Any = get_function(module, "median_time")
    fixed = ([8.0, 0.2, 0.1, 3.0, 0.3, 0.2], 1, 5)
    for durations, warmup, repeats in [fixed, *random_cases(66, 5, case)]:
        device = FakeDevice(durations)
        what = f"median_time with warmup={warmup}, repeats={repeats}, durations {durations}"
        got = median_time(device.work, device.synchronize, repeats, warmup, device.clock)
        if device.calls != warmup + repeats:
            raise CheckFailed(f"{what}: work ran {device.calls} times, expected {warmup + repeats}")
        timed = durations[warmup:]
        if not isinstance(got, int | float):
            raise CheckFailed(f"{what}: expected a number of seconds, got {type(got).__name__}")
        readings = [i for i, event in enumerate(device.log) if event == "clock"]
        before = [device.log[i - 1] if i else "" for i in readings]
        if any(event != "sync" for event in before[1::2]):  # the readings that stop a timing
            raise CheckFailed(
                f"{what}: the clock stops without a synchronize() first: a clock read before "
                "synchronize() measures how long queueing the work took, not the work"
            )
        if any(event != "sync" for event in before[::2]):  # the readings that start one
            raise CheckFailed(
                f"{what}: call synchronize() right before every clock() reading (the order "
                f"was {' '.join(device.log[:8])} ...): otherwise work queued earlier lands "
                "in the next timing"
            )
        if np.isclose(got, float(np.mean(timed))) and not np.isclose(got, statistics.median(timed)):
            raise CheckFailed(
                f"{what}: got {got:.3f}, the mean; one disturbed run pulls the mean up, "
                "the median ignores it"
            )
        if got < min(timed) - 1e-9 or np.isclose(got, 0.0):
            raise CheckFailed(
                f"{what}: got {got:.3f} s, shorter than any run: a clock read before "
                "synchronize() measures how long queueing the work took, not the work"
            )
        right, with_warmup = statistics.median(timed), statistics.median(durations)
        if (np.isclose(got, with_warmup) and not np.isclose(right, with_warmup)) or got > max(
            timed
        ) + 1e-9:
            raise CheckFailed(
                f"{what}: got {got:.3f}: the warm-up runs (slow first calls) were timed; "
                "run them before timing"
            )
        expect_close(got, right, what)
