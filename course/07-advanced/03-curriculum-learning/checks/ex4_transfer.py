"""Check of exercise 4: exact success probabilities against the library's finite-horizon
evaluation (Part 4.6) on seeded random gridworlds with slips and traps, then the table."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    get_function,
    random_cases,
)
from rlcourse.dp import evaluate_policy
from rlcourse.envs.gridworld import GridWorldEnv
from rlcourse.mdp import tabular_mdp

Case = tuple[tuple[str, ...], float, np.ndarray, int]


def random_case(rng: np.random.Generator) -> Case:
    n_rows, n_cols = int(rng.integers(3, 6)), int(rng.integers(3, 7))
    cells = np.where(rng.random((n_rows, n_cols)) < 0.15, "#", ".")
    free = [tuple(int(i) for i in ix) for ix in np.argwhere(cells == ".")]
    picks = rng.choice(len(free), size=4, replace=False)
    cells[free[picks[0]]], cells[free[picks[1]]] = "G", "T"
    cells[free[picks[2]]], cells[free[picks[3]]] = "S", "S"
    slip = float(rng.choice([0.0, 0.2]))
    policy = rng.integers(4, size=n_rows * n_cols)
    return tuple("".join(row) for row in cells), slip, policy, int(rng.integers(3, 12))


def reference(layout: tuple[str, ...], slip: float, policy: np.ndarray, limit: int) -> float:
    """The goal pays 1, a trap 0: the expected return within ``limit`` steps is the success."""
    env = GridWorldEnv(
        layout, step_cost=0.0, goal_reward=1.0, trap_penalty=0.0, slip_probability=slip
    )
    mdp = tabular_mdp(env.P, len(env.P), 4)
    one_hot = np.eye(4)[policy]
    return evaluate_policy(mdp, one_hot, env.initial_state_distrib, limit).expected_return


def check_success(success: Callable[..., Any]) -> None:
    for number, (layout, slip, policy, limit) in enumerate(random_cases(734, 12, random_case)):
        env = GridWorldEnv(
            layout, step_cost=0.0, goal_reward=1.0, trap_penalty=5.0, slip_probability=slip
        )
        got = float(success(env, policy, limit))
        expected = reference(layout, slip, policy, limit)
        shorter = reference(layout, slip, policy, limit - 1)
        if not np.isclose(expected, shorter) and np.isclose(got, shorter):
            raise CheckFailed(
                f"random case {number}: your success is that of {limit - 1} steps; a time limit "
                f"of {limit} allows {limit} steps (the recursion runs time_limit times)"
            )
        expect_close(
            got,
            expected,
            f"random case {number} {layout}, slip {slip}, {limit} steps: success_within (only "
            "entering G counts, not a trap; starts weighted by env.initial_state_distrib)",
        )


def check_table(table: Callable[..., Any]) -> None:
    layouts = {"a": ("S..G",), "b": ("S.TG",), "c": (".S.", "#.#", "..G")}
    variants = {
        name: GridWorldEnv(layout, step_cost=0.0, goal_reward=1.0)
        for name, layout in layouts.items()
    }
    policy = np.full(9, 1)  # always right
    got = table(policy, variants, 5)
    expect_equal(list(got), list(variants), "transfer_table's names, in order")
    expected = {
        name: reference(layouts[name], 0.0, policy[: len(env.P)], 5)
        for name, env in variants.items()
    }
    for name in variants:
        expect_close(float(got[name]), expected[name], f"transfer_table['{name}']")


def check(module: ModuleType) -> None:
    check_success(get_function(module, "success_within"))
    check_table(get_function(module, "transfer_table"))
