"""Check of exercise 1: Q-table construction (float64 even from an integer initial value)
and greedy actions with a tie-breaking rule, on fixed tables and random ones against a
reference."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np
from gymnasium.spaces import Box, Discrete

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_dtype,
    expect_equal,
    expect_shape,
    expect_true,
    expect_type,
    get_function,
    random_cases,
)

TABLE = np.array(
    [
        [1.0, 3.0, 3.0, 2.0],  # actions 1 and 2 tie for the maximum
        [5.0, 5.0, 5.0, 5.0],  # all four tie
        [0.0, -1.0, 4.0, 4.0 - 1e-9],  # 2 is best by a hair: no tie
        [-2.0, -2.0, -3.0, -1.0],  # 3 is best outright
    ]
)


def reference_greedy(q: np.ndarray, state: int, preference: tuple[int, ...]) -> int:
    return next(a for a in preference if q[state, a] == q[state].max())


def random_table(rng: np.random.Generator) -> tuple[np.ndarray, tuple[int, ...]]:
    """A table on a coarse grid of values, so that ties are common."""
    q = rng.integers(-2, 3, size=(6, 4)).astype(np.float64) / 2
    return q, tuple(int(a) for a in rng.permutation(4))


def check_table(make_q_table: Callable[..., Any]) -> None:
    for initial in (0.5, 0, -1):
        call = f"make_q_table(Discrete(7), Discrete(3), {initial!r})"
        q = expect_type(make_q_table(Discrete(7), Discrete(3), initial), np.ndarray, call)
        expect_shape(q, (7, 3), call)
        if q.dtype != np.float64 and np.issubdtype(q.dtype, np.integer):
            raise CheckFailed(
                f"{call}: the table has dtype {q.dtype}; an integer initial value must still "
                "give a float64 table (pass dtype=np.float64), or every later update is "
                "rounded to an integer"
            )
        expect_dtype(q, np.float64, call)
        expect_close(q, np.full((7, 3), float(initial)), call)
    q = make_q_table(Discrete(7), Discrete(3), 0.5)
    q[0, 0] = 9.0
    expect_true(
        q[1, 0] == 0.5 and q[0, 1] == 0.5,
        "writing q[0, 0] changed other entries: build the table with np.full or np.zeros, "
        "not by repeating one row object",
    )
    try:
        make_q_table(Box(low=-1.0, high=1.0, shape=(2,)), Discrete(3), 0.0)
    except TypeError:
        return
    except Exception as error:
        raise CheckFailed(
            "make_q_table(Box(...), Discrete(3), 0.0): expected a TypeError (check the spaces "
            f"with isinstance(space, Discrete) first), got {type(error).__name__}: {error}"
        ) from None
    raise CheckFailed(
        "make_q_table(Box(...), Discrete(3), 0.0): expected a TypeError "
        "(a Box space has no finite number of states), but nothing was raised"
    )


def check(module: ModuleType) -> None:
    check_table(get_function(module, "make_q_table"))
    greedy_action = get_function(module, "greedy_action")
    greedy_actions = get_function(module, "greedy_actions")

    fixed = [(TABLE, (0, 1, 2, 3)), (TABLE, (3, 2, 1, 0)), (TABLE, (2, 0, 1, 3))]
    fixed += [(TABLE, (3, 1, 0, 2))]
    for q, preference in fixed + random_cases(44, 5, random_table):
        for state in range(len(q)):
            got = greedy_action(q, state, preference)
            what = (
                f"greedy_action(q, {state}, preference={preference}) with q[{state}] = "
                f"{q[state].tolist()}"
            )
            # Python and NumPy integers alike: np.int64 is what indexing a NumPy array gives.
            if isinstance(got, bool) or not isinstance(got, int | np.integer):
                raise CheckFailed(f"{what}: expected an integer action, got {type(got).__name__}")
            expected = reference_greedy(q, state, preference)
            if got != expected and q[state, got] == q[state].max():
                raise CheckFailed(
                    f"{what}: got {got}, one of the tied best actions; ties go to the one that "
                    f"comes first in preference, {expected}"
                )
            gap = float(q[state].max() - q[state, got]) if 0 <= got < q.shape[1] else 1.0
            if 0 < gap < 1e-6:
                raise CheckFailed(
                    f"{what}: got {got}, whose value is below the maximum by {gap:.1g}; only "
                    "exactly equal values tie (compare with ==)"
                )
            expect_equal(int(got), expected, what)

        expected_all = np.array([reference_greedy(q, s, preference) for s in range(len(q))])
        call = f"greedy_actions(q, {preference}) with q = {q.tolist()}"
        got_all = expect_type(greedy_actions(q, preference), np.ndarray, call)
        expect_shape(got_all, expected_all.shape, call)
        expect_dtype(got_all, np.int64, call)
        expect_equal(got_all.tolist(), expected_all.tolist(), call)
