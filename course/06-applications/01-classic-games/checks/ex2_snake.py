"""Check of exercise 2: move_snake moves, grows and dies as Snake's rules say on fixed and
seeded positions, and draw_board paints each cell in its colour."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_array_equal,
    expect_equal,
    expect_shape,
    get_function,
    random_cases,
)

Cell = tuple[int, int]
STEPS: tuple[Cell, ...] = ((-1, 0), (0, 1), (1, 0), (0, -1))


def reference_move(body: list[Cell], heading: int, apple: Cell, size: int) -> tuple[Any, ...]:
    head = (body[0][0] + STEPS[heading][0], body[0][1] + STEPS[heading][1])
    if not (0 <= head[0] < size and 0 <= head[1] < size):
        return list(body), False, True
    if head == apple:
        return ([head, *body], True, False) if head not in body else (list(body), False, True)
    if head in body[:-1]:
        return list(body), False, True
    return [head, *body[:-1]], False, False


def hint(body: list[Cell], heading: int, apple: Cell, size: int) -> str:
    head = (body[0][0] + STEPS[heading][0], body[0][1] + STEPS[heading][1])
    if not (0 <= head[0] < size and 0 <= head[1] < size):
        return "the head leaves the board: the snake dies"
    if head == apple:
        return "the head reaches the apple: eating grows the snake (the tail stays)"
    if head == body[-1]:
        return (
            "the head enters the cell the tail leaves in the same step: "
            "the tail leaves its cell, so this is safe"
        )
    if head in body:
        return "the head enters its own body: the snake dies"
    return "a plain step: the head moves on, the tail follows"


def random_position(rng: np.random.Generator) -> tuple[list[Cell], int, Cell, int]:
    """A self-avoiding snake of 2-10 cells on a 5-7 board, a heading and an apple, often
    placed just ahead of the head, so that eating, tails and walls all come up."""
    size = int(rng.integers(5, 8))
    while True:
        body = [(int(rng.integers(size)), int(rng.integers(size)))]
        for _ in range(int(rng.integers(1, 10))):
            row, column = body[-1]
            options = [(row + dr, column + dc) for dr, dc in STEPS]
            options = [
                c for c in options if 0 <= c[0] < size and 0 <= c[1] < size and c not in body
            ]
            if not options:
                break
            body.append(options[int(rng.integers(len(options)))])
        if len(body) >= 2:
            break
    heading = int(rng.integers(4))
    ahead = (body[0][0] + STEPS[heading][0], body[0][1] + STEPS[heading][1])
    free = [(r, c) for r in range(size) for c in range(size) if (r, c) not in body]
    inside = 0 <= ahead[0] < size and 0 <= ahead[1] < size
    if inside and ahead not in body and rng.random() < 0.4:
        apple = ahead
    else:
        apple = free[int(rng.integers(len(free)))]
    return body, heading, apple, size


def check_moves(move_snake: Callable[..., Any]) -> None:
    fixed = [
        ([(2, 2), (2, 1), (2, 0)], 1, (5, 5), 6),  # a plain step right
        ([(2, 2), (2, 1), (2, 0)], 1, (2, 3), 6),  # onto the apple
        ([(0, 0), (0, 1)], 0, (5, 5), 6),  # up into the top wall
        ([(2, 5), (2, 4)], 1, (0, 0), 6),  # right into the right wall
        ([(5, 1), (5, 2)], 2, (0, 0), 6),  # down into the bottom wall
        ([(1, 1), (1, 2), (2, 2), (2, 1)], 2, (5, 5), 6),  # into the cell the tail leaves
        ([(1, 1), (1, 2), (2, 2), (2, 1)], 1, (5, 5), 6),  # into its own neck
    ]
    for body, heading, apple, size in fixed + random_cases(63, 300, random_position):
        expected = reference_move(body, heading, apple, size)
        got = move_snake([tuple(cell) for cell in body], heading, apple, size)
        what = (
            f"move_snake({body}, heading={heading}, apple={apple}, size={size}) "
            f"({hint(body, heading, apple, size)})"
        )
        if not isinstance(got, tuple) or len(got) != 3:
            raise CheckFailed(f"{what}: expected a tuple (body, ate, died), got {got!r}")
        new_body, ate, died = got
        expect_equal((bool(ate), bool(died)), (expected[1], expected[2]), f"{what}: (ate, died)")
        expect_equal([tuple(cell) for cell in new_body], expected[0], f"{what}: the new body")


def check_drawing(module: ModuleType) -> None:
    draw_board = get_function(module, "draw_board")
    colours = {name: np.array(getattr(module, name)) for name in ("BODY", "HEAD", "APPLE")}
    background = np.array(module.BACKGROUND)
    for body, _, apple, size in random_cases(64, 20, random_position):
        cell = 3
        image = np.asarray(draw_board(body, apple, size, cell))
        expect_shape(image, (size * cell, size * cell, 3), f"draw_board(size={size}, cell={cell})")
        expect_equal(str(image.dtype), "uint8", "draw_board's dtype")
        expected = np.broadcast_to(background, (size, size, 3)).copy()
        expected[apple] = colours["APPLE"]
        for part in body[1:]:
            expected[part] = colours["BODY"]
        expected[body[0]] = colours["HEAD"]
        centres = image[cell // 2 :: cell, cell // 2 :: cell]  # one pixel per board cell
        expect_array_equal(
            centres,
            expected,
            f"draw_board({body}, apple={apple}, size={size}): the colour of each board cell "
            "(row first, then column; HEAD on body[0], BODY on the rest, APPLE, else BACKGROUND)",
        )


def check(module: ModuleType) -> None:
    check_moves(get_function(module, "move_snake"))
    check_drawing(module)
