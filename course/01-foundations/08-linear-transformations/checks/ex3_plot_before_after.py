"""Check for exercise 3: the area factor against |ad - bc| computed here (with
torch.linalg.det made to raise); the returned image, and the two closed outlines, the
legend, labels and title read back from the saved figure."""

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
    expect_tensor,
    expect_type,
    forbidden,
    get_function,
    recorded_figures,
    saved_to,
)

DETERMINANT = {
    name: "compute a d - b c from the entries" for name in ("torch.linalg.det", "torch.det")
}


def check_area(module: ModuleType, matrix: torch.Tensor) -> float:
    area_factor = get_function(module, "area_factor")
    (a, b), (c, d) = matrix.double().tolist()
    expected = abs(a * d - b * c)
    what = f"area_factor({matrix.tolist()})"
    with forbidden(DETERMINANT, module):
        got = expect_type(area_factor(matrix), float, what)
    if abs(got - abs(a * d + b * c)) < 1e-6 and abs(expected - abs(a * d + b * c)) > 1e-6:
        raise CheckFailed(f"{what}: expected {expected:.4f}, got {got:.4f}: it is a d minus b c")
    expect_close(got, expected, what, atol=1e-5)
    return expected


def check_plot(
    module: ModuleType, corners: torch.Tensor, matrix: torch.Tensor, folder: Path
) -> None:
    plot_before_after = get_function(module, "plot_before_after")
    path = folder / "before_after.png"
    what = f"plot_before_after(corners, {matrix.tolist()})"
    expected = np.array([matrix.double().numpy() @ p for p in corners.double().numpy()])
    with recorded_figures() as figures:
        image = expect_tensor(plot_before_after(corners, matrix, path), what)
    expect_png(path, what)
    if np.allclose(
        image.double().numpy(), corners.double().numpy() @ matrix.double().numpy(), atol=1e-5
    ) and not np.allclose(expected, corners.double().numpy() @ matrix.double().numpy()):
        raise CheckFailed(f"{what}: for rows p, M p is p @ M.T, not p @ M")
    expect_close(image, expected, f"{what}, the returned corners", atol=1e-5)
    axes = saved_to(figures, path, what).axes[0]
    for name, shape in [("before", corners.double().numpy()), ("after", expected)]:
        closed = np.vstack([shape, shape[:1]])
        drawn = [
            line for line in axes.lines
            if line.x.shape == closed[:, 0].shape and np.allclose(line.x, closed[:, 0], atol=1e-5)
            and np.allclose(line.y, closed[:, 1], atol=1e-5)
        ]  # fmt: skip
        if not drawn:
            open_lines = [line for line in axes.lines if len(line.x) == len(shape)]
            hint = ": repeat the first corner at the end" if open_lines else ""
            raise CheckFailed(f"{what}: no closed outline of the {name} corners was plotted{hint}")
    if not {"before", "after"} <= set(axes.legend):
        raise CheckFailed(f"{what}: the legend should name 'before' and 'after', got {axes.legend}")
    factor = f"{check_area(module, matrix):.2f}"
    if factor not in axes.title:
        raise CheckFailed(
            f"{what}: the title should show the area factor {factor}, got {axes.title!r}"
        )
    if not (axes.xlabel and axes.ylabel):
        raise CheckFailed(f"{what}: label both axes")


def check(module: ModuleType) -> None:
    for matrix in [
        torch.tensor([[2.0, 0.0], [0.0, 0.75]]),
        torch.tensor([[1.0, 1.0], [0.0, 1.0]]),
        torch.tensor([[0.5, -1.5], [2.0, 1.0]]),
        torch.tensor([[1.0, 2.0], [2.0, 1.0]]),  # a negative determinant: the shape flips
    ]:
        check_area(module, matrix)
    square = torch.tensor([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])
    triangle = torch.tensor([[0.0, 0.0], [2.0, 0.0], [0.5, 1.0]])
    with tempfile.TemporaryDirectory() as folder:
        check_plot(module, square, torch.tensor([[0.5, -1.5], [2.0, 1.0]]), Path(folder))
        check_plot(module, triangle, torch.tensor([[1.0, 2.0], [0.0, 1.5]]), Path(folder))
