"""Check of the project: exact and sampled evaluation of deterministic policies on Taxi-v4.

The exact answers come from rlcourse.dp.evaluate_policy, which computes them another way
(a backward recursion over the steps left, on the whole state space at once).
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import gymnasium as gym
import numpy as np
import torch
from gymnasium.envs.toy_text.taxi import TaxiEnv

from coursetools.check_helpers import CheckFailed, expect_close, expect_true, get_function
from rlcourse.dp import evaluate_policy, value_iteration
from rlcourse.envs.gridworld import GridWorldEnv
from rlcourse.mdp import deterministic_policy, tabular_mdp


def taxi() -> tuple[gym.Env[Any, Any], TaxiEnv]:
    env = gym.make("Taxi-v4")
    inner = env.unwrapped
    if not isinstance(inner, TaxiEnv):
        raise CheckFailed("gym.make('Taxi-v4') did not build a TaxiEnv")
    return env, inner


def pair(value: object, what: str) -> tuple[float, float]:
    if not isinstance(value, tuple) or len(value) != 2:
        raise CheckFailed(f"{what} should return a tuple (return, length), got {value!r}")
    return float(value[0]), float(value[1])


def check_exact(exact: Callable[..., Any]) -> np.ndarray:
    _, model = taxi()
    mdp = tabular_mdp(model.P, 500, 6)
    start = model.initial_state_distrib
    optimal = value_iteration(mdp, gamma=1.0).q_values.argmax(dim=1).numpy()
    policies = {
        "an optimal policy": optimal,
        "always south (never ends)": np.zeros(500, dtype=np.int64),
        "a random deterministic policy": np.random.default_rng(0).integers(0, 6, size=500),
    }
    for name, actions in policies.items():
        for max_steps in (200, 10):
            reference = evaluate_policy(mdp, deterministic_policy(actions, 6), start, max_steps)
            what = f"exact_greedy_evaluation on Taxi with {name}, max_steps={max_steps}"
            got_return, got_length = pair(exact(model.P, start, actions, max_steps), what)
            expect_close(got_return, reference.expected_return, f"{what}: expected return")
            expect_close(got_length, reference.expected_length, f"{what}: expected length")

    slippery = GridWorldEnv(slip_probability=0.2)
    try:
        exact(slippery.P, slippery.initial_state_distrib, np.ones(40, dtype=np.int64), 50)
    except ValueError:
        pass
    else:
        raise CheckFailed(
            "exact_greedy_evaluation on a slippery gridworld: expected a ValueError "
            "(walking one path is exact only when every transition has one outcome)"
        )
    return optimal


def check_sampled(sampled: Callable[..., Any], optimal: np.ndarray) -> None:
    env, _ = taxi()
    what = "sampled_greedy_evaluation(Taxi, optimal actions, 500 episodes)"
    got_return, got_length = pair(sampled(env, optimal, 500, 3), what)
    # Exact values of an optimal policy: return 7.93, length 13.07; 500 episodes estimate
    # them to within about 0.15 (one standard error), so 0.5 is a generous margin.
    expect_close(got_length, 13.07, f"{what}: mean length", atol=0.5, rtol=0.0)
    expect_close(got_return, 7.93, f"{what}: mean return", atol=0.5, rtol=0.0)

    short = gym.make("Taxi-v4", max_episode_steps=30)
    what = "sampled_greedy_evaluation(Taxi with a 30-step limit, always south, 5 episodes)"
    got_return, got_length = pair(sampled(short, np.zeros(500, dtype=np.int64), 5, 0), what)
    expect_true(
        got_length == 30.0 and got_return == -30.0,
        f"{what}: expected (return -30, length 30): every episode runs into the time limit "
        f"(truncated), got ({got_return}, {got_length})",
    )


def check(module: ModuleType) -> None:
    torch.set_num_threads(1)  # 500-state dynamic programming: threads only add overhead
    optimal = check_exact(get_function(module, "exact_greedy_evaluation"))
    check_sampled(get_function(module, "sampled_greedy_evaluation"), optimal)
