"""Check for exercise 1: expected payouts and the best arm (fixed and random machines),
simulated payouts that follow the rng, and the plot through the bars it draws."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_dtype,
    expect_equal,
    expect_seeded,
    expect_shape,
    expect_type,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)

WIN_PROBS = np.array([0.3, 0.6, 0.1])
PRIZES = np.array([5.0, 2.0, 20.0])


def random_machines(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    arms = int(rng.integers(2, 7))
    return rng.random(arms), rng.integers(1, 30, size=arms).astype(np.float64)


def check_expectations(module: ModuleType) -> None:
    expected_payouts = get_function(module, "expected_payouts")
    best_arm = get_function(module, "best_arm")
    for win_probs, prizes in [(WIN_PROBS, PRIZES), *random_cases(31, 4, random_machines)]:
        machines = f"p={np.round(win_probs, 3).tolist()}, v={prizes.tolist()}"
        what = f"expected_payouts({machines})"
        got = expect_type(expected_payouts(win_probs, prizes), np.ndarray, what)
        if got.shape == win_probs.shape and np.allclose(got, win_probs):
            raise CheckFailed(
                f"{what}: got the win probabilities; an arm pays v with probability p and 0 "
                "otherwise, so its expected payout is p v"
            )
        expect_close(got, win_probs * prizes, what)
        best = int(np.argmax(win_probs * prizes))
        got_best = best_arm(win_probs, prizes)
        if got_best != best and got_best == int(np.argmax(win_probs)):
            raise CheckFailed(
                f"best_arm({machines}): got arm {got_best}, the most likely win; the best arm "
                f"has the largest expected payout p v: arm {best}"
            )
        expect_equal(got_best, best, f"best_arm({machines})")
    tied = best_arm(np.array([0.5, 0.25]), np.array([2.0, 4.0]))
    expect_equal(tied, 0, "best_arm for expected payouts [1.0, 1.0] (a tie: the lowest index)")


def check_simulation(module: ModuleType) -> None:
    simulate_payouts = get_function(module, "simulate_payouts")
    pulls = 40_000
    what = f"simulate_payouts(p={WIN_PROBS}, v={PRIZES}, pulls={pulls})"
    payouts = simulate_payouts(WIN_PROBS, PRIZES, pulls, np.random.default_rng(1))
    payouts = expect_type(payouts, np.ndarray, what)
    expect_shape(payouts, (3, pulls), what)
    expect_dtype(payouts, np.float64, what)
    for arm in range(3):
        outcomes = sorted({float(x) for x in np.unique(payouts[arm])})
        if not set(outcomes) <= {0.0, float(PRIZES[arm])}:
            raise CheckFailed(
                f"{what}: row {arm} should hold only 0.0 and the prize {PRIZES[arm]:g}, "
                f"got the values {outcomes[:6]}"
            )
    # Sample means of 40,000 pulls are within 5 standard errors v sqrt(p(1-p)/n) of p v,
    # except with a probability below one in a million.
    expected = WIN_PROBS * PRIZES
    tolerance = 5 * PRIZES * np.sqrt(WIN_PROBS * (1 - WIN_PROBS) / pulls)
    means = payouts.mean(axis=1)
    if np.any(np.abs(means - expected) > tolerance):
        raise CheckFailed(
            f"{what}: average payout of each arm expected {expected} "
            f"(± {np.round(tolerance, 3)}), got {np.round(means, 3)}: an arm wins when a "
            "uniform draw is below its p"
        )
    expect_seeded(
        lambda seed: simulate_payouts(WIN_PROBS, PRIZES, 50, np.random.default_rng(seed)),
        "simulate_payouts(..., rng=np.random.default_rng(seed))",
    )


def check_plot(module: ModuleType) -> None:
    plot_payout_distributions = get_function(module, "plot_payout_distributions")
    pulls = 500
    payouts = np.where(
        np.random.default_rng(2).random((3, pulls)) < WIN_PROBS[:, None], PRIZES[:, None], 0.0
    )
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "payouts.png"
        plot_payout_distributions(payouts, PRIZES, path)
        figure = saved_to(figures, path, "plot_payout_distributions")
    heights = np.concatenate([axes.bars[:, 1] for axes in figure.axes])
    drawn = np.concatenate(
        [
            heights,
            *(line.y for line in figure.lines()),
            *(p[:, 1] for a in figure.axes for p in a.points),
        ]
    )
    wins = (payouts > 0).mean(axis=1)
    for arm in range(3):
        fractions = (wins[arm], 1 - wins[arm])
        counts = (wins[arm] * pulls, (1 - wins[arm]) * pulls)
        if not any(all(np.isclose(heights, v).any() for v in pair) for pair in (fractions, counts)):
            raise CheckFailed(
                f"plot_payout_distributions: no bars show how often arm {arm} paid 0 and its "
                f"prize ({1 - wins[arm]:.3f} and {wins[arm]:.3f} of the pulls)"
            )
        mean = payouts[arm].mean()
        if not np.isclose(drawn, mean).any():
            raise CheckFailed(
                f"plot_payout_distributions: the sample mean of arm {arm} ({mean:.3f}) is not "
                "marked in the figure (a bar, a point or a line at that height)"
            )


def check(module: ModuleType) -> None:
    check_expectations(module)
    check_simulation(module)
    check_plot(module)
