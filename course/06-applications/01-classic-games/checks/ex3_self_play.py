"""Check of exercise 3: self_play_game updates both agents' afterstate values exactly as
the TD(0) rule says, on seeded value tables, with and without exploration. When the
tables match a known wrong variant of the rule, the message names it."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import CheckFailed, expect_equal, get_function, random_cases
from rlcourse.envs.tictactoe import CROSS, EMPTY, NOUGHT, to_move, winner

Board = tuple[int, ...]
Tables = dict[int, dict[Board, float]]

VARIANTS = {  # what a learner may have written instead -> the message that names it
    "chosen": "the TD target is the best value the player sees now, max over the free "
    "cells, not the value of the cell it chose (an exploratory move would teach it to "
    "expect its own blunders)",
    "winner_only": "when the game ends, both players' last afterstates learn the result, "
    "the loser's (or both drawers') too",
    "same_sign": "O's target at the end is minus X's result: a win for X is a loss for O",
    "no_alpha": "each update moves V(s) only a step alpha towards its target, "
    "V(s) + alpha * (target - V(s)), not all the way",
}
VARIANTS["no_alpha_during"] = VARIANTS["no_alpha"]  # the same mistake, in the TD step only


def reference_game(
    tables: Tables, alpha: float, epsilon: float, seed: int, variant: str = ""
) -> float:
    """The rule (or, with ``variant``, one wrong version of it), on its own generator."""
    rng = np.random.default_rng(seed)
    board: Board = (EMPTY,) * 9
    last: dict[int, Board] = {}

    def step(table: dict[Board, float], state: Board, target: float, final: bool) -> None:
        value = table.get(state, 0.0)
        jump = variant == "no_alpha" or (variant == "no_alpha_during" and not final)
        table[state] = target if jump else value + alpha * (target - value)

    while True:
        mark = to_move(board)
        free = [c for c in range(9) if board[c] == EMPTY]
        cells = [(*board[:c], mark, *board[c + 1 :]) for c in free]
        options = {c: tables[mark].get(b, 0.0) for c, b in zip(free, cells, strict=True)}
        if rng.random() < epsilon:
            cell = int(rng.choice(list(options)))
        else:
            cell = max(options, key=lambda c: options[c])
        if mark in last:
            target = options[cell] if variant == "chosen" else max(options.values())
            step(tables[mark], last[mark], target, final=False)
        board = (*board[:cell], mark, *board[cell + 1 :])
        last[mark] = board
        won = winner(board)
        if won or EMPTY not in board:
            result = 0.0 if not won else (1.0 if won == CROSS else -1.0)
            for player, afterstate in last.items():
                if variant == "winner_only" and player != mark:
                    continue
                sign = 1.0 if player == CROSS or variant == "same_sign" else -1.0
                step(tables[player], afterstate, sign * result, final=True)
            return result


def reachable_boards() -> list[Board]:
    seen: set[Board] = set()
    stack: list[Board] = [(EMPTY,) * 9]
    while stack:
        board = stack.pop()
        if board in seen:
            continue
        seen.add(board)
        if winner(board) or EMPTY not in board:
            continue
        mark = to_move(board)
        stack.extend((*board[:c], mark, *board[c + 1 :]) for c in range(9) if board[c] == EMPTY)
    return sorted(seen)


def random_tables(rng: np.random.Generator, boards: list[Board]) -> Tables:
    """Random values in [-1, 1] for about half of the boards of each table; the rest are
    missing (worth 0), as in a table that has not seen every board yet."""
    tables: Tables = {CROSS: {}, NOUGHT: {}}
    for mark in (CROSS, NOUGHT):
        for board in boards:
            if rng.random() < 0.5:
                tables[mark][board] = round(float(rng.uniform(-1, 1)), 3)
    return tables


def same_tables(got: Tables, expected: Tables) -> bool:
    for mark in (CROSS, NOUGHT):
        keys = set(got[mark]) | set(expected[mark])
        for board in keys:
            if abs(got[mark].get(board, 0.0) - expected[mark].get(board, 0.0)) > 1e-9:
                return False
    return True


def first_difference(got: Tables, expected: Tables) -> str:
    for mark in (CROSS, NOUGHT):
        for board in sorted(set(got[mark]) | set(expected[mark])):
            g, e = got[mark].get(board, 0.0), expected[mark].get(board, 0.0)
            if abs(g - e) > 1e-9:
                name = "X" if mark == CROSS else "O"
                return f"{name}'s value of board {board}: expected {e:.4f}, got {g:.4f}"
    return "no difference"


def check(module: ModuleType) -> None:
    self_play_game: Callable[..., Any] = get_function(module, "self_play_game")
    boards = reachable_boards()
    cases = [(0.0, 0.5, 0), (0.0, 0.3, 1), (0.5, 0.3, 2), (1.0, 0.2, 3)]
    cases += random_cases(65, 12, lambda rng: (float(rng.choice([0.0, 0.3, 0.6])), 0.25, 0))
    for number, (epsilon, alpha, _) in enumerate(cases):
        seed = 100 + number
        start = random_tables(np.random.default_rng(seed), boards)
        learner = {mark: dict(table) for mark, table in start.items()}
        expected = {mark: dict(table) for mark, table in start.items()}
        got_result = self_play_game(learner, alpha, epsilon, np.random.default_rng(seed))
        expected_result = reference_game(expected, alpha, epsilon, seed)
        what = f"self_play_game on seeded tables (case {number}, epsilon={epsilon}, alpha={alpha})"
        if same_tables(learner, expected):
            expect_equal(float(got_result), expected_result, f"{what}: X's result")
            continue
        for variant, message in VARIANTS.items():
            wrong = {mark: dict(table) for mark, table in start.items()}
            reference_game(wrong, alpha, epsilon, seed, variant)
            if same_tables(learner, wrong):
                raise CheckFailed(f"{what}: {message}")
        raise CheckFailed(
            f"{what}: {first_difference(learner, expected)} (call choose once per move, "
            "update the previous afterstate before moving on, and both last afterstates "
            "at the end)"
        )
