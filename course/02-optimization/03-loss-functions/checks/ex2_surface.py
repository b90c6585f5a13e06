"""Check for exercise 2: the loss grid against a loop over (b, w) written here, on seeded
data, and the contoured values, axes, labels and title of the figure."""

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
    expect_true,
    get_function,
    random_cases,
    recorded_contours,
    recorded_figures,
    saved_to,
)


def reference_grid(x: np.ndarray, y: np.ndarray, ws: np.ndarray, bs: np.ndarray) -> np.ndarray:
    grid = np.empty((len(bs), len(ws)))
    for i, b in enumerate(bs):
        for j, w in enumerate(ws):
            grid[i, j] = ((w * x + b - y) ** 2).mean()
    return grid


def random_data(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    n = int(rng.integers(5, 15))
    x = rng.uniform(-1, 1, size=n)
    return x, rng.normal(1.5, 0.5) * x + rng.normal(0.5, 0.5) + rng.normal(0, 0.2, size=n)


def check_grid(module: ModuleType, x: np.ndarray, y: np.ndarray) -> None:
    loss_grid = get_function(module, "loss_grid")
    ws, bs = np.linspace(-1, 3, 5), np.linspace(-1, 2, 4)
    what = f"loss_grid(x, y, ws, bs) with {len(ws)} slopes and {len(bs)} intercepts"
    got = expect_tensor(loss_grid(*(torch.tensor(a) for a in (x, y, ws, bs))), what)
    expected = reference_grid(x, y, ws, bs)
    if tuple(got.shape) == (len(ws), len(bs)):
        raise CheckFailed(f"{what}: shape (W, B) = {tuple(got.shape)}; rows are intercepts, (B, W)")
    expect_shape(got, (len(bs), len(ws)), what)
    without_bias = reference_grid(x, y, ws, np.zeros_like(bs))
    if np.allclose(got.detach().double().numpy(), without_bias):
        raise CheckFailed(f"{what}: every row is the same, the loss of w x alone; add b = bs[i]")
    expect_close(got, expected, what)


def check_figure(module: ModuleType, x: np.ndarray, y: np.ndarray) -> None:
    plot_surface = get_function(module, "plot_surface")
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "surface.png"
        with recorded_figures() as figures, recorded_contours() as contours:
            plot_surface(torch.tensor(x), torch.tensor(y), file)
        expect_png(file, "plot_surface", min_size=(200, 200))
    figure = saved_to(figures, file, "plot_surface")
    expect_true(bool(contours), "plot_surface drew no contours: call ax.contour(ws, bs, grid)")
    ws, bs, z = contours[-1].x, contours[-1].y, contours[-1].z
    expect_true(ws.ndim == 1 and bs.ndim == 1, "pass ax.contour the 1-D ws and bs, then the grid")
    expect_true(
        ws.min() <= -1.99 and ws.max() >= 3.99 and bs.min() <= -1.99 and bs.max() >= 2.99,
        f"the grid spans w in [{ws.min():g}, {ws.max():g}] and b in [{bs.min():g}, "
        f"{bs.max():g}]: it should cover w in [-2, 4] and b in [-2, 3]",
    )
    expect_close(z, reference_grid(x, y, ws, bs), "the values you contoured", atol=1e-6)
    axes = figure.axes[0]
    expect_true(
        "w" in axes.xlabel and "b" in axes.ylabel,
        "name the axes after the parameters (w across, b up): got "
        f"{axes.xlabel!r}, {axes.ylabel!r}",
    )
    expect_true(any(figure.titles()), "the figure needs a title: ax.set_title(...)")


def check(module: ModuleType) -> None:
    data = [(np.array([-1.0, 0.0, 1.0, 2.0]), np.array([-1.0, 1.0, 3.0, 5.0]))]
    for x, y in data + random_cases(111, 3, random_data):
        check_grid(module, x, y)
    check_figure(module, *random_cases(112, 1, random_data)[0])
