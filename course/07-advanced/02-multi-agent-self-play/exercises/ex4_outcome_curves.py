"""Exercise 4 of Part 7.2: win, draw and loss curves over training.

Write ``outcome_rates``: ``outcomes`` has one row per measurement and one column per game,
each +1 (a win), 0 (a draw) or -1 (a loss); return the share of wins, draws and losses of
each row, shape (measurements, 3). Then ``plot_outcome_curves``: one axes with three lines
against ``episodes``, labelled "win", "draw" and "loss", axis labels, a title naming the
opponent, and a legend; save the figure to ``path``.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401 (you will need it)
import numpy as np


def outcome_rates(outcomes: np.ndarray) -> np.ndarray:
    raise NotImplementedError("write outcome_rates")


def plot_outcome_curves(
    episodes: np.ndarray, outcomes: np.ndarray, opponent: str, path: Path
) -> None:
    raise NotImplementedError("write plot_outcome_curves")


if __name__ == "__main__":
    # Outcomes of a made-up agent in a game that can be drawn: it loses less as it trains,
    # first by drawing more, then by winning more.
    rng = np.random.default_rng(0)
    episodes = np.arange(1, 11) * 1000
    progress = np.linspace(0.0, 1.0, len(episodes))[:, None]  # (measurements, 1)
    draw_or_better = rng.random((len(episodes), 100)) < 0.3 + 0.6 * progress
    win = rng.random((len(episodes), 100)) < 0.7 * progress
    outcomes = np.where(draw_or_better, np.where(win, 1, 0), -1)
    print(outcome_rates(outcomes).round(2))
    plot_outcome_curves(episodes, outcomes, "a random player", Path("outcome_curves.png"))
