"""Check of exercise 2: one table trained by self-play on the subtraction game of
Exercise 1 (the reference solution's), compared with the game's exact solution."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_seeded,
    expect_shape,
    get_function,
    random_cases,
)
from coursetools.file_import import import_file

GAME = import_file(
    Path(__file__).parents[1] / "solutions" / "ex1_subtraction_game.py", "check_ex2_game"
)
EPISODES = 3000


def expect_value(q: np.ndarray, left: int, take: int, expected: float, why: str) -> None:
    got = float(q[left, take - 1])
    if abs(got - expected) > 0.15:
        raise CheckFailed(
            f"after {EPISODES} games, Q(pile {left}, take {take}) = {got:+.2f}, expected about "
            f"{expected:+.0f}: {why}"
        )


def check_case(train: Callable[..., Any], pile: int, max_take: int, seed: int) -> None:
    q = np.asarray(train(GAME.SubtractionGame(pile, max_take), EPISODES, seed))
    expect_shape(q, (pile + 1, max_take), f"train(pile {pile}, max_take {max_take})")
    expect_value(
        q,
        1,
        1,
        -1.0,
        "taking the last object loses; the reward last() reports at the end is "
        "the next player's, so the mover's target is minus it, and the final move must be updated",
    )
    expect_value(
        q,
        2,
        1,
        1.0,
        "leaving one object forces the opponent to take it; the max over the "
        "next position must range over its LEGAL actions only (illegal ones keep Q = 0)",
    )
    for left in range(2, pile + 1):
        if left % (max_take + 1) == 1:
            continue  # a lost position: every move loses
        legal = np.arange(min(max_take, left))
        best = legal[q[left, legal] == q[left, legal].max()] + 1
        if any((left - take) % (max_take + 1) != 1 for take in best):
            raise CheckFailed(
                f"pile {pile}, max_take {max_take}: with {left} left the greedy move takes "
                f"{best.tolist()}, but only leaving a multiple of {max_take + 1} plus 1 wins "
                f"(take {(left - 1) % (max_take + 1)}); Q row {np.round(q[left], 2).tolist()}"
            )


def check(module: ModuleType) -> None:
    train = get_function(module, "train")
    get_function(module, "selfplay_episode")
    for number, (pile, max_take) in enumerate(
        random_cases(720, 3, lambda rng: (int(rng.integers(8, 13)), int(rng.integers(2, 5))))
    ):
        check_case(train, pile, max_take, seed=number)
    expect_seeded(
        lambda seed: np.asarray(train(GAME.SubtractionGame(6, 3), 40, seed)),
        "train(SubtractionGame(6, 3), 40 games, seed)",
    )
