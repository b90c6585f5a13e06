"""Check of exercise 2: a fake clock that training and evaluation both move on, with known
costs and scores, so the check knows the right time and epoch in every case."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import CheckFailed, expect_close, get_function, random_cases


class FakeRun:
    def __init__(self, epoch_seconds: list[float], scores: list[float], eval_seconds: float):
        self.epoch_seconds, self.scores, self.eval_seconds = epoch_seconds, scores, eval_seconds
        self.now = 0.0
        self.epochs = 0
        self.evaluations = 0

    def train_epoch(self) -> None:
        self.now += self.epoch_seconds[self.epochs]
        self.epochs += 1

    def evaluate(self) -> float:
        self.now += self.eval_seconds  # evaluating costs time too, but is not training
        self.evaluations += 1
        return self.scores[self.epochs - 1]

    def clock(self) -> float:
        return self.now


def case(rng: np.random.Generator) -> tuple[list[float], list[float], float, int]:
    epochs = int(rng.integers(4, 12))
    scores = np.sort(rng.uniform(0.5, 1.0, size=epochs)).round(2).tolist()
    target = float(rng.choice([scores[int(rng.integers(epochs))], 1.01]))  # met exactly, or never
    return rng.uniform(0.5, 2.0, size=epochs).round(2).tolist(), scores, target, epochs


def reference(
    seconds: list[float], scores: list[float], target: float, most: int
) -> tuple[float, int]:
    reached = [i for i in range(most) if scores[i] >= target]
    if not reached:
        return -1.0, -1
    return float(sum(seconds[: reached[0] + 1])), reached[0] + 1


def check(module: ModuleType) -> None:
    time_to_score: Any = get_function(module, "time_to_score")
    fixed = ([1.0, 1.0, 2.0, 2.0, 1.0, 1.0], [0.80, 0.90, 0.95, 0.97, 0.98, 0.99], 0.95, 6)
    for seconds, scores, target, most in [fixed, *random_cases(67, 8, case)]:
        run = FakeRun(seconds, scores, eval_seconds=10.0)
        what = f"time_to_score with epoch times {seconds}, scores {scores}, target {target}"
        got = time_to_score(run.train_epoch, run.evaluate, target, most, run.clock)
        if not isinstance(got, tuple) or len(got) != 2:
            raise CheckFailed(f"{what}: expected (seconds, epochs), got {got!r}")
        right = reference(seconds, scores, target, most)
        taken, epochs = float(got[0]), int(got[1])
        if right[1] > 0 and epochs == right[1] + 1 and scores[right[1] - 1] == target:
            raise CheckFailed(
                f"{what}: got epoch {epochs} for {right[1]}: a score equal to the target has "
                "reached it (>=)"
            )
        if right[1] > 0 and run.epochs > right[1]:
            raise CheckFailed(f"{what}: trained {run.epochs} epochs; stop once the target is met")
        if right[1] > 0 and epochs == right[1] - 1:
            raise CheckFailed(
                f"{what}: got {epochs} epochs for {right[1]}: count the epochs from 1, "
                "the number trained"
            )
        if right[1] > 0 and taken >= right[0] + 10.0 - 1e-9:
            raise CheckFailed(
                f"{what}: got {taken:.2f} s for {right[0]:.2f} s of training: the "
                "evaluations' time was counted; time train_epoch() alone"
            )
        if right[1] < 0 < epochs:
            raise CheckFailed(f"{what}: the target is never met; return (-1.0, -1)")
        expect_close(taken, right[0], f"{what}: the seconds")
        if epochs != right[1]:
            raise CheckFailed(f"{what}: expected {right[1]} epochs, got {epochs}")
