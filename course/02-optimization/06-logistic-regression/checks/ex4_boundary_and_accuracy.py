"""Check for exercise 4: accuracy against the threshold at logit 0 on random logits, and
the figure read back from matplotlib: both classes, a line on w . x + b = 0, labels."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_type,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)


def random_logits(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    n = int(rng.integers(8, 30))
    return rng.normal(0, 2, n), rng.integers(0, 2, n).astype(float)


def check_accuracy(module: ModuleType, logits: np.ndarray, y: np.ndarray) -> None:
    accuracy = get_function(module, "accuracy")
    what = f"accuracy(logits of {len(y)} points, y)"
    got = expect_type(
        accuracy(torch.from_numpy(logits).float(), torch.from_numpy(y).float()), float, what
    )
    expected = float(((logits > 0) == y).mean())
    if np.isclose(got, expected * len(y)) and expected > 0:
        raise CheckFailed(f"{what}: {got:g} is a count of points; accuracy is the share, 0 to 1")
    if np.isclose(got, float(((logits > 0.5) == y).mean())) and not np.isclose(got, expected):
        raise CheckFailed(
            f"{what}: you thresholded the logits at 0.5; p > 0.5 means logit > 0 "
            "(or apply the sigmoid first)"
        )
    expect_close(got, expected, what)


def check_plot(module: ModuleType, rng: np.random.Generator) -> None:
    plot_boundary = get_function(module, "plot_boundary")
    x = rng.normal(0, 1.5, (40, 2))
    y = np.repeat([0.0, 1.0], 20)
    w, b = rng.uniform(0.5, 2, 2) * rng.choice([-1, 1], 2), float(rng.uniform(-1, 1))
    what = "plot_boundary(w, b, x, y, path)"
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "boundary.png"
        plot_boundary(
            torch.from_numpy(w).float(),
            b,
            torch.from_numpy(x).float(),
            torch.from_numpy(y).float(),
            path,
        )
        axes = saved_to(figures, path, what).axes[0]
    for label in (0, 1):
        points = x[y == label]
        if not any(
            p.shape == points.shape and np.allclose(p, points, atol=1e-4) for p in axes.points
        ):
            raise CheckFailed(f"{what}: expected one scatter call with the points of class {label}")
    on_boundary = [
        line
        for line in axes.lines
        if len(line.x) >= 2 and np.allclose(w[0] * line.x + w[1] * line.y + b, 0, atol=1e-3)
    ]
    if not on_boundary:
        raise CheckFailed(
            f"{what}: no drawn line satisfies w1 x1 + w2 x2 + b = 0; solve it for x2: "
            "x2 = -(w1 x1 + b) / w2"
        )
    if not (axes.title and axes.xlabel and axes.ylabel):
        raise CheckFailed(f"{what}: give the plot a title and label both axes")
    if len(axes.legend) < 3:
        raise CheckFailed(f"{what}: add a legend naming both classes and the boundary")
    if not axes.equal_aspect:
        raise CheckFailed(
            f"{what}: the axes are not at equal aspect, so the boundary's slope is drawn "
            'distorted: call ax.set_aspect("equal")'
        )


def check(module: ModuleType) -> None:
    for logits, y in random_cases(66, 6, random_logits):
        check_accuracy(module, logits, y)
    rng = np.random.default_rng(67)
    for _ in range(3):
        check_plot(module, rng)
