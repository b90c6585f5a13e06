"""Check for exercise 3: the boundary's two points lie on the line of random weights,
and the figure has one panel per epoch whose line is that epoch's boundary."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_shape,
    expect_tensor,
    expect_true,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)


def random_weights(rng: np.random.Generator) -> torch.Tensor:
    w = rng.normal(size=3)
    w[1] = float(rng.choice([-1, 1])) * rng.uniform(0.5, 2.0)
    return torch.from_numpy(w).float()


def check_points(module: ModuleType, weights: torch.Tensor) -> None:
    boundary_points = get_function(module, "boundary_points")
    what = f"boundary_points({[round(v, 3) for v in weights.tolist()]}, -2.0, 2.0)"
    got = expect_tensor(boundary_points(weights, -2.0, 2.0), what)
    expect_shape(got, (2, 2), what)
    w0, w1, b = weights.double().tolist()
    x0 = np.array([-2.0, 2.0])
    expected = np.stack([x0, -(w0 * x0 + b) / w1], axis=1)
    values = got.double().numpy()
    if np.allclose(values[:, 1], (w0 * x0 + b) / w1, atol=1e-4):
        raise CheckFailed(f"{what}: you lost the minus sign: x_1 = -(w_0 x_0 + b) / w_1")
    if np.allclose(values[:, 1], -(w0 * x0) / w1 - b, atol=1e-4):
        raise CheckFailed(f"{what}: divide the bias by w_1 too: x_1 = -(w_0 x_0 + b) / w_1")
    expect_close(got, expected, what, atol=1e-4)


def check(module: ModuleType) -> None:
    for weights in random_cases(53, 6, random_weights):
        check_points(module, weights)
    plot_epochs = get_function(module, "plot_epochs")
    generator = torch.Generator().manual_seed(3)
    points = torch.rand(30, 2, generator=generator) * 4 - 2
    labels = torch.where(points[:, 0] > points[:, 1], 1.0, -1.0)
    history = [
        torch.tensor([1.0, -0.5, 0.2]),
        torch.tensor([1.0, -1.2, 0.0]),
        torch.tensor([2.0, -2.0, 0.1]),
    ]
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "epochs.png"
        plot_epochs(points, labels, history, path)
        figure = saved_to(figures, path, "plot_epochs")
    panels = [axes for axes in figure.axes if axes.lines or axes.points]
    expect_equal(len(panels), len(history), "plot_epochs: the number of panels (one per epoch)")
    for epoch, (axes, weights) in enumerate(zip(panels, history, strict=True), start=1):
        expect_true(
            len(axes.lines) == 1,
            f"panel {epoch} has {len(axes.lines)} lines: expected one boundary line per panel",
        )
        line = axes.lines[0]
        w0, w1, b = weights.tolist()
        residual = np.abs(w0 * line.x + w1 * line.y + b).max()
        expect_true(
            residual < 1e-3,
            f"panel {epoch}: its line is not w_0 x_0 + w_1 x_1 + b = 0 for epoch {epoch}'s "
            f"weights (off by {residual:.3g})",
        )
        expect_true(bool(axes.xlabel and axes.ylabel), f"panel {epoch}: label both axes (x_0, x_1)")
        expect_true(str(epoch) in axes.title, f"panel {epoch}: put the epoch number in its title")
