"""Check for exercise 3: probability_grid against the softmax of random small networks on
grids of unequal sides, then the figure read back from matplotlib: a contour plot of the
right probabilities over the points, one scatter call per class, labels, legend, aspect."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np
import torch
from torch import nn

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_shape,
    expect_tensor,
    get_function,
    recorded_contours,
    recorded_figures,
    saved_to,
)
from rlcourse.networks import mlp


def random_model(rng: np.random.Generator) -> nn.Module:
    torch.manual_seed(int(rng.integers(1000)))
    model = mlp(2, (6,), 2)
    with torch.no_grad():
        for parameter in model.parameters():
            parameter.mul_(3)  # sharper probabilities, so the mistakes differ clearly
    return model


def reference(model: nn.Module, g1: np.ndarray, g2: np.ndarray) -> np.ndarray:
    points = torch.from_numpy(np.stack([g1.ravel(), g2.ravel()], axis=1)).float()
    with torch.no_grad():
        return torch.softmax(model(points), dim=1)[:, 1].reshape(g1.shape).double().numpy()


def check_grid(module: ModuleType, rng: np.random.Generator) -> None:
    probability_grid = get_function(module, "probability_grid")
    model = random_model(rng)
    a, b = int(rng.integers(5, 12)), int(rng.integers(13, 20))  # a != b: a transpose shows
    x1, x2 = np.linspace(-2, 2, a), np.linspace(-1.5, 2.5, b)
    what = f"probability_grid(model, x1 of {a}, x2 of {b} values)"
    got = expect_tensor(
        probability_grid(model, torch.from_numpy(x1).float(), torch.from_numpy(x2).float()), what
    )
    if tuple(got.shape) == (a, b):
        raise CheckFailed(
            f"{what}: got shape {(a, b)}, expected {(b, a)}: row i holds the points at height "
            "x2[i] (torch.meshgrid(x1, x2, indexing='xy'); 'ij' gives the transpose)"
        )
    expect_shape(got, (b, a), what)
    g1, g2 = np.meshgrid(x1, x2)
    expected = reference(model, g1, g2)
    values = got.detach().double().numpy()
    if np.allclose(values, 1 - expected, atol=1e-4) and not np.allclose(expected, 0.5, atol=1e-3):
        raise CheckFailed(f"{what}: these are the probabilities of class 0; class 1 is column 1")
    if set(np.unique(values)) <= {0.0, 1.0}:
        raise CheckFailed(
            f"{what}: got only 0s and 1s, the predicted classes; return the softmax's probability"
        )
    points = torch.from_numpy(np.stack([g1.ravel(), g2.ravel()], axis=1)).float()
    with torch.no_grad():
        sigmoid = torch.sigmoid(model(points)[:, 1]).reshape(g1.shape).double().numpy()
    if np.allclose(values, sigmoid, atol=1e-4):
        raise CheckFailed(
            f"{what}: that is the sigmoid of logit 1 alone; the probability is the softmax "
            "over both logits"
        )
    expect_close(values, expected, what, atol=1e-4, rtol=1e-3)


def check_plot(module: ModuleType, rng: np.random.Generator) -> None:
    plot_boundary = get_function(module, "plot_boundary")
    model = random_model(rng)
    x = rng.normal(0, 1.2, (40, 2))
    y = np.repeat([0, 1], 20)
    what = "plot_boundary(model, x, y, path)"
    with (
        tempfile.TemporaryDirectory() as folder,
        recorded_figures() as figures,
        recorded_contours() as contours,
    ):
        path = Path(folder) / "boundary.png"
        plot_boundary(model, torch.from_numpy(x).float(), torch.from_numpy(y), path)
        axes = saved_to(figures, path, what).axes[0]
    matching = []
    for contour in contours:
        g1, g2 = (
            (contour.x, contour.y) if contour.x.ndim == 2 else np.meshgrid(contour.x, contour.y)
        )
        if g1.shape == contour.z.shape and np.allclose(
            contour.z, reference(model, g1, g2), atol=1e-3
        ):
            matching.append((g1, g2))
    if not matching:
        raise CheckFailed(
            f"{what}: expected ax.contourf(x1, x2, probabilities) with probability_grid's values"
        )
    g1, g2 = matching[0]
    if not (
        g1.min() <= x[:, 0].min()
        and g1.max() >= x[:, 0].max()
        and g2.min() <= x[:, 1].min()
        and g2.max() >= x[:, 1].max()
    ):
        raise CheckFailed(f"{what}: the grid does not cover all the points")
    for label in (0, 1):
        points = x[y == label]
        if not any(
            p.shape == points.shape and np.allclose(p, points, atol=1e-4) for p in axes.points
        ):
            raise CheckFailed(f"{what}: expected one scatter call with the points of class {label}")
    if not (axes.title and axes.xlabel and axes.ylabel):
        raise CheckFailed(f"{what}: give the plot a title and label both axes")
    if len(axes.legend) < 2:
        raise CheckFailed(f"{what}: add a legend naming both classes")
    if not axes.equal_aspect:
        raise CheckFailed(
            f"{what}: the axes are not at equal aspect, so the boundary's shape is drawn "
            'stretched: call ax.set_aspect("equal")'
        )


def check(module: ModuleType) -> None:
    rng = np.random.default_rng(84)
    for _ in range(4):
        check_grid(module, rng)
    for _ in range(2):
        check_plot(module, rng)
