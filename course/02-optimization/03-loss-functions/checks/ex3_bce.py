"""Check for exercise 3: BCE from logits against log(1 + e^{-z}) and log(1 + e^{z}) computed
here in float64, finite at z = +-100 in float32, the library's BCE forbidden, and the
figure's data."""

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
    forbidden,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)

SHORTCUTS = {
    "torch.nn.functional.binary_cross_entropy": "write the loss yourself",
    "torch.nn.functional.binary_cross_entropy_with_logits": "write the loss yourself",
    "torch.nn.functional.softplus": "write log(1 + e^t) stably yourself",
}


def reference(z: np.ndarray, y: np.ndarray) -> np.ndarray:
    return y * np.logaddexp(0.0, -z) + (1 - y) * np.logaddexp(0.0, z)


def check_values(module: ModuleType, z: np.ndarray, y: np.ndarray) -> None:
    bce_with_logits = get_function(module, "bce_with_logits")
    what = f"bce_with_logits(z, y) for z = {np.round(z, 2).tolist()}, y = {y.tolist()}"
    with forbidden(SHORTCUTS, module):
        got = expect_tensor(bce_with_logits(torch.tensor(z), torch.tensor(y)), what)
    expect_shape(got, z.shape, what)
    values = got.detach().double().numpy()
    swapped = reference(z, 1 - y)
    if np.allclose(values, swapped) and not np.allclose(swapped, reference(z, y)):
        raise CheckFailed(
            f"{what}: these are the losses of the opposite labels; y = 1 costs log(1 + e^(-z))"
        )
    if np.allclose(values, -reference(z, y)):
        raise CheckFailed(
            f"{what}: every loss is negative; cross-entropy is minus the log-probability"
        )
    expect_close(values, reference(z, y), what, atol=1e-9, rtol=1e-7)


def check_figure(module: ModuleType) -> None:
    plot_bce = get_function(module, "plot_bce")
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "bce.png"
        with recorded_figures() as figures:
            plot_bce(file)
        expect_png(file, "plot_bce", min_size=(200, 150))
    figure = saved_to(figures, file, "plot_bce")
    lines = {line.label: line for line in figure.lines()}
    for label, y in (("y = 1", 1.0), ("y = 0", 0.0)):
        if label not in lines:
            raise CheckFailed(f"no line labelled {label!r}; the lines are labelled {sorted(lines)}")
        line = lines[label]
        expect_true(line.x.min() <= -7.9 and line.x.max() >= 7.9, f"{label!r}: draw z from -8 to 8")
        expect_close(
            line.y,
            reference(line.x, np.full_like(line.x, y)),
            f"the y values of {label!r}",
            atol=1e-5,
        )
    axes = next(axes for axes in figure.axes if axes.lines)
    expect_true(bool(axes.xlabel) and bool(axes.ylabel), "both axes need a name")
    expect_true(sorted(axes.legend) == ["y = 0", "y = 1"], f"legend: got {axes.legend}")
    expect_true(any(figure.titles()), "the figure needs a title")


def check(module: ModuleType) -> None:
    cases = [(np.array([-2.0, 0.0, 3.0]), np.array([1.0, 1.0, 0.0]))]
    cases += random_cases(
        121,
        4,
        lambda rng: (rng.normal(0, 4, size=6), rng.integers(0, 2, size=6).astype(np.float64)),
    )
    for z, y in cases:
        check_values(module, z, y)
    z, y = np.array([100.0, -100.0, 100.0, -100.0]), np.array([1.0, 1.0, 0.0, 0.0])
    bce_with_logits = get_function(module, "bce_with_logits")
    with forbidden(SHORTCUTS, module):
        extreme = expect_tensor(
            bce_with_logits(torch.tensor(z).float(), torch.tensor(y).float()),
            "bce_with_logits at z = +-100 in float32",
        )
    values = extreme.detach().double().numpy()
    expect_true(
        bool(np.isfinite(values).all()),
        f"bce_with_logits at z = [100, -100, 100, -100], y = [1, 1, 0, 0] in float32 gave "
        f"{values.tolist()}: "
        "e^100 overflows or sigmoid(100) rounds to 1 and log(1 - 1) = -inf; use the stable formula",
    )
    expect_close(values, reference(z, y), "bce_with_logits at z = +-100", atol=1e-4, rtol=1e-5)
    check_figure(module)
