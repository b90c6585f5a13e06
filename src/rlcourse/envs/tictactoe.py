"""Tic-Tac-Toe for two players taking turns in one environment (Part 6.1, classic games,
introduces it).

The board is 9 cells, numbered row by row::

    0 | 1 | 2
    3 | 4 | 5
    6 | 7 | 8

The observation is the board itself, 9 integers: 0 empty, 1 a cross (X), 2 a nought (O).
X moves first, and each ``step`` is a move by whoever is to move (``info["to_move"]``,
1 or 2), so one environment serves self-play, and two agents simply take turns calling it.
The reward goes to the player who just moved: +1 for a win, 0 otherwise; a draw ends the
game with 0. Playing on an occupied cell ends the game with -1 for the player who did it
(an illegal move loses), which keeps every episode at most 9 steps long.
``info["winner"]`` is 0 while the game runs or after a draw, else the winner's mark.
"""

from __future__ import annotations

from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces

EMPTY, CROSS, NOUGHT = 0, 1, 2
LINES = ((0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6))


def winner(board: tuple[int, ...] | np.ndarray) -> int:
    """The mark (1 or 2) that fills a line of ``board``, or 0 when none does."""
    for a, b, c in LINES:
        if board[a] != EMPTY and board[a] == board[b] == board[c]:
            return int(board[a])
    return 0


def to_move(board: tuple[int, ...] | np.ndarray) -> int:
    """Whose turn it is: X (1) when both have played as often, else O (2)."""
    crosses = sum(1 for mark in board if mark == CROSS)
    noughts = sum(1 for mark in board if mark == NOUGHT)
    return CROSS if crosses == noughts else NOUGHT


class TicTacToeEnv(gym.Env[np.ndarray, np.int64]):
    """Two-player Tic-Tac-Toe; observation (9,) marks 0/1/2, actions 0-8 (the cell);
    the reward belongs to the player who just moved: +1 win, -1 illegal move, else 0."""

    metadata = {"render_modes": ["rgb_array"], "render_fps": 2}  # noqa: RUF012

    def __init__(self, render_mode: str | None = None) -> None:
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode must be one of {self.metadata['render_modes']}")
        self.render_mode = render_mode
        self.observation_space = spaces.MultiDiscrete([3] * 9)
        self.action_space = spaces.Discrete(9)
        self.board = np.zeros(9, dtype=np.int64)

    def _info(self) -> dict[str, Any]:
        return {"to_move": to_move(self.board), "winner": winner(self.board)}

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[np.ndarray, dict[str, Any]]:
        super().reset(seed=seed)  # the game has no randomness; this seeds action_space users
        self.board = np.zeros(9, dtype=np.int64)
        return self.board.copy(), self._info()

    def step(self, action: np.int64 | int) -> tuple[np.ndarray, float, bool, bool, dict[str, Any]]:
        cell = int(action)
        if self.board[cell] != EMPTY:
            return self.board.copy(), -1.0, True, False, self._info() | {"illegal": True}
        self.board[cell] = to_move(self.board)
        won = winner(self.board) != 0
        full = bool((self.board != EMPTY).all())
        return self.board.copy(), float(won), won or full, False, self._info()

    def render(self) -> np.ndarray | None:
        """An RGB picture: a white grid, blue crosses, red noughts."""
        if self.render_mode != "rgb_array":
            return None
        cell = 48
        image = np.full((3 * cell, 3 * cell, 3), 255, dtype=np.uint8)
        image[cell - 1 : cell + 1, :] = image[2 * cell - 1 : 2 * cell + 1, :] = 0
        image[:, cell - 1 : cell + 1] = image[:, 2 * cell - 1 : 2 * cell + 1] = 0
        rows, columns = np.mgrid[0:cell, 0:cell] - (cell - 1) / 2  # centred pixel grid
        cross = (np.abs(np.abs(rows) - np.abs(columns)) < 3) & (np.abs(rows) < cell / 3)
        ring = np.abs(np.hypot(rows, columns) - cell / 3) < 3
        for index, mark in enumerate(self.board):
            top, left = (index // 3) * cell, (index % 3) * cell
            patch = image[top : top + cell, left : left + cell]
            if mark == CROSS:
                patch[cross] = (30, 80, 200)
            elif mark == NOUGHT:
                patch[ring] = (200, 40, 40)
        return image
