"""Exercise 2: the step of Snake and a picture of the board, for a GIF of the game.

Fill in ``move_snake`` and ``draw_board``, then run this file (it plays a random game and
saves snake_random.gif) and `rlcourse check 6.1`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

Cell = tuple[int, int]  # (row, column), row 0 at the top
HEADINGS: tuple[Cell, ...] = ((-1, 0), (0, 1), (1, 0), (0, -1))  # up, right, down, left
BODY, HEAD, APPLE = (60, 180, 75), (20, 100, 40), (220, 40, 40)  # RGB colours
BACKGROUND = (40, 40, 40)


def move_snake(
    body: list[Cell], heading: int, apple: Cell, size: int
) -> tuple[list[Cell], bool, bool]:
    """One step of the snake ``body`` (head first) towards ``HEADINGS[heading]``.

    Returns (new body, ate, died). Eating the apple grows the snake: the tail stays.
    Otherwise the tail leaves its cell in the same step, so the head may move into it.
    Leaving the size x size board or entering a cell the body still occupies kills the
    snake: then return the body unchanged, False, True.
    """
    d_row, d_column = HEADINGS[heading]
    head = (body[0][0] + d_row, body[0][1] + d_column)
    ate = head == apple
    keeps = body if ate else body[:-1]
    inside = 0 <= head[0] < size and 0 <= head[1] < size
    if not inside or head in keeps:
        return list(body), False, True
    return [head, *keeps], ate, False


def draw_board(body: list[Cell], apple: Cell, size: int, cell: int = 8) -> np.ndarray:
    """A (size * cell, size * cell, 3) uint8 picture: each board cell a cell x cell square
    of BACKGROUND, BODY, HEAD (body[0]) or APPLE."""
    image = np.full((size * cell, size * cell, 3), BACKGROUND, dtype=np.uint8)
    for (row, column), colour in [(apple, APPLE), *((part, BODY) for part in body[1:])]:
        image[row * cell : (row + 1) * cell, column * cell : (column + 1) * cell] = colour
    row, column = body[0]
    image[row * cell : (row + 1) * cell, column * cell : (column + 1) * cell] = HEAD
    return image


def random_game_gif(path: Path, size: int = 6, seed: int = 0) -> int:
    """Play a random game with your functions and save it as a GIF; returns its length."""
    rng = np.random.default_rng(seed)
    body, heading, apple = [(3, 3), (3, 2), (3, 1)], 1, (0, 5)
    frames = [Image.fromarray(draw_board(body, apple, size))]
    steps = 0
    while steps < 200:
        steps += 1
        heading = (heading + int(rng.integers(-1, 2))) % 4  # straight, left or right
        body, ate, died = move_snake(body, heading, apple, size)
        if died:
            break
        if ate:
            free = [(r, c) for r in range(size) for c in range(size) if (r, c) not in body]
            apple = free[int(rng.integers(len(free)))]
        frames.append(Image.fromarray(draw_board(body, apple, size)))
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=150, loop=0)
    return steps


if __name__ == "__main__":
    print(move_snake([(2, 2), (2, 1), (2, 0)], 1, (2, 3), 6))  # eats: grows to 4 cells
    print(f"random game: {random_game_gif(Path('snake_random.gif'))} steps")
