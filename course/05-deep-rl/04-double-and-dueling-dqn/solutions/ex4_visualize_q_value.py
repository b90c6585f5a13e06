"""Exercise 4: a network's Q-values against the returns that really followed.

Write ``returns_to_go`` (the discounted return from every step of one episode) and
``plot_q_against_returns`` (predicted against realised, one colour per network). Then run
`rlcourse check 5.4`, and run this file: it trains DQN on LunarLander-v3 for two budgets
and plots both networks (a few minutes on a laptop CPU).
"""

from __future__ import annotations

from pathlib import Path

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import torch
from torch import nn

from rlcourse.agents.dqn import DQNConfig, train_dqn


def returns_to_go(rewards: np.ndarray, gamma: float) -> np.ndarray:
    """G_t = R_{t+1} + gamma R_{t+2} + gamma^2 R_{t+3} + ... for every step t of one episode
    that ended at a terminal state; ``rewards[t]`` is R_{t+1}. Shape (T,)."""
    returns = np.zeros(len(rewards))
    future = 0.0
    for t in reversed(range(len(rewards))):
        future = rewards[t] + gamma * future  # G_t = R_{t+1} + gamma G_{t+1}
        returns[t] = future
    return returns


def plot_q_against_returns(pairs: dict[str, tuple[np.ndarray, np.ndarray]], path: Path) -> None:
    """``pairs``: name -> (predicted Q(S_t, A_t), realised G_t), two arrays of one length.

    One scatter per name (x: realised, y: predicted, labelled with the name), the line
    Q = G across the data, labelled axes, a title and a legend; saved to ``path``.
    """
    fig, ax = plt.subplots(figsize=(6, 5))
    for name, (predicted, realised) in pairs.items():
        ax.scatter(realised, predicted, s=4, alpha=0.4, label=name)
    every = np.concatenate([np.concatenate(pair) for pair in pairs.values()])
    ax.plot([every.min(), every.max()], [every.min(), every.max()], color="black", label="Q = G")
    ax.set(xlabel="realised return G_t", ylabel="predicted Q(S_t, A_t)")
    ax.set_title("Above the line: the network expected more than it got")
    ax.legend()
    fig.savefig(path)
    plt.close(fig)


def greedy_pairs(
    network: nn.Module, env_id: str, episodes: int, gamma: float
) -> tuple[np.ndarray, np.ndarray]:
    """(Q(S_t, A_t), G_t) over the steps of greedy episodes that ended at a terminal state."""
    env = gym.make(env_id)
    predicted: list[float] = []
    realised: list[np.ndarray] = []
    for episode in range(episodes):
        observation, _ = env.reset(seed=60_000 + episode)
        chosen: list[float] = []
        rewards: list[float] = []
        terminated = truncated = False
        while not (terminated or truncated):
            with torch.no_grad():
                q_values = network(torch.as_tensor(observation).unsqueeze(0))[0]
            chosen.append(float(q_values.max()))
            observation, reward, terminated, truncated, _ = env.step(int(q_values.argmax()))
            rewards.append(float(reward))
        if terminated:
            predicted += chosen
            realised.append(returns_to_go(np.array(rewards), gamma))
    env.close()
    return np.array(predicted), np.concatenate([np.zeros(0), *realised])


if __name__ == "__main__":
    torch.set_num_threads(1)
    pairs: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for steps in (20_000, 60_000):  # two separate runs, each with its own schedules
        config = DQNConfig(
            env_id="LunarLander-v3",
            total_steps=steps,
            train_every=4,
            learning_starts=1_000,
            target_update_every=250,
            huber_loss=True,
        )
        network, _ = train_dqn(config, seed=0, device=torch.device("cpu"))
        pairs[f"DQN after {steps:,} steps"] = greedy_pairs(network, config.env_id, 10, config.gamma)
    plot_q_against_returns(pairs, Path("q_against_returns.png"))
    print("saved q_against_returns.png")
