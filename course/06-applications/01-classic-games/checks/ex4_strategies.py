"""Check of exercise 4: the first-move grid and the opening shares on seeded tables and
game records, and a figure that shows both on the colour scales the task asks for."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_array_equal,
    expect_close,
    expect_equal,
    expect_shape,
    expect_true,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)

Board = tuple[int, ...]


def one_mark(cell: int, mark: int = 1) -> Board:
    return tuple(mark if i == cell else 0 for i in range(9))


def random_table(rng: np.random.Generator) -> dict[Board, float]:
    """Values for most single-X boards, plus single-O boards and later boards that must
    not be read as first moves."""
    table: dict[Board, float] = {}
    for cell in range(9):
        if rng.random() < 0.8:
            table[one_mark(cell)] = round(float(rng.uniform(-1, 1)), 3)
        table[one_mark(cell, 2)] = 5.0  # O alone on a cell: never X's first move
    for _ in range(20):
        board = tuple(int(v) for v in rng.integers(0, 3, 9))
        if sum(v != 0 for v in board) > 1:
            table[board] = 9.0
    return table


def check_values(first_move_values: Callable[..., Any]) -> None:
    for number, table in enumerate(random_cases(66, 20, random_table)):
        expected = np.array([table.get(one_mark(cell), 0.0) for cell in range(9)]).reshape(3, 3)
        got = np.asarray(first_move_values(table), dtype=np.float64)
        expect_shape(got, (3, 3), "first_move_values(table)")
        expect_array_equal(
            got,
            expected,
            f"first_move_values on seeded table {number}: entry [row, column] is V of the "
            "board with one X on cell 3 * row + column (row by row; missing boards are 0)",
        )


def check_shares(opening_shares: Callable[..., Any]) -> None:

    def case(rng: np.random.Generator) -> tuple[list[int], float]:
        games = int(rng.integers(50, 400))
        early = rng.choice([-1, 0, 1, 2], size=games // 2)  # early games prefer the top row
        late = rng.choice([-1, 4, 6, 8, 4], size=games - games // 2)
        return [int(v) for v in np.concatenate([early, late])], float(rng.uniform(0.1, 0.5))

    for number, (openings, last_share) in enumerate(random_cases(67, 20, case)):
        late = np.array(openings[len(openings) - round(len(openings) * last_share) :])
        chosen = late[late >= 0]
        expected = (np.bincount(chosen, minlength=9) / len(chosen)).reshape(3, 3)
        got = np.asarray(opening_shares(list(openings), last_share), dtype=np.float64)
        what = (
            f"opening_shares on seeded record {number} "
            f"({len(openings)} games, last_share={last_share:.2f})"
        )
        expect_shape(got, (3, 3), what)
        if abs(got.sum() - 1.0) > 1e-9:
            raise CheckFailed(
                f"{what}: the shares sum to {got.sum():.3f}, not 1: divide by the games whose "
                "opening X chose (the -1 games left out of the count too)"
            )
        expect_close(
            got,
            expected,
            f"{what}: the shares over the LAST round(len(openings) * last_share) games",
        )


def check_plot(module: ModuleType) -> None:
    plot_strategy = get_function(module, "plot_strategy")
    rng = np.random.default_rng(68)
    values = rng.uniform(-0.3, 0.4, (3, 3))
    shares = rng.dirichlet(np.ones(9)).reshape(3, 3)
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "strategy.png"
        plot_strategy(values, shares, path)
        figure = saved_to(figures, path, "plot_strategy")
    images = [
        (axes, image, limits)
        for axes in figure.axes
        for image, limits in zip(axes.images, axes.image_limits, strict=True)
    ]
    expect_equal(len(images), 2, "heatmaps (imshow) in plot_strategy's figure")
    (value_axes, value_image, value_limits), (share_axes, share_image, _) = images
    expect_close(value_image, values, "the first heatmap: the first-move values")
    expect_close(share_image, shares, "the second heatmap: the opening shares")
    expect_equal(
        value_limits,
        (-1.0, 1.0),
        "the colour scale of the values (vmin, vmax): from -1, a sure loss, to +1, a sure "
        "win, so that a value near 0 reads as a draw",
    )
    for axes, name in ((value_axes, "values"), (share_axes, "shares")):
        expect_true(bool(axes.title), f"the {name} heatmap needs a title")
        expect_true(len(axes.texts) >= 9, f"the {name} heatmap: write the number in every cell")


def check(module: ModuleType) -> None:
    check_values(get_function(module, "first_move_values"))
    check_shares(get_function(module, "opening_shares"))
    check_plot(module)
