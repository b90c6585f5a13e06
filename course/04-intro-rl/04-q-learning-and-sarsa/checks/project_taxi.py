"""Check of the project: your Q-learning episode against the reference of
checks/reference/episodes.py on the same random streams (one episode reaching the goal,
one cut by a time limit), then your training loop against the library's `train` for two
seeds, with the library's Q-learning out of reach."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import gymnasium as gym
import numpy as np
from gymnasium.envs.toy_text.taxi import TaxiEnv

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_dtype,
    expect_shape,
    expect_type,
    forbidden,
    get_function,
)
from coursetools.file_import import import_file
from rlcourse.agents.tabular import train
from rlcourse.dp import value_iteration
from rlcourse.mdp import tabular_mdp
from rlcourse.schedules import LinearSchedule

# The reference episode is shared with Exercise 2's check. Checks are imported by their
# path, with no folder of checks on sys.path, so it is imported by its path too.
if TYPE_CHECKING:
    from reference import episodes as reference
else:
    reference = import_file(Path(__file__).parent / "reference" / "episodes.py")
Variant = reference.Variant

LIBRARY_LOOP = {
    f"rlcourse.agents.tabular.{name}": "write the Q-learning loop and its update yourself"
    for name in ("q_learning_episode", "q_learning_update", "train")
}

MISTAKES = [
    (
        Variant("q_learning", stop_on_truncated=True),
        "the last update of the episode cut by the time limit used no future value: a "
        "time-limit truncation is not a terminal state, only `terminated` removes gamma * "
        "max_a' q[s', a']",
    ),
    (
        Variant("q_learning", stop_on_terminated=False),
        "the update into the goal added a future value: after a terminated step the target "
        "is the reward alone",
    ),
    (
        Variant("q_learning", greedy_only=True),
        "the actions were always greedy: choose each one with "
        "epsilon_greedy_action(q[s], epsilon, rng)",
    ),
]


def near_optimal_q() -> np.ndarray:
    """Taxi's optimal action values plus a little noise (no ties): episodes end soon."""
    taxi = gym.make("Taxi-v4").unwrapped
    if not isinstance(taxi, TaxiEnv):
        raise CheckFailed("gym.make('Taxi-v4') did not build a TaxiEnv")
    q = value_iteration(tabular_mdp(taxi.P, 500, 6), gamma=0.99).q_values.numpy()
    return q + np.random.default_rng(48).normal(scale=1e-3, size=q.shape)


def play(
    episode: Callable[..., Any], start_q: np.ndarray, time_limit: int
) -> tuple[np.ndarray, Any]:
    env = gym.make("Taxi-v4", max_episode_steps=time_limit)
    env.reset(seed=4)
    real_reset = env.reset

    def reset(**kwargs: Any) -> Any:
        if kwargs.get("seed") is not None:
            raise CheckFailed(
                "q_learning_episode reset the environment with a seed: call env.reset() "
                "without one, so that every episode starts somewhere new (the training "
                "loop seeds once, before the first episode)"
            )
        return real_reset(**kwargs)

    env.reset = reset  # the episode's own reset must continue the seeded stream
    q = start_q.copy()
    outcome = episode(env, q, 0.5, 0.9, 0.1, np.random.default_rng(7))
    return q, outcome


def check_episode(module: ModuleType, start_q: np.ndarray, time_limit: int, what: str) -> None:
    q_learning_episode = get_function(module, "q_learning_episode")

    def learner(*args: Any) -> Any:
        with forbidden(LIBRARY_LOOP, module):
            return q_learning_episode(*args)

    reference.check_episode(
        functools.partial(play, start_q=start_q, time_limit=time_limit),
        learner,
        Variant("q_learning"),
        MISTAKES,
        what,
        "q_learning_episode",
    )


def check_training(module: ModuleType) -> None:
    train_q_learning = get_function(module, "train_q_learning")
    episodes, schedule = 25, LinearSchedule(1.0, 0.1, 20)
    for seed in (1, 2):
        call = f"train_q_learning(Taxi-v4, {episodes} episodes, alpha=0.5, gamma=0.9, seed={seed})"
        with forbidden(LIBRARY_LOOP, module):
            result = train_q_learning(gym.make("Taxi-v4"), episodes, 0.5, 0.9, schedule, seed)
        if not isinstance(result, tuple) or len(result) != 2:
            raise CheckFailed(f"{call} should return (q, episode lengths), got {result!r}")
        q, lengths = result
        q = expect_type(q, np.ndarray, f"{call}: q")
        expect_shape(q, (500, 6), f"{call}: q")
        expect_dtype(q, np.float64, f"{call}: q")
        expected_q, history = train(
            gym.make("Taxi-v4"), "q_learning", episodes, 0.5, 0.9, schedule, seed, progress=False
        )
        got_lengths = [int(length) for length in lengths]
        if got_lengths != history.lengths:
            raise CheckFailed(
                f"{call}: episode lengths {got_lengths[:8]}... differ from the library's "
                f"train with the same seed {history.lengths[:8]}...: seed env.reset, the "
                "action space and one generator once, before the first episode, and give "
                "episode i epsilon(i)"
            )
        expect_close(q, expected_q, f"{call}: the Q-table")


def check(module: ModuleType) -> None:
    get_function(module, "q_learning_episode")
    check_episode(module, near_optimal_q(), 200, "an episode that reaches the goal")
    random_q = np.random.default_rng(49).normal(size=(500, 6))
    check_episode(module, random_q, 15, "an episode cut by a 15-step time limit")
    check_training(module)
