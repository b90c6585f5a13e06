"""Snake on a small square board (Part 6.1, classic games, introduces it).

The snake is a chain of cells, head first, that moves one cell per step in the direction
it is heading. The three actions are relative to that heading: 0 keep straight, 1 turn
left, 2 turn right (a snake cannot reverse into itself, so there is no fourth). Moving
onto the apple pays +1 and grows the snake by one cell (its tail stays where it was);
a new apple appears on a random free cell. Moving into a wall or into the snake's own
body pays -1 and ends the game; so does starving, ``hunger`` steps without an apple,
which keeps a snake that circles forever from making an endless episode. Filling the
whole board ends the game too, a win. At the end, ``info["ended_by"]`` says which:
``"collision"``, ``"hunger"`` or ``"win"``.

The observation is 11 numbers, each 0 or 1, that describe what the head sees rather than
the whole board, so a small network learns from it quickly:

- danger straight ahead, to the left, to the right (a wall or the body one cell away);
- the heading, one-hot: up, right, down, left;
- where the apple is: above, below, left of, right of the head.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces

Cell = tuple[int, int]  # (row, column), row 0 at the top
STRAIGHT, TURN_LEFT, TURN_RIGHT = 0, 1, 2
HEADINGS: tuple[Cell, ...] = ((-1, 0), (0, 1), (1, 0), (0, -1))  # up, right, down, left


# --8<-- [start:move]
def move_snake(
    body: Sequence[Cell], heading: int, apple: Cell, size: int
) -> tuple[list[Cell], bool, bool]:
    """One step of the snake ``body`` (head first) towards ``HEADINGS[heading]``.

    Returns the new body, whether it ate the apple, whether it died. The tail moves
    away in the same step, so the head may enter the cell the tail leaves, unless the
    snake eats (then the tail stays and that cell is still body).
    """
    row, column = body[0]
    d_row, d_column = HEADINGS[heading]
    head = (row + d_row, column + d_column)
    ate = head == apple
    keeps = list(body) if ate else list(body[:-1])  # the cells still occupied after the step
    outside = not (0 <= head[0] < size and 0 <= head[1] < size)
    if outside or head in keeps:
        return list(body), False, True
    return [head, *keeps], ate, False


# --8<-- [end:move]


def turn(heading: int, action: int) -> int:
    """The new heading after a relative action: left is a quarter turn anticlockwise."""
    return (heading + {STRAIGHT: 0, TURN_LEFT: -1, TURN_RIGHT: 1}[action]) % 4


class SnakeEnv(gym.Env[np.ndarray, np.int64]):
    """Snake on a ``size`` x ``size`` board; observation (11,) float32 of 0s and 1s, actions
    0 straight, 1 left, 2 right; +1 per apple, -1 for dying (wall, body or hunger)."""

    metadata = {"render_modes": ["rgb_array"], "render_fps": 8}  # noqa: RUF012

    def __init__(
        self, size: int = 6, hunger: int | None = None, render_mode: str | None = None
    ) -> None:
        if size < 4:
            raise ValueError(f"size must be at least 4 (room for the snake), got {size}")
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode must be one of {self.metadata['render_modes']}")
        self.size = size
        self.hunger = 2 * size * size if hunger is None else hunger
        self.render_mode = render_mode
        self.observation_space = spaces.Box(0.0, 1.0, (11,), np.float32)
        self.action_space = spaces.Discrete(3)
        self.body: list[Cell] = []
        self.heading = 1
        self.apple: Cell = (0, 0)
        self.apples = 0
        self.steps_since_apple = 0

    def _place_apple(self) -> None:
        free = [(r, c) for r in range(self.size) for c in range(self.size)]
        free = [cell for cell in free if cell not in self.body]
        self.apple = free[self.np_random.integers(len(free))]

    def _danger(self, heading: int) -> bool:
        """Would one step towards ``heading`` kill the snake?"""
        return move_snake(self.body, heading, self.apple, self.size)[2]

    def _observation(self) -> np.ndarray:
        (row, column), (apple_row, apple_column) = self.body[0], self.apple
        features = [
            self._danger(self.heading),
            self._danger(turn(self.heading, TURN_LEFT)),
            self._danger(turn(self.heading, TURN_RIGHT)),
            *(self.heading == h for h in range(4)),
            apple_row < row,
            apple_row > row,
            apple_column < column,
            apple_column > column,
        ]
        return np.array(features, dtype=np.float32)

    def _info(self) -> dict[str, Any]:
        return {"apples": self.apples, "length": len(self.body)}

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[np.ndarray, dict[str, Any]]:
        super().reset(seed=seed)
        middle = self.size // 2
        self.body = [(middle, middle), (middle, middle - 1), (middle, middle - 2)]
        self.heading = 1  # right, away from its own tail
        self.apples, self.steps_since_apple = 0, 0
        self._place_apple()
        return self._observation(), self._info()

    def step(self, action: np.int64 | int) -> tuple[np.ndarray, float, bool, bool, dict[str, Any]]:
        self.heading = turn(self.heading, int(action))
        self.body, ate, died = move_snake(self.body, self.heading, self.apple, self.size)
        self.steps_since_apple = 0 if ate else self.steps_since_apple + 1
        if died or self.steps_since_apple >= self.hunger:
            info = self._info() | {"ended_by": "collision" if died else "hunger"}
            return self._observation(), -1.0, True, False, info
        if ate:
            self.apples += 1
            if len(self.body) == self.size * self.size:  # the board is full: a win
                return self._observation(), 1.0, True, False, self._info() | {"ended_by": "win"}
            self._place_apple()
        return self._observation(), float(ate), False, False, self._info()

    def render(self) -> np.ndarray | None:
        """An RGB picture: grey board, green body, dark green head, red apple."""
        if self.render_mode != "rgb_array":
            return None
        cell = 32
        image = np.full((self.size * cell, self.size * cell, 3), 40, dtype=np.uint8)
        colours = {self.apple: (220, 40, 40)}
        colours.update({part: (60, 180, 75) for part in self.body[1:]})
        colours[self.body[0]] = (20, 100, 40)
        for (row, column), colour in colours.items():
            top, left = row * cell + 2, column * cell + 2
            image[top : top + cell - 4, left : left + cell - 4] = colour
        return image
