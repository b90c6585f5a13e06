"""What Demos 2 to 4 of Part 6.3 share: the strategies a trained agent is measured against,
one episode played to the end with its portfolio values, the DQN settings, and one seeded
training run kept on disk (so that Demo 4 plots the networks Demo 3 trained)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from rlcourse.agents.dqn import (
    DQNConfig,
    QNetwork,
    greedy_action,
    load_q_network,
    save_q_network,
    train_dqn,
)
from rlcourse.envs import TRADING_ID, TRADING_MEAN_REVERTING_ID
from rlcourse.envs.trading import BUY, HOLD, SELL, Process, TradingEnv

Policy = Callable[[np.ndarray], int]  # observation -> action (0 hold, 1 buy, 2 sell)
HELD_OUT = 10_000  # held-out price paths: path i is reset(seed=HELD_OUT + i), never trained on
ENV_IDS: dict[Process, str] = {
    "random_walk": TRADING_ID,
    "mean_reverting": TRADING_MEAN_REVERTING_ID,
}


# --8<-- [start:strategies]
def random_policy(seed: int) -> Policy:
    """Hold, buy or sell with probability 1/3 each, from its own seeded generator."""
    rng = np.random.default_rng(seed)
    return lambda observation: int(rng.integers(3))


def buy_and_hold(observation: np.ndarray) -> int:
    """Buy at the first step; buying again while invested changes nothing and costs nothing."""
    return BUY


def threshold_rule(observation: np.ndarray) -> int:
    """Buy when the price is 1% below its long-run mean, sell once it is back above it.
    observation[1] is 100 * log(P_t / mean price), in percent."""
    level = float(observation[1])
    if level < -1.0:
        return BUY
    if level > 0.0:
        return SELL
    return HOLD


# --8<-- [end:strategies]


def agent_policy(network: QNetwork) -> Policy:
    device = next(network.parameters()).device
    return lambda observation: greedy_action(network, observation, device)


@dataclass(frozen=True)
class Episode:
    values: np.ndarray  # (steps + 1,) portfolio value after each step, starting at 1.0
    prices: np.ndarray  # (steps + 1,) the price path
    positions: np.ndarray  # (steps,) 1 where the step was spent invested, 0 in cash
    trades: int  # steps at which the position changed (each paid the cost)


def play(policy: Policy, process: Process, seed: int) -> Episode:
    """One episode of ``policy`` on the price path that ``seed`` draws."""
    env = TradingEnv(process=process)
    observation, _ = env.reset(seed=seed)
    positions: list[int] = []
    trades, done = 0, False
    while not done:
        observation, _, terminated, truncated, info = env.step(policy(observation))
        positions.append(env.position)
        trades += info["cost_paid"] > 0
        done = terminated or truncated
    return Episode(np.array(env.values), env.prices.copy(), np.array(positions), trades)


def held_out(policy: Policy, process: Process, paths: int) -> list[Episode]:
    """``policy`` on the held-out paths 0 .. paths - 1 (seeds HELD_OUT + i)."""
    return [play(policy, process, HELD_OUT + i) for i in range(paths)]


def final_values(episodes: list[Episode]) -> np.ndarray:
    return np.array([episode.values[-1] for episode in episodes])


# --8<-- [start:settings]
# Part 5.3's small-budget DQN: one update of 64 transitions every 4 steps, epsilon decaying
# over the first 30% of the run. An episode is 100 steps, so 20,000 steps see 200 price paths.
SETTINGS = DQNConfig(
    total_steps=20_000,
    hidden_sizes=(64, 64),
    batch_size=64,
    buffer_size=20_000,
    train_every=4,
    target_update_every=100,
    exploration_fraction=0.3,
)
# --8<-- [end:settings]


@dataclass(frozen=True)
class TrainedTrader:
    network: QNetwork
    episode_returns: list[float]  # one per training episode: final value - 1
    training_seconds: float


def trained_trader(
    process: Process, seed: int, total_steps: int, out_dir: Path, device: torch.device
) -> TrainedTrader:
    """Train DQN on ``process`` with ``seed``, or read back the run an earlier demo saved in
    ``out_dir/runs/<process>-seed<k>`` with the same config."""
    config = dataclasses.replace(SETTINGS, env_id=ENV_IDS[process], total_steps=total_steps)
    directory = out_dir / "runs" / f"{process}-seed{seed}"
    key = json.loads(json.dumps({"config": dataclasses.asdict(config), "seed": seed}))
    saved = directory / "log.json"
    observation_size, action_count = len(TradingEnv().observation()), 3
    if saved.exists() and (stored := json.loads(saved.read_text()))["key"] == key:
        network = load_q_network(
            directory / "q_network.pt", observation_size, action_count, config.hidden_sizes, device
        )
        return TrainedTrader(network, stored["returns"], stored["training_seconds"])
    network, log = train_dqn(config, seed, device)
    save_q_network(network, directory / "q_network.pt")
    record = {"key": key, "returns": log.episode_returns, "training_seconds": log.seconds}
    saved.write_text(json.dumps(record))
    return TrainedTrader(network, log.episode_returns, log.seconds)
