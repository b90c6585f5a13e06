"""Demo 2: the library's dueling Q-network on LunarLander-v3 observations: its two heads,
how they combine, and why the mean of the advantages is subtracted."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import numpy as np
import torch
import tyro

from rlcourse.agents.dqn import QNetwork
from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    hidden_sizes: tuple[int, ...] = (128, 128)
    states: int = 3  # LunarLander observations pushed through the network
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    plain_parameters: int
    dueling_parameters: int
    mean_q_minus_value: float  # max over states of |mean_a Q(s, a) - V(s)|: 0 up to rounding
    greedy_from_advantages: bool  # argmax_a Q(s, a) = argmax_a A(s, a) in every state


def count(network: torch.nn.Module) -> int:
    return sum(parameter.numel() for parameter in network.parameters())


def lander_observations(states: int, seed: int) -> torch.Tensor:
    """``states`` observations of LunarLander-v3 under random play, shape (states, 8)."""
    env = gym.make("LunarLander-v3")
    env.action_space.seed(seed)
    observation, _ = env.reset(seed=seed)
    observations = [observation]
    while len(observations) < states:
        for _ in range(10):  # ten random steps apart, so the states differ visibly
            observation, *_ = env.step(env.action_space.sample())
        observations.append(observation)
    env.close()
    return torch.as_tensor(np.stack(observations))


def main(cfg: Config) -> Result:
    seed_everything(cfg.seed)
    plain = QNetwork(8, 4, cfg.hidden_sizes)
    dueling = QNetwork(8, 4, cfg.hidden_sizes, dueling=True)
    print(f"parameters: plain {count(plain):,}, dueling {count(dueling):,}")
    observations = lander_observations(cfg.states, cfg.seed)  # (states, 8)
    # --8<-- [start:heads]
    with torch.no_grad():
        features = dueling.layers(observations)  # (N, 128): the shared body
        value = dueling.value_head(features)  # (N, 1): V(s)
        advantages = dueling.advantage_head(features)  # (N, 4): A(s, a) before centring
        q_values = dueling(observations)  # (N, 4): V + A - mean_a A
    gap = (q_values.mean(dim=1, keepdim=True) - value).abs().max().item()
    # V(s) and the mean are the same for every action: only A decides which action is best.
    same = bool((q_values.argmax(dim=1) == advantages.argmax(dim=1)).all())
    # --8<-- [end:heads]
    np.set_printoptions(precision=3, suppress=True)
    for i in range(cfg.states):
        print(
            f"state {i}: V = {value[i, 0].item():7.3f}  A = {advantages[i].numpy()}  "
            f"Q = {q_values[i].numpy()}"
        )
    print(f"largest |mean_a Q(s, a) - V(s)|: {gap:.1e}")
    print(f"greedy action from Q equals greedy action from A in every state: {same}")
    return Result(count(plain), count(dueling), gap, same)


if __name__ == "__main__":
    main(tyro.cli(Config))
