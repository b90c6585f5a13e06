"""Exercise 2: the returns and the losses of REINFORCE with a baseline, and a training loop
that uses them on CartPole-v1."""

from __future__ import annotations

import gymnasium as gym
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from tqdm import tqdm

from rlcourse.agents.reinforce import log_probabilities, make_policy, play_episode
from rlcourse.networks import mlp
from rlcourse.seeding import seed_everything


def returns_to_go(
    rewards: list[float], gamma: float, terminated: bool, next_value: float
) -> torch.Tensor:
    """G_t for t = 0 .. T-1, shape (T,) float32, from the rewards R_1 .. R_T of one episode.

    ``next_value`` is the value network's estimate v(S_T) of the state where the episode
    stopped; ``terminated`` says whether S_T is terminal (otherwise a time limit cut it).
    """
    future = 0.0 if terminated else next_value  # what the episode earns after S_T
    returns: list[float] = []
    for reward in reversed(rewards):
        future = reward + gamma * future  # G_t = R_{t+1} + gamma G_{t+1}
        returns.append(future)
    return torch.tensor(returns[::-1], dtype=torch.float32)


def reinforce_losses(
    log_probs: torch.Tensor, returns: torch.Tensor, values: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    """The policy loss -sum_t log pi(A_t | S_t) (G_t - v(S_t)) and the value loss, the mean
    of (v(S_t) - G_t)^2; all inputs (T,), log_probs and values with gradients."""
    advantages = returns - values.detach()  # the baseline is a constant for the policy
    policy_loss = -(log_probs * advantages).sum()
    value_loss = F.mse_loss(values, returns)
    return policy_loss, value_loss


def train(episodes: int, seed: int, gamma: float = 0.99) -> tuple[nn.Module, list[float]]:
    """REINFORCE with a learned baseline, one episode per update; the policy and every
    episode's total reward."""
    seed_everything(seed)
    env = gym.make("CartPole-v1")
    env.reset(seed=seed)
    policy, value = make_policy(4, 2, (64,)), mlp(4, (64,), 1)
    policy_optimizer = torch.optim.Adam(policy.parameters(), lr=2e-3)
    value_optimizer = torch.optim.Adam(value.parameters(), lr=1e-2)
    totals: list[float] = []
    for _ in tqdm(range(episodes), desc="REINFORCE"):
        episode = play_episode(env, policy, torch.device("cpu"))
        with torch.no_grad():
            next_value = float(value(episode.final_observation.unsqueeze(0)).item())
        returns = returns_to_go(episode.rewards.tolist(), gamma, episode.terminated, next_value)
        log_probs = log_probabilities(policy, episode.observations, episode.actions)
        values = value(episode.observations).squeeze(1)
        policy_loss, value_loss = reinforce_losses(log_probs, returns, values)
        policy_optimizer.zero_grad()
        policy_loss.backward()
        policy_optimizer.step()
        value_optimizer.zero_grad()
        value_loss.backward()
        value_optimizer.step()
        totals.append(float(episode.rewards.sum()))
    env.close()
    return policy, totals


if __name__ == "__main__":
    _, totals = train(episodes=500, seed=0)
    print(f"mean total reward of the last 50 episodes: {np.mean(totals[-50:]):.1f}")
