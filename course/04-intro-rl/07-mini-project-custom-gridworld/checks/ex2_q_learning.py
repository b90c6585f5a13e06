"""Check of exercise 2: counted step sizes on hand-made transitions, then whole episodes."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import gymnasium as gym
import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_true,
    get_function,
)
from rlcourse.envs import GRIDWORLD_ID
from rlcourse.envs.gridworld import RIGHT


def check_update(update: Callable[..., Any]) -> None:
    # power 1: alpha = 1/n, so Q(s, a) becomes the plain average of the terminal rewards.
    q, counts = np.zeros((3, 2)), np.zeros((3, 2))
    for reward in (2.0, 4.0, 9.0):
        update(q, counts, 0, 1, reward, 2, True, 0.9, 1.0)
    if np.isclose(q[0, 1], 6.5):  # alphas 1, 1, 1/2: each visit counted one update late
        raise CheckFailed(
            "Q(0, 1) after terminal rewards 2, 4, 9 with power=1: got 6.5, the step sizes "
            "1, 1, 1/2: count the visit first, then alpha = n ** -power (1, 1/2, 1/3)"
        )
    expect_close(q[0, 1], 5.0, "Q(0, 1) after terminal rewards 2, 4, 9 with power=1 (their mean)")
    expect_equal(counts[0, 1], 3.0, "counts[0, 1] after three updates of that pair")
    expect_equal(float(counts.sum()), 3.0, "sum of counts (only the updated pair may change)")

    # A non-terminal step bootstraps from max_a' Q(s', a'); the TD error is measured first.
    q = np.array([[0.0, 0.0], [1.0, 3.0], [0.0, 0.0]])
    counts = np.zeros((3, 2))
    counts[0, 0] = 3.0  # this will be the 4th visit: alpha = 4 ** -0.5 = 0.5
    td_error = update(q, counts, 0, 0, -1.0, 1, False, 0.5, 0.5)
    expect_close(td_error, -1.0 + 0.5 * 3.0, "TD error of r=-1, gamma=0.5, max Q(s', .)=3")
    expect_close(q[0, 0], 0.5 * 0.5, "Q(0, 0) after that update (4th visit, power 0.5)")
    expect_equal(counts[0, 0], 4.0, "counts[0, 0] after the 4th visit")
    expect_close(q[1], np.array([1.0, 3.0]), "Q(s', .), which the update must not change")

    # terminated=True: no future value, whatever Q(s', .) holds.
    q = np.array([[0.0, 0.0], [10.0, 10.0], [0.0, 0.0]])
    td_error = update(q, np.zeros((3, 2)), 0, 1, 1.0, 1, True, 1.0, 0.6)
    expect_close(td_error, 1.0, "TD error of a terminating step with reward 1")
    expect_close(q[0, 1], 1.0, "Q(0, 1) after the first (alpha = 1) terminating update")


class Recorder(gym.Wrapper[Any, Any, Any, Any]):
    """Logs every transition (state, action, reward, next state, terminated, truncated)."""

    def __init__(self, env: gym.Env[Any, Any]) -> None:
        super().__init__(env)
        self.state = 0
        self.log: list[tuple[int, int, float, int, bool, bool]] = []

    def reset(self, **kwargs: Any) -> tuple[Any, dict[str, Any]]:
        self.state, info = self.env.reset(**kwargs)
        return self.state, info

    def step(self, action: Any) -> tuple[Any, float, bool, bool, dict[str, Any]]:
        next_state, reward, terminated, truncated, info = self.env.step(action)
        self.log.append((self.state, int(action), float(reward), next_state, terminated, truncated))
        self.state = next_state
        return next_state, float(reward), terminated, truncated, info


def replay(
    log: list[tuple[int, int, float, int, bool, bool]], gamma: float, power: float, start: float
) -> tuple[np.ndarray, np.ndarray]:
    """Q and counts that counted Q-learning must reach after the logged transitions,
    from a table filled with ``start``."""
    q, counts = np.full((3, 4), start), np.zeros((3, 4))
    for state, action, reward, next_state, terminated, _ in log:
        counts[state, action] += 1
        target = reward + (0.0 if terminated else gamma * q[next_state].max())
        q[state, action] += counts[state, action] ** -power * (target - q[state, action])
    return q, counts


def check_episodes(run_episode: Callable[..., Any]) -> None:
    # S . G: every episode that reaches G returns -(steps - 1) (goal_reward 0, step cost 1).
    env = Recorder(gym.make(GRIDWORLD_ID, layout=("S.G",), max_episode_steps=30))
    env.reset(seed=0)
    q, counts = np.zeros((3, 4)), np.zeros((3, 4))
    rng = np.random.default_rng(0)
    for episode in range(60):
        start = len(env.log)
        total, steps = run_episode(env, q, counts, 0.9, 0.2, 0.6, rng)
        episode_log = env.log[start:]
        expect_equal(steps, len(episode_log), f"steps returned for episode {episode}")
        expect_close(total, sum(r for _, _, r, *_ in episode_log), f"return of episode {episode}")
        _, _, _, _, terminated, truncated = episode_log[-1]
        expect_true(terminated or truncated, f"episode {episode} stopped before its end")
    expected_q, expected_counts = replay(env.log, 0.9, 0.6, start=0.0)
    expect_close(counts, expected_counts, "counts after 60 episodes (from the transitions played)")
    expect_close(q, expected_q, "Q after 60 episodes, replayed from the transitions played")
    expect_equal(int(np.argmax(q[0])), RIGHT, "greedy action at the start after 60 episodes")

    # S # G: the goal is walled off, so only the time limit ends the episode. That is a
    # truncation, not a termination: every update, the last one included, bootstraps.
    env = Recorder(gym.make(GRIDWORLD_ID, layout=("S#G",), max_episode_steps=5))
    env.reset(seed=0)
    q, counts = np.full((3, 4), -2.0), np.zeros((3, 4))  # so that max Q(s', .) is not 0
    total, steps = run_episode(env, q, counts, 1.0, 1.0, 1.0, np.random.default_rng(1))
    expect_equal(steps, 5, "steps of an episode cut by a 5-step time limit")
    expect_close(total, -5.0, "return of those 5 steps (step cost 1)")
    expected_q, _ = replay(env.log, 1.0, 1.0, start=-2.0)
    if not np.allclose(q, expected_q):
        raise CheckFailed(
            f"Q after a truncated episode: expected {expected_q[0]} in the start row, got "
            f"{q[0]}; a time limit is not a terminal state, so keep bootstrapping"
        )


def check(module: ModuleType) -> None:
    check_update(get_function(module, "counted_update"))
    check_episodes(get_function(module, "run_episode"))
