"""Check for exercise 2: the images and the predicted covariance against values computed
here in float64 for non-symmetric matrices; the plotted points, legend and labels read
back from the saved figure."""

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
    recorded_figures,
    saved_to,
)


def check_case(module: ModuleType, data: torch.Tensor, matrix: torch.Tensor, folder: Path) -> None:
    transform_and_plot = get_function(module, "transform_and_plot")
    path = folder / "before_after.png"
    what = f"transform_and_plot(data, {matrix.tolist()})"
    points, m = data.double().numpy(), matrix.double().numpy()
    with recorded_figures() as figures:
        answer = expect_type(transform_and_plot(data, matrix, path), tuple, what)
    if len(answer) != 2:
        raise CheckFailed(f"{what}: expected a pair (images, predicted covariance)")
    images = expect_tensor(answer[0], f"{what}, the images")
    predicted = expect_tensor(answer[1], f"{what}, the predicted covariance")
    symmetric = np.allclose(m, m.T)
    if not symmetric and np.allclose(images.double().numpy(), points @ m, atol=1e-4):
        raise CheckFailed(f"{what}: for rows p, M p is p @ M.T, not p @ M")
    expect_close(images, points @ m.T, f"{what}, the images", atol=1e-4)
    cov = np.cov(points.T)
    expect_shape(predicted, (2, 2), f"{what}, the predicted covariance")
    if not symmetric and np.allclose(predicted.double().numpy(), m.T @ cov @ m, atol=1e-4):
        raise CheckFailed(f"{what}: the covariance of M x is M C M^T, not M^T C M")
    expect_close(predicted, m @ cov @ m.T, f"{what}, the predicted covariance", atol=1e-3)
    expect_png(path, what)
    axes = saved_to(figures, path, what).axes[0]
    for name, expected in [("before", points), ("after", points @ m.T)]:
        if not any(
            drawn.shape == expected.shape and np.allclose(drawn, expected, atol=1e-4)
            for drawn in axes.points
        ):
            raise CheckFailed(f"{what}: no scatter call drew the points {name} the map")
    if not {"before", "after"} <= set(axes.legend):
        raise CheckFailed(f"{what}: the legend should name 'before' and 'after', got {axes.legend}")
    if not (axes.title and axes.xlabel and axes.ylabel):
        raise CheckFailed(f"{what}: give the plot a title and label both axes")


def check(module: ModuleType) -> None:
    generator = torch.Generator().manual_seed(92)
    with tempfile.TemporaryDirectory() as folder:
        for matrix in [
            torch.tensor([[1.0, -1.0], [0.0, 1.0]]),  # a shear: not symmetric
            torch.tensor([[0.5, 0.0], [0.0, 2.0]]),
            torch.tensor([[0.3, -1.2], [0.8, 0.4]]),
        ]:
            data = torch.randn(40, 2, generator=generator) * torch.tensor([2.0, 0.5]) + 1.0
            check_case(module, data, matrix, Path(folder))
