"""Check for exercise 4: class_grid against the argmax of the logits on random weights and
grids of unequal sides, then the figure read back from matplotlib: a contourf of the
right classes over the points, one scatter call per class, labels, legend, equal aspect."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_array_equal,
    expect_shape,
    expect_tensor,
    get_function,
    recorded_contours,
    recorded_figures,
    saved_to,
)


def classes_at(weight: np.ndarray, bias: np.ndarray, g1: np.ndarray, g2: np.ndarray) -> np.ndarray:
    """The argmax class at each point (g1, g2) of two grids of the same shape."""
    points = np.stack([g1.ravel(), g2.ravel()], axis=1)
    return (points @ weight.T + bias).argmax(axis=1).reshape(g1.shape)


def random_model(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    k = int(rng.integers(2, 6))
    return rng.normal(0, 2, (k, 2)), rng.normal(0, 2, k)


def check_grid(module: ModuleType, rng: np.random.Generator) -> None:
    class_grid = get_function(module, "class_grid")
    weight, bias = random_model(rng)
    a, b = int(rng.integers(5, 12)), int(rng.integers(13, 20))  # a != b: a transpose shows
    x1, x2 = np.linspace(-3, 3, a), np.linspace(-2, 4, b)
    what = f"class_grid(weight {weight.shape}, bias, x1 of {a}, x2 of {b} values)"
    got = expect_tensor(
        class_grid(*(torch.from_numpy(v).float() for v in (weight, bias, x1, x2))), what
    )
    if tuple(got.shape) == (a, b):
        raise CheckFailed(
            f"{what}: got shape {(a, b)}, expected {(b, a)}: row i holds the points at height "
            "x2[i] (torch.meshgrid(x1, x2, indexing='xy'); 'ij' gives the transpose)"
        )
    expect_shape(got, (b, a), what)
    g1, g2 = np.meshgrid(x1, x2)
    expected = classes_at(weight, bias, g1, g2)
    without_bias = classes_at(weight, np.zeros_like(bias), g1, g2)
    if np.array_equal(got.numpy(), without_bias) and not np.array_equal(expected, without_bias):
        raise CheckFailed(
            f"{what}: your classes ignore the bias: the logits are x @ weight.T + bias"
        )
    expect_array_equal(got, expected, f"{what}: the class of the largest logit at each point")


def check_plot(module: ModuleType, rng: np.random.Generator) -> None:
    plot_regions = get_function(module, "plot_regions")
    weight, bias = random_model(rng)
    k = len(bias)
    x = rng.normal(0, 2, (12 * k, 2))
    y = np.repeat(np.arange(k), 12)
    what = f"plot_regions(weight of {k} classes, bias, x, y, path)"
    with (
        tempfile.TemporaryDirectory() as folder,
        recorded_figures() as figures,
        recorded_contours() as contours,
    ):
        path = Path(folder) / "regions.png"
        tensors = (torch.from_numpy(v).float() for v in (weight, bias, x))
        plot_regions(*tensors, torch.from_numpy(y), path)
        axes = saved_to(figures, path, what).axes[0]
    if not contours:
        raise CheckFailed(f"{what}: expected the regions drawn with ax.contourf(x1, x2, classes)")
    contour = contours[-1]
    g1, g2 = contour.x, contour.y
    if g1.ndim == 1:
        g1, g2 = np.meshgrid(g1, g2)
    if not (g1.min() <= x[:, 0].min() and g1.max() >= x[:, 0].max()):
        raise CheckFailed(f"{what}: the grid does not cover the points along x1")
    if not (g2.min() <= x[:, 1].min() and g2.max() >= x[:, 1].max()):
        raise CheckFailed(f"{what}: the grid does not cover the points along x2")
    wrong = contour.z != classes_at(weight, bias, g1, g2)
    if wrong.mean() > 0.01:  # a point exactly on a boundary may round either way
        raise CheckFailed(
            f"{what}: the contourf shows the wrong class at {wrong.mean():.0%} of its grid "
            "points: draw class_grid's classes over the same x1, x2"
        )
    for label in range(k):
        points = x[y == label]
        if not any(
            p.shape == points.shape and np.allclose(p, points, atol=1e-4) for p in axes.points
        ):
            raise CheckFailed(f"{what}: expected one scatter call with the points of class {label}")
    if not (axes.title and axes.xlabel and axes.ylabel):
        raise CheckFailed(f"{what}: give the plot a title and label both axes")
    if len(axes.legend) < k:
        raise CheckFailed(f"{what}: add a legend naming each of the {k} classes")
    if not axes.equal_aspect:
        raise CheckFailed(
            f"{what}: the axes are not at equal aspect, so the regions' angles are drawn "
            'distorted: call ax.set_aspect("equal")'
        )


def check(module: ModuleType) -> None:
    rng = np.random.default_rng(76)
    for _ in range(5):
        check_grid(module, rng)
    for _ in range(3):
        check_plot(module, rng)
