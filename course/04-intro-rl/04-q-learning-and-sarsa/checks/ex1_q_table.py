"""Check of exercise 1: Q-table construction and greedy actions with a tie-breaking rule."""

from __future__ import annotations

from types import ModuleType

import numpy as np
from gymnasium.spaces import Box, Discrete

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_shape,
    expect_true,
    expect_type,
    get_function,
)


def check(module: ModuleType) -> None:
    make_q_table = get_function(module, "make_q_table")
    greedy_action = get_function(module, "greedy_action")
    greedy_actions = get_function(module, "greedy_actions")

    q = expect_type(make_q_table(Discrete(7), Discrete(3), 0.5), np.ndarray, "make_q_table(...)")
    expect_shape(q, (7, 3), "make_q_table(Discrete(7), Discrete(3), 0.5)")
    expect_equal(q.dtype, np.dtype(np.float64), "the Q-table's dtype")
    expect_close(q, np.full((7, 3), 0.5), "make_q_table(Discrete(7), Discrete(3), 0.5)")
    q[0, 0] = 9.0
    expect_true(
        q[1, 0] == 0.5 and q[0, 1] == 0.5,
        "writing q[0, 0] changed other entries: build the table with np.full or np.zeros, "
        "not by repeating one row object",
    )
    try:
        make_q_table(Box(low=-1.0, high=1.0, shape=(2,)), Discrete(3), 0.0)
    except TypeError:
        pass
    else:
        raise CheckFailed(
            "make_q_table(Box(...), Discrete(3), 0.0): expected a TypeError "
            "(a Box space has no finite number of states), but nothing was raised"
        )

    table = np.array(
        [
            [1.0, 3.0, 3.0, 2.0],  # actions 1 and 2 tie for the maximum
            [5.0, 5.0, 5.0, 5.0],  # all four tie
            [0.0, -1.0, 4.0, 4.0 - 1e-9],  # 2 is best by a hair: no tie
            [-2.0, -2.0, -3.0, -1.0],  # 3 is best outright
        ]
    )
    cases = [
        (0, (0, 1, 2, 3), 1),
        (0, (3, 2, 1, 0), 2),
        (1, (2, 0, 1, 3), 2),
        (1, (3, 1, 0, 2), 3),
        (2, (3, 1, 0, 2), 2),
        (3, (0, 1, 2, 3), 3),
    ]
    for state, preference, expected in cases:
        got = greedy_action(table, state, preference)
        expect_equal(
            got,
            expected,
            f"greedy_action(q, {state}, preference={preference}) with q[{state}] = "
            f"{table[state].tolist()}",
        )
        expect_true(isinstance(got, int), f"greedy_action should return an int, got {type(got)}")

    preference = (3, 1, 0, 2)
    expected_all = np.array([1, 3, 2, 3])
    got_all = expect_type(greedy_actions(table, preference), np.ndarray, "greedy_actions(...)")
    expect_shape(got_all, (4,), "greedy_actions(q, preference)")
    expect_true(
        np.issubdtype(got_all.dtype, np.integer),
        f"greedy_actions should return integers, got dtype {got_all.dtype}",
    )
    expect_equal(got_all.tolist(), expected_all.tolist(), f"greedy_actions(q, {preference})")
