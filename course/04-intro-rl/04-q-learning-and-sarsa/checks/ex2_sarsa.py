"""Check of exercise 2: the SARSA update on hand-computed transitions and random ones,
then whole episodes against a reference (checks/reference/episodes.py), naming the usual
mistakes when one matches."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import gymnasium as gym
import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    get_function,
    random_cases,
)
from coursetools.file_import import import_file
from rlcourse.envs import GRIDWORLD_ID

# The reference episode is shared with the Project Exercise's check. Checks are imported
# by their path, with no folder of checks on sys.path, so it is imported by its path too.
if TYPE_CHECKING:
    from reference import episodes as reference
else:
    reference = import_file(Path(__file__).parent / "reference" / "episodes.py")
Variant = reference.Variant

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


def check_random_updates(sarsa_update: Callable[..., Any]) -> None:
    def case(rng: np.random.Generator) -> tuple[Any, ...]:
        s, a, s2, a2 = (int(x) for x in rng.integers(0, 3, size=4))
        return s, a, float(rng.normal()), s2, a2, bool(rng.random() < 0.3)

    for state, action, reward, next_state, next_action, terminated in random_cases(45, 6, case):
        q = np.random.default_rng(state + 7).normal(size=(3, 3))
        expected = q.copy()
        future = 0.0 if terminated else 0.9 * expected[next_state, next_action]
        td_error = reward + future - expected[state, action]
        expected[state, action] += 0.3 * td_error
        call = (
            f"sarsa_update(q, {state}, {action}, {reward:.3f}, {next_state}, {next_action}, "
            f"{terminated}, alpha=0.3, gamma=0.9)"
        )
        got = sarsa_update(q, state, action, reward, next_state, next_action, terminated, 0.3, 0.9)
        expect_close(q, expected, f"q after {call}")
        expect_close(float(got), td_error, f"the TD error returned by {call} (before the update)")


MISTAKES = [
    (
        Variant("sarsa", stop_on_truncated=True),
        "the last update of an episode cut by the time limit used no future value: a "
        "time-limit truncation is not a terminal state, so pass `terminated` (not "
        "`terminated or truncated`) to sarsa_update",
    ),
    (
        Variant("sarsa", stop_on_terminated=False),
        "the update into the goal added a future value: pass `terminated` to sarsa_update",
    ),
    (
        Variant("sarsa", max_target=True),
        "the updates bootstrapped from max_a' Q(s', a') (Q-learning), not Q(s', a')",
    ),
    (
        Variant("sarsa", redraw_action=True),
        "the action taken in s' was drawn again instead of being the next_action used in the "
        "update: choose it once, then step with it",
    ),
]


def play(episode: Callable[..., Any], seed: int) -> tuple[np.ndarray, Any]:
    env = gym.make(GRIDWORLD_ID, layout=LAYOUT, max_episode_steps=30)
    env.reset(seed=5)
    q = np.random.default_rng(11).normal(size=(9, 4))  # no ties
    outcome = episode(env, q, 0.5, 0.9, 0.3, np.random.default_rng(seed))
    return q, outcome


def check_sarsa_episode(sarsa_episode: Callable[..., Any], seed: int, what: str) -> None:
    reference.check_episode(
        functools.partial(play, seed=seed),
        sarsa_episode,
        Variant("sarsa"),
        MISTAKES,
        what,
        "sarsa_episode",
        hint=" (every action from epsilon_greedy_action(q[s], epsilon, rng), the next one "
        "chosen before each update)",
    )


def check(module: ModuleType) -> None:
    check_update(get_function(module, "sarsa_update"))
    check_random_updates(get_function(module, "sarsa_update"))
    sarsa_episode = get_function(module, "sarsa_episode")
    check_sarsa_episode(sarsa_episode, 2030, "an episode that reaches the goal in 15 steps")
    check_sarsa_episode(sarsa_episode, 2021, "an episode cut by the 30-step time limit")
