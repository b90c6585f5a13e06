"""Exercise 3: the total reward per episode and its exponentially smoothed average, the
smoothing TensorBoard's slider applies."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np


def smoothed(values: list[float], weight: float) -> np.ndarray:
    """The debiased exponential moving average of ``values``, shape (len(values),):
    m_i = weight * m_{i-1} + (1 - weight) * x_i from m_{-1} = 0, then
    s_i = m_i / (1 - weight^(i+1))."""
    average = 0.0
    result = np.empty(len(values))
    for i, value in enumerate(values):
        average = weight * average + (1 - weight) * value
        result[i] = average / (1 - weight ** (i + 1))  # undo the pull towards the start at 0
    return result


def plot_rewards(returns: list[float], weight: float, path: Path) -> np.ndarray:
    """Draw each episode's total reward and its smoothed average against the episode number
    (1, 2, ...), with labelled axes and a legend; save to ``path``; return the average."""
    average = smoothed(returns, weight)
    episodes = np.arange(1, len(returns) + 1)
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.plot(episodes, returns, alpha=0.3, label="total reward")
    ax.plot(episodes, average, label=f"smoothed (weight {weight})")
    ax.set(xlabel="episode", ylabel="total reward", title="REINFORCE on CartPole-v1")
    ax.legend()
    fig.savefig(path)
    plt.close(fig)
    return average


if __name__ == "__main__":
    import tempfile

    import torch

    from rlcourse.agents.reinforce import ReinforceConfig, train_reinforce

    with tempfile.TemporaryDirectory() as folder:  # 200 episodes of Demo 2's agent
        config = ReinforceConfig(episodes=200)
        _, log = train_reinforce(config, 0, Path(folder), torch.device("cpu"))
    last = plot_rewards(log.episode_returns, 0.9, Path("total_reward.png"))[-1]
    print(f"total_reward.png written; smoothed total reward at the end: {last:.1f}")
