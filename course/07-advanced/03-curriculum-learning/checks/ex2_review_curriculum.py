"""Check of exercise 2: the block schedule on seeded random sizes, the review draws'
frequencies, and which environment each training episode really used."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import gymnasium as gym
import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_between,
    expect_equal,
    expect_seeded,
    expect_true,
    get_function,
    random_cases,
    recorded_calls,
)
from rlcourse.envs import GRIDWORLD_ID


def check_fixed(fixed: Callable[..., Any]) -> None:
    cases = random_cases(731, 10, lambda rng: (int(rng.integers(5, 60)), int(rng.integers(2, 6))))
    for episodes, n_tasks in [(10, 5), (7, 3), *cases]:
        got = [int(fixed(e, episodes, n_tasks)) for e in range(episodes)]
        expected = [min(n_tasks * e // episodes, n_tasks - 1) for e in range(episodes)]
        if got == expected[::-1]:
            raise CheckFailed(
                f"fixed_stage for {episodes} episodes and {n_tasks} tasks runs hardest first; a "
                "curriculum starts with the easiest task, 0"
            )
        expect_equal(
            got,
            expected,
            f"fixed_stage(e, {episodes}, {n_tasks}) for e = 0 .. {episodes - 1} "
            "(equal blocks, floor(n_tasks * e / episodes))",
        )


def check_review(review: Callable[..., Any]) -> None:
    rng = np.random.default_rng(7)
    expect_equal(
        {int(review(0, 0.9, rng)) for _ in range(50)}, {0}, "review_stage(0, ...): stage 0"
    )
    draws = np.array([int(review(4, 0.3, rng)) for _ in range(6000)])
    expect_true(bool(draws.max() <= 4 and draws.min() >= 0), "review_stage(4, ...) left 0 .. 4")
    expect_between(
        float((draws < 4).mean()),
        0.27,
        0.33,
        "share of review_stage(4, 0.3, rng) draws that go back to an earlier task (an "
        "earlier task: 0 .. stage - 1, not the current one)",
    )
    earlier = draws[draws < 4]
    for task in range(4):
        expect_between(
            float((earlier == task).mean()),
            0.2,
            0.3,
            f"share of task {task} among the reviews from stage 4 (uniform over 0 .. 3)",
        )
    expect_seeded(
        lambda seed: [
            int(review(3, 0.5, rng)) for rng in [np.random.default_rng(seed)] for _ in range(30)
        ],
        "review_stage",
    )


def corridor_envs() -> list[gym.Env[Any, Any]]:
    envs: list[gym.Env[Any, Any]] = []
    for start in (1, 3, 5):
        layout = ("G" + "." * (start - 1) + "S" + "." * (6 - start),)
        env = gym.make(
            GRIDWORLD_ID, max_episode_steps=20, layout=layout, step_cost=0.0, goal_reward=1.0
        )
        env.reset(seed=start)
        envs.append(env)
    return envs


def check_training(module: ModuleType, train: Callable[..., Any]) -> None:
    for probability in (0.0, 0.4):
        envs = corridor_envs()
        with recorded_calls(module, "q_learning_episode") as calls:
            q, played = train(envs, 30, probability, 3)
        used = [next(k for k, env in enumerate(envs) if env is call[0]) for call in calls]
        expect_equal(
            len(used), 30, f"q_learning_episode calls in 30 episodes (review {probability})"
        )
        expect_equal(
            [int(t) for t in played], used, "the tasks returned against the environments played"
        )
        blocks = [min(3 * e // 30, 2) for e in range(30)]
        if probability == 0.0:
            expect_equal(used, blocks, "tasks played with review_probability 0 (the blocks)")
        else:
            expect_true(
                all(u <= b for u, b in zip(used, blocks, strict=True)) and used != blocks,
                f"tasks played with review 0.4: {used}; expected the blocks {blocks} with some "
                "episodes sent back to earlier tasks",
            )
        expect_true(
            bool(np.asarray(q)[1:6, 3].min() > 0),
            "the Q-table returned learned nothing towards G: train one table for every task "
            "(the same array in every q_learning_episode call), so learning carries over",
        )


def check(module: ModuleType) -> None:
    check_fixed(get_function(module, "fixed_stage"))
    check_review(get_function(module, "review_stage"))
    check_training(module, get_function(module, "train_with_review"))
