"""Check of exercise 2: the SARSA update on hand-computed transitions, then one episode."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import gymnasium as gym
import numpy as np

from coursetools.check_helpers import CheckFailed, expect_close, expect_equal, get_function
from rlcourse.agents.tabular import epsilon_greedy_action
from rlcourse.envs import GRIDWORLD_ID

LAYOUT = ("S..", ".#T", "..G")


def check_update(sarsa_update: Callable[..., Any]) -> None:
    # q[1] = [2, -1]: Q-learning would bootstrap from 2 (the max), SARSA from q[1, 1] = -1.
    q = np.array([[0.0, 0.0], [2.0, -1.0], [0.5, 0.25]])
    before = q.copy()
    td = sarsa_update(q, 0, 1, -1.0, 1, 1, False, 0.5, 0.9)
    # target = -1 + 0.9 * (-1) = -1.9; TD error = -1.9 - 0 = -1.9; new value = 0 + 0.5 * -1.9
    if np.isclose(q[0, 1], 0.4):
        raise CheckFailed(
            "sarsa_update(q, s=0, a=1, r=-1, s'=1, a'=1, ...): Q[0, 1] became 0.4, which is "
            "Q-learning's max_a' Q(s', a'); SARSA bootstraps from Q(s', a') for the given a'"
        )
    expect_close(q[0, 1], -0.95, "Q[0, 1] after sarsa_update(q, 0, 1, -1.0, 1, 1, False, 0.5, 0.9)")
    expect_close(float(td), -1.9, "the TD error returned by that update")
    changed = np.argwhere(~np.isclose(q, before)).tolist()
    expect_equal(changed, [[0, 1]], "the entries of q that the update changed")

    # A terminal next state: the target is the reward alone.
    q = np.array([[1.0, 0.0], [2.0, -1.0], [0.5, 0.25]])
    td = sarsa_update(q, 2, 0, 3.0, 1, 0, True, 0.25, 0.9)
    # target = 3; TD error = 3 - 0.5 = 2.5; new value = 0.5 + 0.25 * 2.5 = 1.125
    expect_close(q[2, 0], 1.125, "Q[2, 0] after a terminal transition (reward 3, alpha 0.25)")
    expect_close(float(td), 2.5, "the TD error of the terminal transition")

    # Discounting and a positive TD error.
    q = np.array([[1.0, 0.0], [2.0, -1.0], [0.5, 0.25]])
    sarsa_update(q, 0, 0, 0.5, 2, 1, False, 0.1, 0.8)
    # target = 0.5 + 0.8 * 0.25 = 0.7; new value = 1 + 0.1 * (0.7 - 1) = 0.97
    expect_close(q[0, 0], 0.97, "Q[0, 0] after sarsa_update(q, 0, 0, 0.5, 2, 1, False, 0.1, 0.8)")


def reference_episode(
    env: gym.Env[Any, Any],
    q: np.ndarray,
    alpha: float,
    gamma: float,
    epsilon: float,
    rng: np.random.Generator,
) -> tuple[float, int]:
    """SARSA written out once more, independently of the learner's file."""
    state, _ = env.reset()
    action = epsilon_greedy_action(q[state], epsilon, rng)
    total, steps = 0.0, 0
    while True:
        next_state, reward, terminated, truncated, _ = env.step(action)
        next_action = epsilon_greedy_action(q[next_state], epsilon, rng)
        target = reward if terminated else reward + gamma * q[next_state, next_action]
        q[state, action] += alpha * (target - q[state, action])
        total += float(reward)
        steps += 1
        if terminated or truncated:
            return total, steps
        state, action = next_state, next_action


def check_episode(sarsa_episode: Callable[..., Any], rng_seed: int, what: str) -> None:
    initial = np.random.default_rng(11).normal(size=(9, 4))  # no ties
    results = []
    for play in (reference_episode, sarsa_episode):
        env = gym.make(GRIDWORLD_ID, layout=LAYOUT, max_episode_steps=30)
        env.reset(seed=5)
        q = initial.copy()
        outcome = play(env, q, 0.5, 0.9, 0.3, np.random.default_rng(rng_seed))
        results.append((q, outcome))
    (expected_q, expected_outcome), (got_q, got_outcome) = results
    if not isinstance(got_outcome, tuple) or len(got_outcome) != 2:
        raise CheckFailed(f"sarsa_episode should return (total reward, steps), got {got_outcome!r}")
    expect_close(float(got_outcome[0]), expected_outcome[0], f"{what}: the total reward")
    expect_equal(int(got_outcome[1]), expected_outcome[1], f"{what}: the number of steps")
    expect_close(
        got_q,
        expected_q,
        f"{what}: the Q-table afterwards (every action from "
        "epsilon_greedy_action(q[s], epsilon, rng), the next one chosen before each update)",
    )


def check(module: ModuleType) -> None:
    check_update(get_function(module, "sarsa_update"))
    sarsa_episode = get_function(module, "sarsa_episode")
    check_episode(sarsa_episode, 2030, "an episode that reaches the goal in 15 steps")
    check_episode(sarsa_episode, 2021, "an episode cut by the 30-step time limit")
