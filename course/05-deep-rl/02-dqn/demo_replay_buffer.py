"""Demo 2: the replay buffer filled by random play, wrapping around, then sampled."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import tyro

from rlcourse.agents.dqn import check_spaces
from rlcourse.agents.replay import ReplayBuffer
from rlcourse.devices import choose_device
from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    capacity: int = 1_000
    steps: int = 2_500  # more steps than slots, so the buffer wraps around
    time_limit: int = 30  # a short time limit, so that some episodes end truncated
    batch_size: int = 64
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    stored: int
    next_position: int
    episodes: int
    terminated_episodes: int
    truncated_episodes: int
    stored_terminated: int
    stored_truncated: int
    batch_observation_shape: list[int]
    batch_terminated_fraction: float


def main(cfg: Config) -> Result:
    seed_everything(cfg.seed)
    device = choose_device()
    env = gym.make("CartPole-v1", max_episode_steps=cfg.time_limit)
    observation_size, action_space = check_spaces(env)
    action_space.seed(cfg.seed)
    # --8<-- [start:fill]
    buffer = ReplayBuffer(cfg.capacity, (observation_size,), seed=cfg.seed, device=device)

    ends = {"terminated": 0, "truncated": 0}
    observation, _ = env.reset(seed=cfg.seed)
    for _ in range(cfg.steps):
        action = int(action_space.sample())
        next_observation, reward, terminated, truncated, _ = env.step(action)
        buffer.add(observation, action, float(reward), next_observation, terminated, truncated)
        observation = next_observation
        if terminated or truncated:
            ends["terminated" if terminated else "truncated"] += 1
            observation, _ = env.reset()
    env.close()
    # --8<-- [end:fill]

    print(f"{cfg.steps} random steps into {cfg.capacity} slots on {device}")
    print(
        f"episodes: {ends['terminated']} terminated (pole fell or cart left the track), "
        f"{ends['truncated']} truncated (time limit of {cfg.time_limit} steps)"
    )
    print(
        f"stored: {len(buffer)}, next write goes to slot {buffer.position} "
        f"(the oldest of the stored transitions)"
    )
    stored_terminated = int(buffer.terminated.sum())
    stored_truncated = int(buffer.truncated.sum())
    print(
        f"flags among stored transitions: terminated {stored_terminated}, "
        f"truncated {stored_truncated}"
    )

    batch = buffer.sample(cfg.batch_size)
    print(f"\nminibatch of {cfg.batch_size}:")
    for field in dataclasses.fields(batch):
        tensor = getattr(batch, field.name)
        print(f"  {field.name:18} shape {tuple(tensor.shape)!s:8} dtype {tensor.dtype}")
    print(
        f"  rows with terminated = 1: {int(batch.terminated.sum())}, "
        f"with truncated = 1: {int(batch.truncated.sum())}"
    )
    return Result(
        stored=len(buffer),
        next_position=buffer.position,
        episodes=ends["terminated"] + ends["truncated"],
        terminated_episodes=ends["terminated"],
        truncated_episodes=ends["truncated"],
        stored_terminated=stored_terminated,
        stored_truncated=stored_truncated,
        batch_observation_shape=list(batch.observations.shape),
        batch_terminated_fraction=float(batch.terminated.mean()),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
