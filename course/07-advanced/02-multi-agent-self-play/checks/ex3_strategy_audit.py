"""Check of exercise 3: the exact solution of Nim with a limit on seeded random
positions, against the Sprague-Grundy rule (an independent way to the same answer)."""

from __future__ import annotations

import functools
from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    get_function,
    random_cases,
)

Position = tuple[int, ...]


def lost(piles: Position, max_take: int) -> bool:
    """Sprague-Grundy: a pile of n with at most k per move is worth n mod (k + 1), and
    the mover loses exactly when the XOR of those values is 0."""
    return functools.reduce(lambda a, b: a ^ b, (size % (max_take + 1) for size in piles), 0) == 0


def reference_moves(piles: Position, max_take: int) -> set[tuple[int, int]]:
    return {
        (pile, count)
        for pile, size in enumerate(piles)
        for count in range(1, min(size, max_take) + 1)
        if lost((*piles[:pile], size - count, *piles[pile + 1 :]), max_take)
    }


def random_position(rng: np.random.Generator) -> tuple[Position, int]:
    piles = tuple(int(size) for size in rng.integers(0, 8, int(rng.integers(1, 4))))
    return piles, int(rng.integers(1, 6))


def check(module: ModuleType) -> None:
    mover_loses = get_function(module, "mover_loses")
    winning_moves = get_function(module, "winning_moves")
    agreement = get_function(module, "agreement")
    if not bool(mover_loses((0, 0), 3)) and bool(mover_loses((2,), 3)):
        raise CheckFailed(
            "mover_loses((2,), 3) is True, but taking both objects wins: a position is lost "
            "when EVERY move leads to a position the opponent wins (all, not any)"
        )
    if not bool(mover_loses((0, 0), 3)):
        raise CheckFailed(
            "mover_loses((0, 0), 3) is False: with nothing left the previous player took the "
            "last object and won, so the player to move has lost"
        )
    cases = random_cases(73, 40, random_position)
    for piles, max_take in [((1, 3, 5, 7), 7), ((1, 3, 5, 7), 2), ((4,), 3), ((5,), 3), *cases]:
        expect_equal(
            bool(mover_loses(piles, max_take)),
            lost(piles, max_take),
            f"mover_loses({piles}, max_take={max_take}) (lost when every move leads to a "
            "position the opponent wins)",
        )
        got = {tuple(int(x) for x in move) for move in winning_moves(piles, max_take)}
        expect_equal(
            sorted(got),
            sorted(reference_moves(piles, max_take)),
            f"winning_moves({piles}, max_take={max_take}) (moves that leave the opponent lost)",
        )
    rng = np.random.default_rng(730)
    for _ in range(5):
        max_take = int(rng.integers(1, 5))
        positions = {tuple(int(s) for s in rng.integers(0, 6, 2)) for _ in range(25)}
        choices = {}
        for piles in positions - {(0, 0)}:
            legal = [
                (p, c) for p, size in enumerate(piles) for c in range(1, min(size, max_take) + 1)
            ]
            choices[piles] = legal[int(rng.integers(len(legal)))]
        judged = [
            choices[p] in reference_moves(p, max_take) for p in choices if not lost(p, max_take)
        ]
        expect_close(
            float(agreement(choices, max_take)),
            sum(judged) / len(judged),
            f"agreement of random choices on {len(choices)} positions, {len(judged)} of them "
            "with a winning move (lost positions are left out: no move is right there)",
        )
