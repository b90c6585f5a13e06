"""Exercise 3: train a DQN agent with your own TD loss, then plot its episode rewards.

`train` below is a complete, compact DQN loop; it learns with the `td_loss` you write.
Fill in `td_loss` and `plot_episode_rewards`, then run this file (about a minute on a
CPU) and `rlcourse check 5.2`.
"""

from __future__ import annotations

import copy
from pathlib import Path

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F
from tqdm import tqdm

from rlcourse.agents.dqn import (
    DQNConfig,
    QNetwork,
    check_spaces,
    select_action,
)
from rlcourse.agents.replay import ReplayBuffer
from rlcourse.schedules import LinearSchedule
from rlcourse.seeding import seed_everything


def td_loss(
    q_values: torch.Tensor,
    actions: torch.Tensor,
    rewards: torch.Tensor,
    next_q_target: torch.Tensor,
    terminated: torch.Tensor,
    truncated: torch.Tensor,
    gamma: float,
) -> torch.Tensor:
    """The DQN loss of a minibatch, a scalar tensor.

    q_values: (B, A) from the online network, with gradients; actions: (B,) int64;
    rewards, terminated, truncated: (B,) float32 (1.0 = true); next_q_target: (B, A),
    the target network's values of the next states.
    The loss is the mean over the batch of the Huber loss (delta = 1) of Q(s, a) - y, where
    y is the DQN target built from rewards and next_q_target, with no gradient through y.
    Both end-of-episode flags are given: which of them may stop the bootstrap is for you
    to decide.
    """
    q_taken = q_values.gather(1, actions.unsqueeze(1)).squeeze(1)  # (B,)
    # A time-limit truncation is not the end of the task: `truncated` plays no part.
    targets = rewards + gamma * (1.0 - terminated) * next_q_target.detach().max(dim=1).values
    return F.smooth_l1_loss(q_taken, targets)


def plot_episode_rewards(returns: list[float], window: int, path: Path) -> np.ndarray:
    """Plot each episode's return and their moving average, each average at the last
    episode of its window, on labelled axes; save the figure to ``path``.

    Returns the moving average: element i is the mean of returns[i : i + window], so
    the array has len(returns) - window + 1 elements.
    """
    averages = np.convolve(np.asarray(returns, dtype=np.float64), np.ones(window) / window, "valid")
    episodes = np.arange(1, len(returns) + 1)
    fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
    ax.plot(episodes, returns, alpha=0.35, label="episode return")
    ax.plot(episodes[window - 1 :], averages, label=f"mean of the last {window}")
    ax.set(xlabel="episode", ylabel="return", title="DQN on CartPole-v1")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return averages


def train(total_steps: int, seed: int) -> tuple[QNetwork, list[float]]:
    """A compact DQN loop that learns with your ``td_loss``; returns the network and the
    return of every finished episode. (Given: you do not need to change it.)"""
    config = DQNConfig(total_steps=total_steps)
    rng = seed_everything(seed)
    env = gym.make("CartPole-v1")
    observation_size, action_space = check_spaces(env)
    action_space.seed(seed)
    online = QNetwork(observation_size, int(action_space.n), config.hidden_sizes)
    target = copy.deepcopy(online)
    optimizer = torch.optim.Adam(online.parameters(), lr=config.learning_rate)
    buffer = ReplayBuffer(config.buffer_size, (observation_size,), seed=seed)
    device = torch.device("cpu")

    returns: list[float] = []
    episode_return = 0.0
    epsilon_schedule = LinearSchedule(1.0, config.epsilon_end, duration=total_steps // 5)
    observation, _ = env.reset(seed=seed)
    for step in tqdm(range(total_steps), desc="training"):
        epsilon = epsilon_schedule(step)
        action = select_action(online, observation, epsilon, action_space, rng, device)
        next_observation, reward, terminated, truncated, _ = env.step(action)
        buffer.add(observation, action, float(reward), next_observation, terminated, truncated)
        episode_return += float(reward)
        observation = next_observation
        if terminated or truncated:
            returns.append(episode_return)
            episode_return = 0.0
            observation, _ = env.reset()
        if step >= config.learning_starts:
            batch = buffer.sample(config.batch_size)
            with torch.no_grad():
                next_q = target(batch.next_observations)
            loss = td_loss(
                online(batch.observations),
                batch.actions,
                batch.rewards,
                next_q,
                batch.terminated,
                batch.truncated,
                config.gamma,
            )
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if step % config.target_update_every == 0:
                target.load_state_dict(online.state_dict())
    env.close()
    return online, returns


if __name__ == "__main__":
    torch.set_num_threads(1)
    _, episode_returns = train(total_steps=40_000, seed=0)
    averages = plot_episode_rewards(episode_returns, window=20, path=Path("ex3_rewards.png"))
    print(f"{len(episode_returns)} episodes; last 20-episode mean: {averages[-1]:.1f}")
    print("figure: ex3_rewards.png")
