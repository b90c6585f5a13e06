"""Demo 1: a Q-network for CartPole-v1 as an nn.Module, and the shapes that flow through it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import numpy as np
import torch
import tyro

from rlcourse.agents.dqn import QNetwork, check_spaces, greedy_action
from rlcourse.devices import choose_device, describe_device
from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    hidden_sizes: tuple[int, ...] = (128, 128)
    batch_size: int = 32  # how many states to push through the network at once
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    device: str
    observation_size: int
    action_count: int
    parameter_count: int
    batch_output_shape: list[int]
    single_output_shape: list[int]


def random_play_states(env: gym.Env[np.ndarray, np.int64], count: int) -> np.ndarray:
    """``count`` observations visited by random actions, stacked into (count, 4)."""
    observations: list[np.ndarray] = []
    observation, _ = env.reset()
    while len(observations) < count:
        observations.append(observation)
        observation, _, terminated, truncated, _ = env.step(env.action_space.sample())
        if terminated or truncated:
            observation, _ = env.reset()
    return np.stack(observations)


def main(cfg: Config) -> Result:
    seed_everything(cfg.seed)
    device = choose_device()
    print(f"device: {describe_device(device)}")

    env = gym.make("CartPole-v1")
    env.action_space.seed(cfg.seed)
    observation_size, action_space = check_spaces(env)
    action_count = int(action_space.n)
    print(
        f"observation: {observation_size} numbers (cart x, cart velocity, pole angle, "
        "pole angular velocity)"
    )
    print(f"actions: {action_count} (0 = push left, 1 = push right)")

    network = QNetwork(observation_size, action_count, cfg.hidden_sizes).to(device)
    for name, parameter in network.named_parameters():
        print(f"  {name:16} {tuple(parameter.shape)!s:12} {parameter.numel():6d} numbers")
    parameter_count = sum(p.numel() for p in network.parameters())
    print(f"total parameters: {parameter_count}")

    # --8<-- [start:forward]
    # One state: the code around the network works on batches, so (4,) becomes (1, 4).
    observation, _ = env.reset(seed=cfg.seed)
    state = torch.as_tensor(observation, device=device).unsqueeze(0)
    q_single = network(state)
    print(f"\nstate {np.round(observation, 3)} -> input {tuple(state.shape)}")
    print(f"Q(s, .) = {q_single.detach().cpu().numpy().round(4)}, shape {tuple(q_single.shape)}")
    print(f"greedy action: {greedy_action(network, observation, device)}")

    # A batch of states, as a replay minibatch will be: (B, 4) -> (B, 2).
    states = torch.as_tensor(random_play_states(env, cfg.batch_size), device=device)
    q_batch = network(states)
    print(
        f"batch of states {tuple(states.shape)} -> Q-values {tuple(q_batch.shape)}, "
        f"dtype {q_batch.dtype}"
    )
    # --8<-- [end:forward]
    env.close()
    return Result(
        device=str(device),
        observation_size=observation_size,
        action_count=action_count,
        parameter_count=parameter_count,
        batch_output_shape=list(q_batch.shape),
        single_output_shape=list(q_single.shape),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
