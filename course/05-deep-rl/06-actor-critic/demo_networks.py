"""Demo 1: the library's actor and critic, separate and shared: their outputs on a batch of
CartPole states, their sizes, and which parameters a critic-only loss reaches."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import numpy as np
import torch
import torch.nn.functional as F
import tyro

from rlcourse.agents.a2c import ActorCritic
from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    hidden_sizes: tuple[int, ...] = (64, 64)  # A2CConfig's default
    batch: int = 5  # CartPole states in the batch
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    parameters: dict[str, int]  # "separate" / "shared" -> parameter count
    actor_touched_by_critic_loss: dict[str, int]  # actor parameters a critic loss reaches
    probabilities_sum: float  # largest |sum_a pi(a | s) - 1| over the batch


def cartpole_states(count: int, seed: int) -> torch.Tensor:
    """(count, 4): states visited by a random policy, so they are not all near the start."""
    env = gym.make("CartPole-v1")
    env.action_space.seed(seed)
    observation, _ = env.reset(seed=seed)
    states: list[np.ndarray] = []
    while len(states) < count:
        states.append(observation)
        observation, _, terminated, truncated, _ = env.step(env.action_space.sample())
        if terminated or truncated:
            observation, _ = env.reset()
    env.close()
    return torch.as_tensor(np.array(states), dtype=torch.float32)


def main(cfg: Config) -> Result:
    seed_everything(cfg.seed)
    states = cartpole_states(cfg.batch, cfg.seed)
    parameters: dict[str, int] = {}
    touched: dict[str, int] = {}
    largest_gap = 0.0
    for name, shared in (("separate", False), ("shared", True)):
        # --8<-- [start:outputs]
        network = ActorCritic(4, 2, cfg.hidden_sizes, shared=shared)
        logits, values = network(states)  # (B, 2) and (B,)
        probabilities = F.softmax(logits, dim=1)  # pi(. | s), each row sums to 1
        values.pow(2).mean().backward()  # a loss of the critic alone
        reached = [p for p in network.actor.parameters() if p.grad is not None]
        # --8<-- [end:outputs]
        parameters[name] = sum(p.numel() for p in network.parameters())
        touched[name] = sum(p.numel() for p in reached)
        largest_gap = max(largest_gap, float((probabilities.detach().sum(dim=1) - 1).abs().max()))
        print(f"{name} actor and critic: {parameters[name]:,} parameters")
        print(f"  logits {tuple(logits.shape)}, values {tuple(values.shape)}")
        for state, pi, value in zip(states[:3], probabilities, values, strict=False):
            print(
                f"  s = {np.round(state.numpy(), 2)}: pi = {np.round(pi.detach().numpy(), 3)}, "
                f"v(s) = {value.item():+.3f}"
            )
        print(f"  actor parameters the critic's loss reaches: {touched[name]:,}")
    return Result(
        parameters=parameters,
        actor_touched_by_critic_loss=touched,
        probabilities_sum=largest_gap,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
