"""Exercise 4: what discounting does to the REINFORCE gradient: its noise, and how far its
direction turns away from the undiscounted gradient."""

from __future__ import annotations

import gymnasium as gym
import torch
from torch import nn

from rlcourse.agents.reinforce import Episode, log_probabilities, reward_to_go


def episode_gradients(policy: nn.Module, episodes: list[Episode], gamma: float) -> torch.Tensor:
    """One row per episode: the gradient of sum_t log pi(A_t | S_t) G_t (reward-to-go with
    discount ``gamma``) with respect to all the policy's parameters, flattened; shape (N, P)."""
    rows = []
    for episode in episodes:
        policy.zero_grad()
        log_probs = log_probabilities(policy, episode.observations, episode.actions)  # (T,)
        returns = reward_to_go(episode.rewards, gamma)  # (T,)
        (log_probs * returns).sum().backward()
        rows.append(
            torch.cat([p.grad.flatten() for p in policy.parameters() if p.grad is not None])
        )
    return torch.stack(rows)


def noise_to_signal(gradients: torch.Tensor) -> float:
    """tr(Cov) / ||mean||^2 of the rows of ``gradients`` (N, P), with sample variances."""
    return float(gradients.var(dim=0).sum() / gradients.mean(dim=0).square().sum())


def cosine(a: torch.Tensor, b: torch.Tensor) -> float:
    """cos of the angle between two vectors (P,): 1 = same direction, 0 = perpendicular."""
    return float(a @ b / (a.norm() * b.norm()))


def discount_report(
    policy: nn.Module, episodes: list[Episode], gammas: list[float]
) -> dict[float, tuple[float, float]]:
    """For each gamma: (noise-to-signal of its gradients, cosine between their mean and the
    mean undiscounted (gamma = 1) gradient of the same episodes)."""
    undiscounted = episode_gradients(policy, episodes, 1.0).mean(dim=0)
    report = {}
    for gamma in gammas:
        gradients = episode_gradients(policy, episodes, gamma)
        report[gamma] = (noise_to_signal(gradients), cosine(gradients.mean(dim=0), undiscounted))
    return report


if __name__ == "__main__":
    import tempfile
    from pathlib import Path

    from rlcourse.agents.reinforce import ReinforceConfig, play_episode, train_reinforce

    with tempfile.TemporaryDirectory() as folder:  # a partly trained policy, as in Demo 4
        agent, _ = train_reinforce(
            ReinforceConfig(episodes=100), 0, Path(folder), torch.device("cpu")
        )
    env = gym.make("CartPole-v1")
    env.reset(seed=1)
    sampled = [play_episode(env, agent.policy, torch.device("cpu")) for _ in range(100)]
    for gamma, (noise, alignment) in discount_report(
        agent.policy, sampled, [0.9, 0.99, 1.0]
    ).items():
        print(f"gamma {gamma}: noise-to-signal {noise:.1f}, cosine with gamma = 1: {alignment:.3f}")
