"""Check for exercise 3: ``compare`` on a seeded stand-in for training (so the check takes
no time), the calls it made, and ``helps`` on cases built to sit on either side of the
two-standard-error line."""

from __future__ import annotations

import math
from collections.abc import Callable
from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_type,
    get_function,
    random_cases,
)


def stand_in(
    offset: int,
) -> tuple[list[tuple[float, float, int]], Callable[[float, float, int], float]]:
    calls: list[tuple[float, float, int]] = []

    def train_and_score(p: float, decay: float, seed: int) -> float:
        calls.append((p, decay, seed))
        rng = np.random.default_rng([offset, seed, int(p * 100), int(decay * 100)])
        return float(0.8 + 0.1 * p + 0.02 * decay + rng.normal(scale=0.03))

    return calls, train_and_score


def check(module: ModuleType) -> None:
    compare = get_function(module, "compare")
    settings = {"none": (0.0, 0.0), "dropout": (0.5, 0.0), "decay": (0.0, 1.0)}
    for offset, seeds in [(0, 4), (1, 3), (2, 6)]:
        calls, train_and_score = stand_in(offset)
        what = f"compare over {seeds} seeds"
        summary = expect_type(compare(train_and_score, settings, seeds), dict, what)
        expect_equal(sorted(summary), sorted(settings), f"{what}: the setting names")
        expected_calls = sorted((p, d, s) for p, d in settings.values() for s in range(seeds))
        expect_equal(sorted(calls), expected_calls, f"{what}: the (p, weight_decay, seed) calls")
        _, fresh = stand_in(offset)
        for name, (p, decay) in settings.items():
            scores = np.array([fresh(p, decay, s) for s in range(seeds)])
            mean, sem = scores.mean(), scores.std(ddof=1) / math.sqrt(seeds)
            got = summary[name]
            if np.isclose(got[1], scores.std(ddof=0) / math.sqrt(seeds)):
                raise CheckFailed(
                    f"{what}, {name}: the standard error used the population standard deviation "
                    "(divide by n); a sample's uses n - 1 (rlcourse.stats does)"
                )
            expect_close(
                np.array(got, dtype=np.float64),
                np.array([mean, sem]),
                f"{what}, {name}: (mean, standard error)",
            )
    helps = get_function(module, "helps")

    def make(rng: np.random.Generator) -> tuple[dict[str, tuple[float, float]], list[str]]:
        base = (0.8, float(rng.uniform(0.005, 0.02)))
        summary = {"none": base}
        winners = []
        for i, factor in enumerate([2.3, 1.7, 2.6, -3.0]):  # in units of the combined se
            se = float(rng.uniform(0.005, 0.02))
            summary[f"s{i}"] = (base[0] + factor * math.sqrt(se**2 + base[1] ** 2), se)
            if factor > 2:
                winners.append(f"s{i}")
        return summary, winners

    for summary, winners in random_cases(3, 4, make):
        got = helps(summary, "none")
        what = (
            f"helps({ {k: (round(m, 4), round(s, 4)) for k, (m, s) in summary.items()} }, 'none')"
        )
        if isinstance(got, list) and "s1" in got:
            raise CheckFailed(
                f"{what}: s1 beats none by 1.7 standard errors of the difference, which is not "
                "enough: the standard error of a difference is sqrt(se_a^2 + se_b^2)"
            )
        if isinstance(got, list) and "s3" in got:
            raise CheckFailed(
                f"{what}: s3 is worse than the baseline: compare mean - baseline, not its size"
            )
        expect_equal(got, winners, what)
