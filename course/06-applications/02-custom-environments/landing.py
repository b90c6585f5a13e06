"""What Demos 3 and 4 of Part 6.2 share: the DQN settings for the lander, one seeded
training run kept on disk (so that Demo 4 analyses the networks Demo 3 trained), and the
physics of the best possible landing, to measure the learned one against."""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import numpy as np
import torch

import lander
from rlcourse.agents.dqn import (
    DQNConfig,
    QNetwork,
    load_q_network,
    save_q_network,
    train_dqn,
)

# --8<-- [start:settings]
# Part 5.3's small-budget DQN, on the lander: 20,000 steps (about 500 landings), one update
# of 64 transitions every 4 steps, epsilon decaying over the first 30% of the run.
SETTINGS = DQNConfig(
    env_id=lander.register_lander(),  # train_dqn makes the env by its registered id
    total_steps=20_000,
    hidden_sizes=(64, 64),
    batch_size=64,
    buffer_size=20_000,
    train_every=4,
    target_update_every=100,
    exploration_fraction=0.3,
)
# --8<-- [end:settings]
EVAL_SEED_OFFSET = 10_000  # held-out starts: training resets never use these seeds
NET_ACCELERATION = lander.THRUST - lander.GRAVITY  # m/s^2 upwards while braking


@dataclass(frozen=True)
class TrainedLander:
    network: QNetwork
    episode_returns: list[float]  # one per training episode
    episode_end_steps: list[int]  # the environment step at which each ended
    training_seconds: float


def trained_lander(
    config: DQNConfig, seed: int, out_dir: Path, device: torch.device
) -> TrainedLander:
    """Train DQN on the lander with ``seed``, or read back the run an earlier demo saved in
    ``out_dir/runs/seed<k>`` with the same config."""
    directory = out_dir / "runs" / f"seed{seed}"
    key = json.loads(json.dumps({"config": dataclasses.asdict(config), "seed": seed}))
    saved = directory / "log.json"
    observation_size, action_count = 3, 2
    if saved.exists() and (stored := json.loads(saved.read_text()))["key"] == key:
        network = load_q_network(
            directory / "q_network.pt",
            observation_size,
            action_count,
            config.hidden_sizes,
            device,
        )
        return TrainedLander(
            network, stored["returns"], stored["end_steps"], stored["training_seconds"]
        )
    network, log = train_dqn(config, seed, device)
    save_q_network(network, directory / "q_network.pt")
    record = {
        "key": key,
        "returns": log.episode_returns,
        "end_steps": log.episode_end_steps,
        "training_seconds": log.seconds,
    }
    saved.write_text(json.dumps(record))
    return TrainedLander(network, log.episode_returns, log.episode_end_steps, log.seconds)


@dataclass(frozen=True)
class Flight:
    """One episode, step by step, and how it ended."""

    heights: list[float]  # m: at the start, then after each step
    velocities: list[float]  # m/s, the same times
    fuel: list[float]  # seconds of burn left, the same times
    actions: list[int]  # the policy's choice at each step
    outcome: str  # landed, crashed, or out of time (the 400-step limit)
    episode_return: float
    touchdown_speed: float  # m/s; nan when the lander never touched down

    @property
    def fuel_used(self) -> float:
        """Seconds of burn: an empty tank ignores action 1, so count fuel, not actions."""
        return self.fuel[0] - self.fuel[-1]


def fly(policy: Callable[[np.ndarray], int], seed: int) -> Flight:
    """Play one episode of the registered lander from the start that ``seed`` draws."""
    env = gym.make(lander.register_lander())
    observation, _ = env.reset(seed=seed)
    trace = [observation]
    actions: list[int] = []
    total, done, info = 0.0, False, {}
    while not done:
        actions.append(policy(observation))
        observation, reward, terminated, truncated, info = env.step(actions[-1])
        trace.append(observation)
        total += float(reward)
        done = terminated or truncated
    env.close()
    heights, velocities, fuel = (np.array(trace, dtype=np.float64).T).tolist()
    return Flight(
        heights,
        velocities,
        fuel,
        actions,
        info.get("outcome", "out of time"),
        total,
        info.get("touchdown_speed", math.nan),
    )


# --8<-- [start:physics]
def latest_burn_height(speed: float) -> float:
    """The lowest height from which full thrust still slows a fall at ``speed`` to
    SAFE_SPEED by the ground: v^2 - v_safe^2 = 2 (T - g) h, solved for h."""
    return (speed**2 - lander.SAFE_SPEED**2) / (2 * NET_ACCELERATION)


def minimum_fuel(height: float, velocity: float) -> float:
    """Seconds of burn of the best landing from (height, velocity): fall freely, then brake
    at full thrust from the latest burn height. The speed v_b at which braking starts
    satisfies both v_b^2 = v_0^2 + 2 g (h_0 - h_b) and h_b = latest_burn_height(v_b)."""
    g, a = lander.GRAVITY, NET_ACCELERATION
    brake_speed_sq = (a * (velocity**2 + 2 * g * height) + g * lander.SAFE_SPEED**2) / (a + g)
    return max(math.sqrt(brake_speed_sq) - lander.SAFE_SPEED, 0.0) / a


# --8<-- [end:physics]
