"""Check of exercise 4: returns and lambda-advantages against references written as sums
(not recursions) on seeded episodes, the lambda = 0 and lambda = 1 ends, and the figure's
lines."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_true,
    expect_type,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)

Episode = tuple[np.ndarray, np.ndarray, float]


def returns_reference(rewards: np.ndarray, gamma: float, final_value: float) -> np.ndarray:
    horizon = len(rewards)
    return np.array(
        [
            sum(gamma ** (k - t) * rewards[k] for k in range(t, horizon))
            + gamma ** (horizon - t) * final_value
            for t in range(horizon)
        ]
    )


def advantages_reference(
    rewards: np.ndarray, values: np.ndarray, final_value: float, discount: float
) -> np.ndarray:
    """A_t = sum_k discount^(k-t) delta_k, where ``discount`` is gamma * lambda."""
    gamma = 0.9
    following = np.append(values[1:], final_value)
    deltas = rewards + gamma * following - values
    return np.array(
        [
            sum(discount ** (k - t) * deltas[k] for k in range(t, len(deltas)))
            for t in range(len(deltas))
        ]
    )


def episode(rng: np.random.Generator) -> Episode:
    horizon = int(rng.integers(4, 15))
    final_value = float(rng.choice([0.0, rng.normal(8.0, 2.0)]))
    return rng.normal(1.0, 0.3, horizon), rng.normal(6.0, 2.0, horizon), final_value


def check_returns(monte_carlo_returns: Any) -> None:
    cases = [(np.ones(3), np.zeros(3), 0.0), *random_cases(41, 5, episode)]
    for rewards, _, final_value in cases:
        what = f"monte_carlo_returns(<{len(rewards)} rewards>, 0.9, {final_value:.2f})"
        got = expect_type(monte_carlo_returns(rewards, 0.9, final_value), np.ndarray, what)
        expect_close(got, returns_reference(rewards, 0.9, final_value), what, atol=1e-6)


def check_advantages(lambda_advantages: Any) -> None:
    gamma = 0.9
    for rewards, values, final_value in random_cases(42, 6, episode):
        for lam in (0.0, 0.5, 0.95, 1.0):
            what = (
                f"lambda_advantages(<{len(rewards)} steps>, final_value {final_value:.2f}, "
                f"gamma {gamma}, lambda {lam})"
            )
            got = expect_type(
                lambda_advantages(rewards, values, final_value, gamma, lam), np.ndarray, what
            )
            right = advantages_reference(rewards, values, final_value, gamma * lam)
            if got.shape == right.shape and not np.allclose(got, right, atol=1e-6):
                if lam not in (0.0, 1.0) and np.allclose(
                    got, advantages_reference(rewards, values, final_value, lam), atol=1e-6
                ):
                    raise CheckFailed(
                        f"{what}: the recursion discounts by lambda alone; A_t = delta_t + "
                        "gamma * lambda * A_(t+1)"
                    )
                bootstrapped = advantages_reference(rewards, values, float(values[-1]), gamma * lam)
                if np.allclose(got, bootstrapped, atol=1e-6):
                    raise CheckFailed(
                        f"{what}: the last step uses v(S_(T-1)) for the state after it; "
                        "v(S_T) is final_value (0 when the episode terminated)"
                    )
            expect_close(got, right, what, atol=1e-6)
        monte_carlo = returns_reference(rewards, gamma, final_value) - values
        expect_close(
            lambda_advantages(rewards, values, final_value, gamma, 1.0),
            monte_carlo,
            "lambda = 1 over a whole episode (it must equal G_t - v(S_t))",
            atol=1e-6,
        )


def check_plot(plot_advantages: Any) -> None:
    rng = np.random.default_rng(43)
    rewards, values, final_value = np.ones(12), rng.normal(5.0, 1.0, 12), 0.0
    lams = [0.0, 0.9]
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "advantages.png"
        returned = plot_advantages(rewards, values, final_value, 0.9, lams, path)
        figure = saved_to(figures, path, "plot_advantages")
    monte_carlo = returns_reference(rewards, 0.9, final_value) - values
    expect_close(
        np.asarray(returned), monte_carlo, "the Monte Carlo advantages you return", atol=1e-6
    )
    lines = figure.lines()
    for lam in lams:
        expected = advantages_reference(rewards, values, final_value, 0.9 * lam)
        drawn = [
            line
            for line in lines
            if line.y.shape == expected.shape and np.allclose(line.y, expected)
        ]
        expect_true(bool(drawn), f"draw the advantages for lambda = {lam} as a line")
        expect_true(str(lam) in drawn[0].label, f"label the line of lambda = {lam} with its lambda")
        expect_close(drawn[0].x, np.arange(12.0), "the x of an advantage line (steps 0 .. T-1)")
    if not any(
        line.y.shape == monte_carlo.shape and np.allclose(line.y, monte_carlo) for line in lines
    ):
        returns = monte_carlo + values
        if any(line.y.shape == returns.shape and np.allclose(line.y, returns) for line in lines):
            raise CheckFailed(
                "you drew the returns G_t; draw the Monte Carlo advantage G_t - v(S_t), on the "
                "same scale as the other estimates"
            )
        raise CheckFailed("draw the Monte Carlo advantage G_t - v(S_t) as a line")
    axes = figure.axes[0]
    expect_true(bool(axes.xlabel and axes.ylabel), "label both axes")
    expect_true(bool(axes.legend), "add a legend: the figure has a line per estimate")


def check(module: ModuleType) -> None:
    check_returns(get_function(module, "monte_carlo_returns"))
    check_advantages(get_function(module, "lambda_advantages"))
    check_plot(get_function(module, "plot_advantages"))
