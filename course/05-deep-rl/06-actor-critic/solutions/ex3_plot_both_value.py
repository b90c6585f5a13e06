"""Exercise 3: the actor's (policy) loss and the critic's (value) loss of a training run,
each with its moving average, on two panels."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np


def trailing_mean(values: list[float], window: int) -> np.ndarray:
    """Mean of each ``window`` consecutive values: len(values) - window + 1 numbers, entry i
    ending at value i + window - 1."""
    sums = np.cumsum(np.concatenate([[0.0], values]))
    return (sums[window:] - sums[:-window]) / window


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
    actor_mean = trailing_mean(actor_losses, window)
    critic_mean = trailing_mean(critic_losses, window)
    fig, (actor_ax, critic_ax) = plt.subplots(1, 2, figsize=(10, 4))
    for ax, losses, mean in (
        (actor_ax, actor_losses, actor_mean),
        (critic_ax, critic_losses, critic_mean),
    ):
        ax.plot(steps, losses, alpha=0.3, label="each update")
        ax.plot(steps[window - 1 :], mean, label=f"mean of {window}")
        ax.set_xlabel("environment step")
        ax.legend()
    actor_ax.set(title="Actor (policy loss)", ylabel="policy loss")
    critic_ax.set(title="Critic (value loss)", ylabel="squared error", yscale="log")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return actor_mean, critic_mean


if __name__ == "__main__":
    from rlcourse.metrics import read_metrics

    # Demo 2's first run, read from the repository's root.
    metrics = read_metrics(Path("course/05-deep-rl/06-actor-critic/outputs/a2c_seed0"))
    actor_steps, actor = metrics["actor_loss"]
    _, critic = metrics["critic_loss"]
    plot_losses(actor_steps, actor, critic, 50, Path("losses.png"))
    print("wrote losses.png")
