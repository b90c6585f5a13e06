"""Check for exercise 4: projections against the formula computed here in float64, on
batches with as many rows as coordinates (where a broadcast along the wrong axis runs),
residuals perpendicular to the direction; the figure's points, legend and labels."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_png,
    expect_shape,
    expect_tensor,
    expect_type,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)


def random_case(rng: np.random.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    n, d = int(rng.integers(1, 6)), int(rng.integers(2, 5))
    if rng.random() < 0.4:
        n = d  # square batches: a broadcast along the wrong axis gives no error
    x = torch.from_numpy(rng.normal(size=(n, d))).float()
    return x, torch.from_numpy(rng.normal(size=d)).float()


def check_projection(module: ModuleType, x: torch.Tensor, onto: torch.Tensor) -> None:
    project_rows = get_function(module, "project_rows")
    what = f"project_rows(x, onto) for x of shape {tuple(x.shape)}"
    rows, y = x.double().numpy(), onto.double().numpy()
    expected = np.array([(row @ y) / (y @ y) * y for row in rows])
    answer = expect_type(project_rows(x, onto), tuple, what)
    if len(answer) != 2:
        raise CheckFailed(f"{what}: expected a pair (projections, residuals)")
    projections = expect_tensor(answer[0], f"{what}, the projections")
    residuals = expect_tensor(answer[1], f"{what}, the residuals")
    expect_shape(projections, expected.shape, f"{what}, the projections")
    by_length = np.array([(row @ y) / np.sqrt(y @ y) * y for row in rows])
    if np.allclose(projections.numpy(), by_length, atol=1e-4) and not np.allclose(
        by_length, expected
    ):
        raise CheckFailed(
            f"{what}: the projections are too long by the factor ||onto||: divide x . onto "
            "by onto . onto, the squared length"
        )
    expect_close(projections, expected, f"{what}, the projections", atol=1e-5)
    expect_close(residuals, rows - expected, f"{what}, the residuals (x - projections)", atol=1e-5)
    dots = residuals.double().numpy() @ y
    expect_close(dots, np.zeros(len(rows)), f"{what}: residuals . onto", atol=1e-4)


def check_figure(module: ModuleType, folder: Path) -> None:
    plot_projections = get_function(module, "plot_projections")
    x = torch.tensor([[1.0, 3.0], [3.0, -1.0], [-2.0, 1.0]])
    onto = torch.tensor([4.0, 2.0])
    y = onto.double().numpy()
    expected = np.array([(row @ y) / (y @ y) * y for row in x.double().numpy()])
    path = folder / "projections.png"
    what = "plot_projections(x, onto)"
    with recorded_figures() as figures:
        plot_projections(x, onto, path)
    expect_png(path, what)
    axes = saved_to(figures, path, what).axes[0]
    for name, points in [("points", x.double().numpy()), ("projections", expected)]:
        if not any(
            drawn.shape == points.shape and np.allclose(drawn, points, atol=1e-5)
            for drawn in axes.points
        ):
            raise CheckFailed(f"{what}: no scatter call drew the {name} {points.round(4).tolist()}")
    if len(axes.legend) < 2:
        raise CheckFailed(f"{what}: add a legend naming the points and the projections")
    if not (axes.title and axes.xlabel and axes.ylabel):
        raise CheckFailed(f"{what}: give the plot a title and label both axes")


def check(module: ModuleType) -> None:
    check_projection(module, torch.tensor([[1.0, 3.0]]), torch.tensor([4.0, 2.0]))
    for x, onto in random_cases(74, 8, random_case):
        check_projection(module, x, onto)
    with tempfile.TemporaryDirectory() as folder:
        check_figure(module, Path(folder))
