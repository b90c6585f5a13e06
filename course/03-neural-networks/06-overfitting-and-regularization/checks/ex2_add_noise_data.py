"""Check for exercise 2: flip_labels flips exactly round(fraction * n) labels, chosen from the
generator, without touching its input; the figure's two lines, labels and legend."""

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
    expect_seeded,
    expect_shape,
    expect_tensor,
    expect_true,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)


def random_case(rng: np.random.Generator) -> tuple[torch.Tensor, float]:
    n = int(rng.integers(20, 200))
    y = torch.from_numpy(rng.integers(0, 2, size=(n, 1)).astype(np.float32))
    return y, float(rng.choice([0.1, 0.25, 0.29, 0.4, 0.5]))


def check_case(module: ModuleType, y: torch.Tensor, fraction: float, seed: int) -> None:
    flip_labels = get_function(module, "flip_labels")
    original = y.clone()
    what = f"flip_labels on {len(y)} labels with fraction {fraction}"
    noisy = expect_tensor(flip_labels(y, fraction, torch.Generator().manual_seed(seed)), what)
    if not torch.equal(y, original):
        raise CheckFailed(f"{what}: your function changed y itself: flip a copy (y.clone())")
    expect_shape(noisy, tuple(y.shape), what)
    expect_true(
        bool(((noisy == 0) | (noisy == 1)).all()), f"{what}: every label must stay 0.0 or 1.0"
    )
    flipped = int((noisy != y).sum())
    expected = round(fraction * len(y))
    if flipped != expected:
        raise CheckFailed(
            f"{what}: {flipped} labels flipped, expected exactly round({fraction} * {len(y)}) = "
            f"{expected}: choose that many distinct positions (torch.randperm), not a "
            "probability per label or positions that may repeat"
        )


def check_plot(module: ModuleType) -> None:
    plot_overfitting = get_function(module, "plot_overfitting")
    fractions, train, test = [0.0, 0.1, 0.3], [0.01, 0.02, 0.05], [0.2, 0.9, 1.7]
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "noise.png"
        plot_overfitting(fractions, train, test, path)
        expect_png(path, "plot_overfitting")
        figure = saved_to(figures, path, "plot_overfitting")
    lines = {line.label: line for line in figure.lines()}
    for label, values in (("training loss", train), ("test loss", test)):
        if label not in lines:
            raise CheckFailed(f"plot_overfitting: no line labelled {label!r}; got {sorted(lines)}")
        expect_close(lines[label].x, np.array(fractions), f"the x values of {label!r}")
        expect_close(lines[label].y, np.array(values), f"the y values of {label!r}")
    axes = figure.axes[0]
    expect_true(bool(axes.title or figure.suptitle), "plot_overfitting: the figure has no title")
    expect_true(bool(axes.xlabel and axes.ylabel), "plot_overfitting: label both axes")
    expect_true(
        len(axes.legend) == 2, f"plot_overfitting: a legend of the two lines, got {axes.legend}"
    )


def check(module: ModuleType) -> None:
    y = torch.zeros(100, 1)
    y[::2] = 1.0
    check_case(module, y, 0.29, seed=0)  # 0.29 * 100 is 28.999999999999996 in floating point
    for seed, (labels, fraction) in enumerate(random_cases(37, 20, random_case)):
        check_case(module, labels, fraction, seed)
    flip_labels = get_function(module, "flip_labels")
    expect_seeded(
        lambda seed: flip_labels(y, 0.3, torch.Generator().manual_seed(seed)),
        "flip_labels(y, 0.3, generator)",
    )
    check_plot(module)
