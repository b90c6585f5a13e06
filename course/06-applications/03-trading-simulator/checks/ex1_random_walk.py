"""Check of exercise 1 of Part 6.3: random_walk returns (paths, steps + 1) positive prices
from the generator it is given, whose log returns have the given volatility and whose
one-step ratios have mean 1 (a martingale)."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import (
    expect_close,
    expect_seeded,
    expect_shape,
    expect_true,
    get_function,
    random_cases,
)


def check_shapes(random_walk: Callable[..., Any]) -> None:
    def case(rng: np.random.Generator) -> tuple[int, int, float]:
        return int(rng.integers(2, 9)), int(rng.integers(5, 30)), float(rng.uniform(10, 200))

    for paths, steps, start in random_cases(61, 8, case):
        prices = np.asarray(random_walk(np.random.default_rng(paths), paths, steps, start, 0.02))
        expect_shape(
            prices,
            (paths, steps + 1),
            f"random_walk(rng, {paths}, {steps}, ...), one row of steps + 1 prices per path",
        )
        expect_close(prices[:, 0], np.full(paths, start), "column 0: every path starts at start")


def check(module: ModuleType) -> None:
    random_walk = get_function(module, "random_walk")
    check_shapes(random_walk)
    expect_seeded(
        lambda seed: np.asarray(random_walk(np.random.default_rng(seed), 3, 10)),
        "random_walk(np.random.default_rng(seed), 3, 10)",
    )
    wild = np.asarray(random_walk(np.random.default_rng(7), 200, 50, 100.0, 0.5))
    expect_true(
        bool(np.all(wild > 0)),
        "with volatility 0.5 some prices were <= 0: a product of (1 + return) can cross zero; "
        "sum the log returns and exponentiate (np.exp of the cumulative sum)",
    )
    volatility = 0.05
    prices = np.asarray(random_walk(np.random.default_rng(8), 400, 50, 100.0, volatility))
    log_returns = np.diff(np.log(prices), axis=1)  # (paths, steps): one row per path
    spread = float(log_returns.std(ddof=1))
    expect_true(
        abs(spread / volatility - 1) < 0.05,
        f"the log returns P_(t+1)/P_t within each path should have standard deviation "
        f"{volatility}, got {spread:.4f}: is the cumulative sum along the time axis (axis=1)?",
    )
    volatility = 0.2
    prices = np.asarray(random_walk(np.random.default_rng(9), 2_000, 20, 100.0, volatility))
    ratios = (prices[:, 1:] / prices[:, :-1]).ravel()
    error = float(ratios.std(ddof=1) / np.sqrt(ratios.size))
    drift = float(ratios.mean() - 1)
    expect_true(
        abs(drift) < 4 * error,
        f"with volatility {volatility}, the mean of P_(t+1) / P_t is {ratios.mean():.4f} "
        f"(± {error:.4f}), expected 1 (a martingale). Without the -volatility^2/2 term it is "
        f"exp(volatility^2 / 2) = {np.exp(volatility**2 / 2):.4f}; with -volatility^2 it is "
        f"{np.exp(-(volatility**2) / 2):.4f}",
    )
