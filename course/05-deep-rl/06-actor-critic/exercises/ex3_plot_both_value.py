"""Exercise 3: the actor's (policy) loss and the critic's (value) loss of a training run,
each with its moving average, on two panels.

Write `trailing_mean` and `plot_losses`, then run `rlcourse check 5.6`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401
import numpy as np


def trailing_mean(values: list[float], window: int) -> np.ndarray:
    """Mean of each ``window`` consecutive values: len(values) - window + 1 numbers, entry i
    ending at value i + window - 1."""
    raise NotImplementedError("trailing_mean")


def plot_losses(
    steps: list[int],
    actor_losses: list[float],
    critic_losses: list[float],
    window: int,
    path: Path,
) -> tuple[np.ndarray, np.ndarray]:
    """Two panels: the actor's losses and the critic's, each against ``steps`` (faint) with
    its trailing mean drawn at the step of the last update it includes; the critic's on a
    log scale. Returns (actor's means, critic's means)."""
    # TODO: plt.subplots(1, 2); each panel: the losses (faint), their means, labels, a legend
    raise NotImplementedError("plot_losses")


if __name__ == "__main__":
    from rlcourse.metrics import read_metrics

    # Demo 2's first run, read from the repository's root.
    metrics = read_metrics(Path("course/05-deep-rl/06-actor-critic/outputs/a2c_seed0"))
    actor_steps, actor = metrics["actor_loss"]
    _, critic = metrics["critic_loss"]
    plot_losses(actor_steps, actor, critic, 50, Path("losses.png"))
    print("wrote losses.png")
