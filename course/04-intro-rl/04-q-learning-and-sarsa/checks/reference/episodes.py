"""The reference episode shared by the checks of Exercise 2 (SARSA) and the Project
Exercise (Q-learning): one loop for both algorithms, right or with one of the usual
mistakes, and the comparison that names the mistake a learner's episode reproduces.

It is written independently of the library's loops, because it must also play the
mistakes. The check runner imports each check by its path, with no folder of checks on
``sys.path``, so the checks import this file by its path too.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import gymnasium as gym
import numpy as np

from coursetools.check_helpers import CheckFailed, expect_close, expect_equal
from rlcourse.agents.tabular import Algorithm, epsilon_greedy_action

# (env, q, alpha, gamma, epsilon, rng) -> (total reward, steps), updating q in place
Episode = Callable[..., Any]


@dataclass(frozen=True)
class Variant:
    """An episode of ``algorithm`` as the checks play it, right or with one mistake."""

    algorithm: Algorithm
    stop_on_truncated: bool = False  # a time limit treated as a terminal state
    stop_on_terminated: bool = True  # False: the update into the goal still bootstraps
    max_target: bool = False  # SARSA bootstrapping from max_a' Q(s', a')
    redraw_action: bool = False  # SARSA playing a fresh draw instead of its a'
    greedy_only: bool = False  # argmax actions, no exploration


def reference_episode(
    env: gym.Env[Any, Any],
    q: np.ndarray,
    alpha: float,
    gamma: float,
    epsilon: float,
    rng: np.random.Generator,
    variant: Variant,
) -> tuple[float, int]:
    """One episode of ``variant``, updating ``q`` in place; returns (total reward, steps)."""

    def choose(state: int) -> int:
        if variant.greedy_only:
            return int(np.argmax(q[state]))
        return epsilon_greedy_action(q[state], epsilon, rng)

    sarsa = variant.algorithm == "sarsa"
    state, _ = env.reset()
    action = choose(state)
    total, steps = 0.0, 0
    while True:
        next_state, reward, terminated, truncated, _ = env.step(action)
        # SARSA draws a' before its update and bootstraps from Q(s', a'); Q-learning
        # draws the next action after the update, from the updated table.
        next_action = choose(next_state) if sarsa else None
        stop = (variant.stop_on_terminated and terminated) or (
            variant.stop_on_truncated and truncated
        )
        if next_action is None or variant.max_target:
            future = q[next_state].max()
        else:
            future = q[next_state, next_action]
        target = reward if stop else reward + gamma * future
        q[state, action] += alpha * (target - q[state, action])
        total += float(reward)
        steps += 1
        if terminated or truncated:
            return total, steps
        if next_action is None or variant.redraw_action:
            next_action = choose(next_state)
        state, action = next_state, next_action


def check_episode(
    play: Callable[[Episode], tuple[np.ndarray, Any]],
    learner: Episode,
    right: Variant,
    mistakes: list[tuple[Variant, str]],
    what: str,
    name: str,
    hint: str = "",
) -> None:
    """Play the learner's episode and the reference on the same random streams (``play``
    builds the environment, the table and the generator); name the mistake it matches."""
    expected_q, (expected_total, expected_steps) = play(
        functools.partial(reference_episode, variant=right)
    )
    got_q, got = play(learner)
    if not isinstance(got, tuple) or len(got) != 2:
        raise CheckFailed(f"{name} should return (total reward, steps), got {got!r}")
    if not np.allclose(got_q, expected_q):
        for variant, explanation in mistakes:
            wrong_q, _ = play(functools.partial(reference_episode, variant=variant))
            if np.allclose(got_q, wrong_q):
                raise CheckFailed(f"{what}: {explanation}")
    expect_close(float(got[0]), expected_total, f"{what}: the total reward")
    expect_equal(int(got[1]), expected_steps, f"{what}: the number of steps")
    expect_close(got_q, expected_q, f"{what}: the Q-table afterwards{hint}")
