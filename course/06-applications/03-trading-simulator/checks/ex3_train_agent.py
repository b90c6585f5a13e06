"""Check of exercise 3 of Part 6.3: final_value plays the path its seed draws; train_and_
evaluate trains once per seed with the settings it is given, scores each network on the
held-out paths HELD_OUT + i, and summarises with the sample standard error over seeds."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

import gymnasium as gym
import numpy as np
import torch
from torch import nn

from coursetools.check_helpers import expect_close, expect_equal, expect_true, get_function
from rlcourse.agents.dqn import DQNConfig, TrainingLog, greedy_action
from rlcourse.envs import TRADING_MEAN_REVERTING_ID

HELD_OUT = 10_000
CPU = torch.device("cpu")


def band_trader(seed: int) -> nn.Module:
    """A stand-in for a trained network whose greedy policy is a band rule that depends on the
    seed: Q = (0, -level - b, level - b) buys below -b% and sells above b%, b = 0.4 + 0.3 seed
    (level, observation[1], is 100 * log(P_t / mean))."""
    layer = nn.Linear(7, 3)
    with torch.no_grad():
        layer.weight.zero_()
        layer.weight[1, 1], layer.weight[2, 1] = -1.0, 1.0
        layer.bias.copy_(torch.tensor([0.0, -(0.4 + 0.3 * seed), -(0.4 + 0.3 * seed)]))
    return layer


@contextmanager
def fake_training(module: ModuleType) -> Iterator[list[dict[str, Any]]]:
    """Replace the module's train_dqn by one that returns band_trader(seed) at once (the check
    tests how the networks are scored, not DQN) and records each call's arguments."""
    original: Callable[..., Any] = get_function(module, "train_dqn")
    calls: list[dict[str, Any]] = []

    def train_dqn(
        config: DQNConfig, seed: int, device: torch.device, show_progress: bool = True, **_: Any
    ) -> tuple[nn.Module, TrainingLog]:
        calls.append({"config": config, "seed": seed, "network": band_trader(seed)})
        return calls[-1]["network"], TrainingLog()

    module.train_dqn = train_dqn  # type: ignore[attr-defined]
    try:
        yield calls
    finally:
        module.train_dqn = original  # type: ignore[attr-defined]


def reference_final_value(network: nn.Module, seed: int) -> float:
    env = gym.make(TRADING_MEAN_REVERTING_ID)
    observation, info = env.reset(seed=seed)
    done = False
    while not done:
        observation, _, terminated, truncated, info = env.step(
            greedy_action(network, observation, CPU)
        )
        done = terminated or truncated
    return float(info["value"])


def check_final_value(final_value: Callable[..., Any], network: nn.Module) -> None:
    for seed in (4, 11, 12):
        expect_close(
            float(final_value(network, TRADING_MEAN_REVERTING_ID, seed, CPU)),
            reference_final_value(network, seed),
            f"final_value(network, env_id, {seed}, device): the value after a greedy episode "
            "on the path that reset(seed=seed) draws",
        )


def check(module: ModuleType) -> None:
    train_and_evaluate = get_function(module, "train_and_evaluate")
    get_function(module, "final_value")
    settings = DQNConfig(env_id=TRADING_MEAN_REVERTING_ID, total_steps=1_234)
    seeds, paths = (3, 5, 8), 4
    with fake_training(module) as trained:
        per_seed, summary = train_and_evaluate(settings, seeds, paths, CPU)
    expect_equal(len(trained), len(seeds), "how many times train_dqn was called (once per seed)")
    expect_equal(
        [call["seed"] for call in trained], list(seeds), "the seeds train_dqn was given, in order"
    )
    expect_true(
        all(call["config"] == settings for call in trained),
        "train_dqn must get the settings as given (their env_id and total_steps)",
    )
    networks = [call["network"] for call in trained]
    check_final_value(get_function(module, "final_value"), networks[0])
    expected = np.array(
        [
            np.mean([reference_final_value(network, HELD_OUT + i) for i in range(paths)])
            for network in networks
        ]
    )
    expect_close(
        np.asarray(per_seed, dtype=np.float64),
        expected,
        f"the per-seed mean final values over the held-out paths HELD_OUT + i, i < {paths} "
        "(not the training seeds' paths)",
    )
    mean, error = summary
    expect_close(float(mean), float(expected.mean()), "the mean over seeds")
    population = float(expected.std() / np.sqrt(len(seeds)))
    expect_true(
        not math.isclose(float(error), population, rel_tol=1e-9) or population == 0.0,
        f"the standard error {float(error):.6f} uses the population standard deviation "
        "(ddof=0): a standard error over a few seeds uses the sample one, ddof=1",
    )
    expect_close(
        float(error),
        float(expected.std(ddof=1) / np.sqrt(len(seeds))),
        "the standard error over seeds: sample standard deviation (ddof=1) / sqrt(seeds)",
    )
