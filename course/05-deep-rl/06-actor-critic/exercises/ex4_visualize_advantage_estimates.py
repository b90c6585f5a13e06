"""Exercise 4: the advantage estimates of every step of one episode, from the one-step TD
error (lambda = 0) to the Monte Carlo advantage (lambda = 1), drawn along the episode.

Write the three functions, then run `rlcourse check 5.6`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401
import numpy as np


def monte_carlo_returns(rewards: np.ndarray, gamma: float, final_value: float) -> np.ndarray:
    """G_t = R_{t+1} + gamma G_{t+1} for t = 0 .. T-1, from G_T = ``final_value`` (0 when the
    episode terminated, v(S_T) when a time limit cut it). rewards (T,) -> (T,)."""
    raise NotImplementedError("monte_carlo_returns")


def lambda_advantages(
    rewards: np.ndarray, values: np.ndarray, final_value: float, gamma: float, lam: float
) -> np.ndarray:
    """GAE over a whole episode: delta_t = R_{t+1} + gamma v(S_{t+1}) - v(S_t) with
    v(S_T) = ``final_value``, and A_t = delta_t + gamma lam A_{t+1} from A_T = 0.
    rewards and values v(S_0) .. v(S_{T-1}) are (T,); the result is (T,)."""
    raise NotImplementedError("lambda_advantages")


def plot_advantages(
    rewards: np.ndarray,
    values: np.ndarray,
    final_value: float,
    gamma: float,
    lams: list[float],
    path: Path,
) -> np.ndarray:
    """One line per lambda (labelled with it) and the Monte Carlo advantage G_t - v(S_t),
    against the step t; returns the Monte Carlo advantages (T,)."""
    # TODO: one line per lambda (label it), G_t - v(S_t) as another, labels and a legend
    raise NotImplementedError("plot_advantages")


if __name__ == "__main__":
    # A made-up episode: the critic expects 10 everywhere, the pole falls after 40 steps.
    rewards, values = np.ones(40), np.full(40, 10.0)
    plot_advantages(rewards, values, 0.0, 0.99, [0.0, 0.9, 0.95], Path("advantages.png"))
    print("wrote advantages.png")
