"""Check of exercise 3: greedy policies with ties, and sampled values against exact ones."""

from __future__ import annotations

from types import ModuleType

import gymnasium as gym
import numpy as np
import torch
from gymnasium.envs.toy_text.frozen_lake import FrozenLakeEnv

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_dtype,
    expect_shape,
    expect_tensor,
    get_function,
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


def check(module: ModuleType) -> None:
    greedy_policy = get_function(module, "greedy_policy")
    sampled_value = get_function(module, "sampled_value")

    got = expect_tensor(greedy_policy(Q.clone()), "greedy_policy(q)")
    expect_shape(got, (5, 4), "greedy_policy(q)")
    expect_dtype(got, torch.float64, "greedy_policy(q)")
    expect_close(got, EXPECTED_GREEDY, "greedy_policy(q): 1/k on each of k tied best actions")

    env, policy, exact_mean, exact_error = lake_policy_and_answers()
    result = sampled_value(env, torch.from_numpy(policy), EPISODES, GAMMA, SEED)
    try:
        mean, error = (float(x) for x in result)
    except (TypeError, ValueError):
        raise CheckFailed(
            f"sampled_value should return (mean, standard error), got {result!r}"
        ) from None
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
