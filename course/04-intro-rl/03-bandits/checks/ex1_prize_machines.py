"""Check for exercise 1: expected payouts, the best arm, simulated payouts and their plot."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_png,
    expect_shape,
    expect_type,
    get_function,
)

WIN_PROBS = np.array([0.3, 0.6, 0.1])
PRIZES = np.array([5.0, 2.0, 20.0])
EXPECTED = np.array([1.5, 1.2, 2.0])  # p v, by hand


def check_expectations(module: ModuleType) -> None:
    expected_payouts = get_function(module, "expected_payouts")
    best_arm = get_function(module, "best_arm")
    got = expect_type(expected_payouts(WIN_PROBS, PRIZES), np.ndarray, "expected_payouts")
    expect_close(got, EXPECTED, f"expected_payouts(p={WIN_PROBS}, v={PRIZES})")
    expect_equal(best_arm(WIN_PROBS, PRIZES), 2, f"best_arm(p={WIN_PROBS}, v={PRIZES})")
    # The most likely win (arm 1) is not the best arm: 0.6 x 2 < 0.3 x 5 < 0.1 x 20.
    tied = best_arm(np.array([0.5, 0.25]), np.array([2.0, 4.0]))
    expect_equal(tied, 0, "best_arm for expected payouts [1.0, 1.0] (a tie: the lowest index)")


def check_simulation(module: ModuleType) -> None:
    simulate_payouts = get_function(module, "simulate_payouts")
    pulls = 40_000
    what = f"simulate_payouts(p={WIN_PROBS}, v={PRIZES}, pulls={pulls})"
    payouts = simulate_payouts(WIN_PROBS, PRIZES, pulls, np.random.default_rng(1))
    payouts = expect_type(payouts, np.ndarray, what)
    expect_shape(payouts, (3, pulls), what)
    for arm in range(3):
        outcomes = sorted({float(x) for x in np.unique(payouts[arm])})
        if not set(outcomes) <= {0.0, float(PRIZES[arm])}:
            raise CheckFailed(
                f"{what}: row {arm} should hold only 0.0 and the prize {PRIZES[arm]:g}, "
                f"got the values {outcomes[:6]}"
            )
    # Sample means of 40,000 pulls are within 5 standard errors v sqrt(p(1-p)/n) of p v,
    # except with a probability below one in a million.
    tolerance = 5 * PRIZES * np.sqrt(WIN_PROBS * (1 - WIN_PROBS) / pulls)
    means = payouts.mean(axis=1)
    if np.any(np.abs(means - EXPECTED) > tolerance):
        raise CheckFailed(
            f"{what}: average payout of each arm expected {EXPECTED} "
            f"(± {np.round(tolerance, 3)}), got {np.round(means, 3)}"
        )
    again = simulate_payouts(WIN_PROBS, PRIZES, pulls, np.random.default_rng(1))
    if not np.array_equal(payouts, again):
        raise CheckFailed(
            f"{what}: two calls with generators of the same seed gave different payouts; "
            "draw every random number from the rng argument"
        )


def check_plot(module: ModuleType) -> None:
    plot_payout_distributions = get_function(module, "plot_payout_distributions")
    payouts = np.where(
        np.random.default_rng(2).random((3, 500)) < WIN_PROBS[:, None], PRIZES[:, None], 0.0
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "payouts.png"
        plot_payout_distributions(payouts, PRIZES, path)
        expect_png(path, "plot_payout_distributions")


def check(module: ModuleType) -> None:
    check_expectations(module)
    check_simulation(module)
    check_plot(module)
