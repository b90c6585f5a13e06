"""The sliding-tile game 2048 (Part 6.1, classic games, introduces it).

A 4 x 4 board of tiles worth powers of two. Each action slides every tile as far as it
goes in one direction (0 up, 1 right, 2 down, 3 left); two equal tiles that meet merge
into one worth their sum, and each tile merges at most once per move. After a move that
changed the board, a new tile appears on a random empty cell: a 2 with probability 0.9,
a 4 otherwise. The game is over when no move changes the board.

The reward of a move is the game's score for it: the sum of the tiles that merges made
(2 + 2 -> 4 pays 4). The observation is flat, 16 numbers read row by row, each the base-2
logarithm of its tile (0 for an empty cell, 1 for a 2, 11 for a 2048), so a network sees
numbers of the same size whatever the tile.

A move that changes nothing (sliding left a board whose tiles already sit left, with no
merge) is *invalid*. Players that know the rules never make one; a learning agent will.
The invalid-move rule keeps episodes finite: an invalid move ends the game (terminated,
reward 0), as otherwise a greedy agent that picks it once would pick it forever.
``info["legal_moves"]`` lists which of the four moves are valid, for players that use it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces

UP, RIGHT, DOWN, LEFT = 0, 1, 2, 3
MOVE_NAMES = ("up", "right", "down", "left")
SIZE = 4
MAX_EXPONENT = 17  # 2^17 is the largest tile a 4 x 4 board can hold


# --8<-- [start:merge]
def merge_row_left(row: Sequence[int]) -> tuple[list[int], int]:
    """Slide one row of exponents (0 = empty) to the left, merging equal neighbours once.

    Returns the new row and the score of the merges: [1, 1, 2, 0] (tiles 2, 2, 4) becomes
    [2, 2, 0, 0] (tiles 4, 4) and scores 4; the new 4 does not merge again in this move.
    """
    tiles = [value for value in row if value != 0]  # slide: drop the gaps
    merged: list[int] = []
    score = 0
    i = 0
    while i < len(tiles):
        if i + 1 < len(tiles) and tiles[i] == tiles[i + 1]:
            merged.append(tiles[i] + 1)  # exponents add one: 2^k + 2^k = 2^(k+1)
            score += 2 ** (tiles[i] + 1)
            i += 2  # both tiles are used up: no second merge for the new one
        else:
            merged.append(tiles[i])
            i += 1
    return merged + [0] * (len(row) - len(merged)), score


# The cells of each line of the board, listed in the direction the tiles slide towards
# (flat indices, row by row): every move is then a left slide of four lines.
LINES = {
    LEFT: [[4 * r + c for c in range(4)] for r in range(4)],
    RIGHT: [[4 * r + c for c in reversed(range(4))] for r in range(4)],
    UP: [[4 * r + c for r in range(4)] for c in range(4)],
    DOWN: [[4 * r + c for r in reversed(range(4))] for c in range(4)],
}


def slide(board: np.ndarray, action: int) -> tuple[np.ndarray, int]:
    """The (4, 4) board after ``action`` (before the new tile) and the move's score."""
    cells: list[int] = board.flatten().tolist()
    moved, score = cells.copy(), 0
    for line in LINES[action]:
        new_line, line_score = merged_row(tuple(cells[i] for i in line))
        for i, value in zip(line, new_line, strict=True):
            moved[i] = value
        score += line_score
    return np.array(moved, dtype=board.dtype).reshape(SIZE, SIZE), score


# --8<-- [end:merge]


@functools.cache
def merged_row(row: tuple[int, ...]) -> tuple[tuple[int, ...], int]:
    """:func:`merge_row_left` remembered per row: a game meets the same rows again and again."""
    moved, score = merge_row_left(row)
    return tuple(moved), score


def legal_moves(board: np.ndarray) -> np.ndarray:
    """A (4,) boolean mask: True where the move changes the board."""
    return np.array([not np.array_equal(slide(board, a)[0], board) for a in range(4)])


class Game2048Env(gym.Env[np.ndarray, np.int64]):
    """2048 on a 4 x 4 board; observation (16,) float32 exponents, actions 0-3 (up, right,
    down, left), reward the score of the move; an invalid move ends the game."""

    metadata = {"render_modes": ["rgb_array"], "render_fps": 8}  # noqa: RUF012

    def __init__(self, render_mode: str | None = None) -> None:
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode must be one of {self.metadata['render_modes']}")
        self.render_mode = render_mode
        self.observation_space = spaces.Box(0.0, MAX_EXPONENT, (SIZE * SIZE,), np.float32)
        self.action_space = spaces.Discrete(4)
        self.board = np.zeros((SIZE, SIZE), dtype=np.int64)  # exponents, 0 = empty
        self.score = 0

    def _add_tile(self) -> None:
        empty = np.flatnonzero(self.board == 0)
        cell = empty[self.np_random.integers(len(empty))]
        self.board.flat[cell] = 1 if self.np_random.random() < 0.9 else 2

    def _observation(self) -> np.ndarray:
        return self.board.flatten().astype(np.float32)

    def _info(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "max_tile": int(2 ** self.board.max()),
            "legal_moves": legal_moves(self.board),
        }

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[np.ndarray, dict[str, Any]]:
        super().reset(seed=seed)
        self.board = np.zeros((SIZE, SIZE), dtype=np.int64)
        self.score = 0
        self._add_tile()
        self._add_tile()  # the game starts with two tiles
        return self._observation(), self._info()

    # --8<-- [start:step]
    def step(self, action: np.int64 | int) -> tuple[np.ndarray, float, bool, bool, dict[str, Any]]:
        moved, score = slide(self.board, int(action))
        if np.array_equal(moved, self.board):
            info = self._info() | {"invalid": True}
            return self._observation(), 0.0, True, False, info  # the invalid-move rule
        self.board = moved
        self.score += score
        self._add_tile()  # a changed board always has an empty cell
        game_over = not legal_moves(self.board).any()
        return self._observation(), float(score), game_over, False, self._info()

    # --8<-- [end:step]

    def render(self) -> np.ndarray | None:
        """An RGB picture of the board: one square per cell, warmer for larger tiles."""
        if self.render_mode != "rgb_array":
            return None
        cell, gap = 48, 4
        side = SIZE * cell + (SIZE + 1) * gap
        image = np.full((side, side, 3), (187, 173, 160), dtype=np.uint8)
        for (row, column), exponent in np.ndenumerate(self.board):
            top, left = gap + row * (cell + gap), gap + column * (cell + gap)
            image[top : top + cell, left : left + cell] = tile_colour(int(exponent))
        return image


def tile_colour(exponent: int) -> tuple[int, int, int]:
    """Beige for an empty cell, then from pale yellow (2) to deep red (2048 and above)."""
    if exponent == 0:
        return (205, 193, 180)
    t = min(exponent, 11) / 11
    return (int(240 - 20 * t), int(230 - 200 * t), int(180 - 160 * t))
