"""Check of exercise 3: greedy policies with ties (fixed and random tables), and sampled
values: exactly gamma^(T-1) where every episode is the same, within a few standard
errors of the exact value elsewhere, and following the seed."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import gymnasium as gym
import numpy as np
import torch
from gymnasium.envs.toy_text.frozen_lake import FrozenLakeEnv

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_dtype,
    expect_seeded,
    expect_shape,
    expect_tensor,
    get_function,
    random_cases,
)
from rlcourse.dp import solve_policy_values, value_iteration
from rlcourse.mdp import tabular_mdp

Q = torch.tensor(
    [
        [1.0, 3.0, 2.0, 0.0],  # one best action
        [5.0, 5.0, 0.0, 5.0],  # three tie
        [-2.0, -1.0, -1.0 + 1e-12, -3.0],  # a tie up to rounding
        [0.0, 0.0, 0.0, 0.0],  # all tie, as in a terminal state
        [-1.0, -1.0 + 1e-6, -5.0, -2.0],  # close, but no tie
    ],
    dtype=torch.float64,
)
EXPECTED_GREEDY = np.array(
    [
        [0.0, 1.0, 0.0, 0.0],
        [1 / 3, 1 / 3, 0.0, 1 / 3],
        [0.0, 0.5, 0.5, 0.0],
        [0.25, 0.25, 0.25, 0.25],
        [0.0, 1.0, 0.0, 0.0],
    ]
)
GAMMA, EPISODES, SEED = 0.9, 2000, 3


def lake_policy_and_answers() -> tuple[gym.Env[FrozenLakeEnv, int], np.ndarray, float, float]:
    """FrozenLake, a policy half optimal and half random, and the exact mean and standard
    error of its discounted return over EPISODES episodes.

    The only reward is +1 for reaching the goal, at step T, so G = gamma^(T-1) and
    G^2 = (gamma^2)^(T-1): E[G^2] is the value of the same policy with discount gamma^2.
    """
    env = gym.make("FrozenLake-v1", max_episode_steps=1000)
    lake = env.unwrapped
    assert isinstance(lake, FrozenLakeEnv)
    mdp = tabular_mdp(lake.P, 16, 4)
    optimal = np.eye(4)[value_iteration(mdp, GAMMA).q_values.argmax(dim=1).numpy()]
    policy = 0.5 * optimal + 0.5 * np.full((16, 4), 0.25)
    mean = float(solve_policy_values(mdp, policy, GAMMA)[0])
    second_moment = float(solve_policy_values(mdp, policy, GAMMA**2)[0])
    error = float(np.sqrt((second_moment - mean**2) / EPISODES))
    return env, policy, float(mean), error


def reference_greedy(q: np.ndarray) -> np.ndarray:
    tied = q >= q.max(axis=1, keepdims=True) - 1e-9
    return tied / tied.sum(axis=1, keepdims=True)


def check_greedy(greedy_policy: Any) -> None:
    tables = [Q.numpy(), *random_cases(43, 3, lambda rng: rng.integers(-2, 3, size=(6, 4)) / 2)]
    for number, q in enumerate(tables):
        name = "the example table" if number == 0 else f"random table {number} {q.tolist()}"
        got = expect_tensor(greedy_policy(torch.from_numpy(q.copy())), f"greedy_policy({name})")
        expect_shape(got, q.shape, f"greedy_policy({name})")
        expect_dtype(got, torch.float64, f"greedy_policy({name})")
        expect_close(
            got, reference_greedy(q), f"greedy_policy({name}): 1/k on each of k tied best actions"
        )


def sample(sampled_value: Any, *args: Any) -> tuple[float, float]:
    result = sampled_value(*args)
    try:
        mean, error = (float(x) for x in result)
    except (TypeError, ValueError):
        raise CheckFailed(
            f"sampled_value should return (mean, standard error), got {result!r}"
        ) from None
    return mean, error


def check_same_episodes(sampled_value: Any) -> None:
    """A lake without slips and an optimal deterministic policy: every episode takes the
    same 6 steps, so every return is exactly gamma^5 and the standard error is 0."""
    env = gym.make("FrozenLake-v1", is_slippery=False)
    lake = env.unwrapped
    assert isinstance(lake, FrozenLakeEnv)
    mdp = tabular_mdp(lake.P, 16, 4)
    policy = np.eye(4)[value_iteration(mdp, GAMMA).q_values.argmax(dim=1).numpy()]
    mean, error = sample(sampled_value, env, torch.from_numpy(policy), 5, GAMMA, SEED)
    what = (
        f"sampled_value on FrozenLake without slips, an optimal policy, gamma = {GAMMA}: "
        f"every episode reaches the goal in 6 steps, so each return is gamma^5 = {GAMMA**5:.6f}"
    )
    for power in (6, 4):
        if abs(mean - GAMMA**power) < 1e-9:
            raise CheckFailed(
                f"{what}; got gamma^{power} = {mean:.6f}: the discount is off by one step "
                "(G_0 = R_1 + gamma R_2 + ..., the first reward undiscounted)"
            )
    expect_close(mean, GAMMA**5, f"{what}, and their mean too", atol=1e-9)
    expect_close(error, 0.0, f"{what}; their standard error is 0", atol=1e-9)


def check(module: ModuleType) -> None:
    check_greedy(get_function(module, "greedy_policy"))
    sampled_value = get_function(module, "sampled_value")
    check_same_episodes(sampled_value)

    env, policy, exact_mean, exact_error = lake_policy_and_answers()
    # Seeding first: unseeded draws would make the statistical tests below fail at random.
    expect_seeded(
        lambda seed: sample(sampled_value, env, torch.from_numpy(policy), 50, GAMMA, seed),
        "sampled_value(FrozenLake, a half-optimal policy, 50 episodes, seed)",
    )
    mean, error = sample(sampled_value, env, torch.from_numpy(policy), EPISODES, GAMMA, SEED)
    if not abs(mean - exact_mean) <= 4 * exact_error:
        raise CheckFailed(
            f"sampled_value on FrozenLake, {EPISODES} episodes of a half-optimal policy: expected "
            f"a mean within 4 standard errors ({4 * exact_error:.4f}) of the exact value "
            f"{exact_mean:.4f}, got {mean:.4f}. Are the returns discounted, and are the "
            "actions drawn from the policy's probabilities?"
        )
    if not abs(error - exact_error) <= 0.15 * exact_error:
        raise CheckFailed(
            f"sampled_value's standard error: expected about {exact_error:.5f} "
            f"(s / sqrt(n) with n = {EPISODES}), got {error:.5f}"
        )
