"""Check for exercise 4: the arrows' tails and vectors as recorded from the figure (not only
the PNG), drawn in data units, with a legend, axis names and a title."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_png,
    expect_true,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)

Arrow = tuple[float, float, float, float]  # tail x, tail y, dx, dy


def has_arrow(drawn: list[Arrow], wanted: Arrow) -> bool:
    return any(np.allclose(arrow, wanted, atol=1e-6) for arrow in drawn)


def check_plot(module: ModuleType, a: torch.Tensor, b: torch.Tensor, c1: float, c2: float) -> None:
    plot_combination = get_function(module, "plot_combination")
    what = f"plot_combination(a={a.tolist()}, b={b.tolist()}, c1={c1}, c2={c2})"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "combination.png"
        with recorded_figures() as figures:
            plot_combination(a, b, c1, c2, path)
        expect_png(path, what, min_size=(200, 200))
    figure = saved_to(figures, path, what)
    axes = next((axes for axes in figure.axes if axes.arrows), None)
    if axes is None:
        raise CheckFailed(f"{what}: the figure has no arrows: draw them with ax.quiver")
    drawn: list[Arrow] = []
    for quiver in axes.arrows:
        if quiver.angles != "xy":
            raise CheckFailed(
                f"{what}: an arrow was drawn with angles={quiver.angles!r}; pass angles='xy', "
                "scale_units='xy', scale=1 so that arrows have their true directions and lengths"
            )
        for x, y, u, v in zip(quiver.x, quiver.y, quiver.u, quiver.v, strict=True):
            drawn.append((float(x), float(y), float(u), float(v)))
    first, second = (c1 * a).tolist(), (c2 * b).tolist()
    total = [first[0] + second[0], first[1] + second[1]]
    if not has_arrow(drawn, (0.0, 0.0, *first)):
        raise CheckFailed(f"{what}: no arrow c1 a = {first} from the origin; arrows drawn: {drawn}")
    if not has_arrow(drawn, (*first, *second)):
        hint = (
            ": it starts at the origin; start it at the tip of c1 a"
            if has_arrow(drawn, (0.0, 0.0, *second))
            else ""
        )
        raise CheckFailed(f"{what}: no arrow c2 b = {second} from the tip of c1 a{hint}")
    if not has_arrow(drawn, (0.0, 0.0, *total)):
        raise CheckFailed(
            f"{what}: no arrow c1 a + c2 b = {total} from the origin; arrows drawn: {drawn}"
        )
    expect_true(
        len(axes.legend) >= 3, f"{what}: the legend should name the 3 arrows, got {axes.legend}"
    )
    expect_true(
        bool(axes.xlabel) and bool(axes.ylabel),
        f"{what}: both axes need a name: got x {axes.xlabel!r} and y {axes.ylabel!r}",
    )
    expect_true(any(figure.titles()), f"{what}: the figure needs a title")


def random_case(rng: np.random.Generator) -> tuple[torch.Tensor, torch.Tensor, float, float]:
    a, b = (torch.from_numpy(rng.integers(-3, 4, size=2)).float() for _ in range(2))
    c1, c2 = (float(rng.choice([-2.0, -1.0, 0.5, 1.5, 2.0])) for _ in range(2))
    return a, b, c1, c2


def check(module: ModuleType) -> None:
    check_plot(module, torch.tensor([1.0, 2.0]), torch.tensor([3.0, -1.0]), 2.0, -1.0)
    for a, b, c1, c2 in random_cases(41, 2, random_case):
        check_plot(module, a, b, c1, c2)
