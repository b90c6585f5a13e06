"""Check of exercise 3: a fake training run whose scores are known, so that each setting's
mean and standard error (n - 1, over seeds) can be computed here; every seed of every pair
is trained, in order, and the best setting is the highest mean."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_true,
    get_function,
    random_cases,
)


def make_scores(rng: np.random.Generator) -> dict[tuple[int, int, int], float]:
    buffer_sizes, periods, seeds = (100, 1_000, 10_000), (1, 50), (3, 4, 5, 6)
    return {
        (b, p, s): float(rng.uniform(0, 500)) for b in buffer_sizes for p in periods for s in seeds
    }


def recording_train(
    scores: dict[tuple[int, int, int], float], calls: list[tuple[int, int, int]]
) -> Callable[[int, int, int], float]:
    """A fake training run: the score the table holds, each call recorded."""

    def train(buffer_size: int, target_period: int, seed: int) -> float:
        calls.append((buffer_size, target_period, seed))
        return scores[(buffer_size, target_period, seed)]

    return train


def check(module: ModuleType) -> None:
    grid_search = get_function(module, "grid_search")
    best_setting = get_function(module, "best_setting")
    for index, scores in enumerate(random_cases(31, 3, make_scores)):
        calls: list[tuple[int, int, int]] = []
        train = recording_train(scores, calls)
        settings = list(grid_search(train, (100, 1_000, 10_000), (1, 50), (3, 4, 5, 6)))
        expect_equal(len(settings), 6, f"case {index}: number of settings for 3 sizes x 2 periods")
        missing = set(scores) - set(calls)
        if missing:
            raise CheckFailed(
                f"case {index}: train was never called with (buffer_size, target_period, seed) "
                f"{sorted(missing)[:3]}: run every seed for every pair"
            )
        pairs = [(s.buffer_size, s.target_period) for s in settings]
        expected_pairs = [(b, p) for b in (100, 1_000, 10_000) for p in (1, 50)]
        expect_equal(pairs, expected_pairs, f"case {index}: the (buffer_size, target_period) order")
        for setting in settings:
            values = np.array(
                [scores[(setting.buffer_size, setting.target_period, s)] for s in (3, 4, 5, 6)]
            )
            what = f"case {index}, buffer {setting.buffer_size}, period {setting.target_period}"
            expect_close(setting.mean, values.mean(), f"{what}: mean", atol=1e-6)
            error = values.std(ddof=1) / 2.0
            if np.isclose(setting.standard_error, values.std(ddof=0) / 2.0):
                raise CheckFailed(
                    f"{what}: the standard error uses the population std (divides by n); "
                    "over a few seeds use the sample std, np.std(..., ddof=1)"
                )
            if np.isclose(setting.standard_error, values.std(ddof=1)):
                raise CheckFailed(
                    f"{what}: standard_error is the standard deviation of the scores; the "
                    "standard error of their mean divides it by sqrt(number of seeds)"
                )
            expect_close(setting.standard_error, error, f"{what}: standard_error", atol=1e-6)
        best = best_setting(settings)
        top = max(settings, key=lambda s: s.mean)
        expect_true(
            best == top,
            f"case {index}: best_setting chose buffer {best.buffer_size}, period "
            f"{best.target_period} (mean {best.mean:.1f}); the highest mean is {top.mean:.1f}",
        )
