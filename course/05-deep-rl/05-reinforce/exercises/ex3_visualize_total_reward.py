"""Exercise 3: the total reward per episode and its exponentially smoothed average, the
smoothing TensorBoard's slider applies.

Fill in both functions, run `rlcourse check 5.5`, then run this file: it trains 200
episodes of Demo 2's agent and plots them into total_reward.png.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401
import numpy as np


def smoothed(values: list[float], weight: float) -> np.ndarray:
    """The debiased exponential moving average of ``values``, shape (len(values),):
    m_i = weight * m_{i-1} + (1 - weight) * x_i from m_{-1} = 0, then
    s_i = m_i / (1 - weight^(i+1))."""
    # TODO: one pass over the values, keeping m; divide by (1 - weight^(i+1)) as you store
    raise NotImplementedError("smoothed")


def plot_rewards(returns: list[float], weight: float, path: Path) -> np.ndarray:
    """Draw each episode's total reward and its smoothed average against the episode number
    (1, 2, ...), with labelled axes and a legend; save to ``path``; return the average."""
    # TODO: fig, ax = plt.subplots(); two ax.plot lines; labels; legend; fig.savefig(path)
    raise NotImplementedError("plot_rewards")


if __name__ == "__main__":
    import tempfile

    import torch

    from rlcourse.agents.reinforce import ReinforceConfig, train_reinforce

    with tempfile.TemporaryDirectory() as folder:  # 200 episodes of Demo 2's agent
        config = ReinforceConfig(episodes=200)
        _, log = train_reinforce(config, 0, Path(folder), torch.device("cpu"))
    last = plot_rewards(log.episode_returns, 0.9, Path("total_reward.png"))[-1]
    print(f"total_reward.png written; smoothed total reward at the end: {last:.1f}")
