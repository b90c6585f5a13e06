"""Exercise 4: what discounting does to the REINFORCE gradient: its noise, and how far its
direction turns away from the undiscounted gradient.

Fill in the four functions, run `rlcourse check 5.5`, then run this file: it trains a
policy for 100 episodes and reports gamma = 0.9, 0.99 and 1 on 100 of its episodes.
"""

from __future__ import annotations

import gymnasium as gym
import torch
from torch import nn

from rlcourse.agents.reinforce import Episode, log_probabilities, reward_to_go  # noqa: F401


def episode_gradients(policy: nn.Module, episodes: list[Episode], gamma: float) -> torch.Tensor:
    """One row per episode: the gradient of sum_t log pi(A_t | S_t) G_t (reward-to-go with
    discount ``gamma``) with respect to all the policy's parameters, flattened; shape (N, P)."""
    # TODO: for each episode: the log-probabilities (given: log_probabilities), the returns
    # (given: reward_to_go), backward, then the parameters' .grad flattened into one row
    raise NotImplementedError("episode_gradients")


def noise_to_signal(gradients: torch.Tensor) -> float:
    """tr(Cov) / ||mean||^2 of the rows of ``gradients`` (N, P), with sample variances."""
    raise NotImplementedError("noise_to_signal")


def cosine(a: torch.Tensor, b: torch.Tensor) -> float:
    """cos of the angle between two vectors (P,): 1 = same direction, 0 = perpendicular."""
    raise NotImplementedError("cosine")


def discount_report(
    policy: nn.Module, episodes: list[Episode], gammas: list[float]
) -> dict[float, tuple[float, float]]:
    """For each gamma: (noise-to-signal of its gradients, cosine between their mean and the
    mean undiscounted (gamma = 1) gradient of the same episodes)."""
    # TODO: the three functions above, once for gamma = 1 and once per gamma
    raise NotImplementedError("discount_report")


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
