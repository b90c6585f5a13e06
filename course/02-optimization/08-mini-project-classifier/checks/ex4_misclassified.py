"""Check for exercise 4: the mask and the accuracy against the argmax of random models'
logits, then the figure read back: both classes by their true labels and one scatter
call with exactly the misclassified points, with labels and a legend."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np
import torch
from torch import nn

from coursetools.check_helpers import (
    CheckFailed,
    expect_array_equal,
    expect_close,
    expect_shape,
    expect_tensor,
    expect_type,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)

Case = tuple[nn.Linear, np.ndarray, np.ndarray, np.ndarray]  # model, x, y, the wrong rows


def random_case(rng: np.random.Generator) -> Case:
    n = int(rng.integers(20, 40))
    model = nn.Linear(2, 2)
    with torch.no_grad():
        model.weight.copy_(torch.from_numpy(rng.normal(0, 2, (2, 2))))
        model.bias.copy_(torch.from_numpy(rng.normal(0, 1, 2)))
    x = rng.normal(0, 1.5, (n, 2))
    with torch.no_grad():
        predicted = model(torch.from_numpy(x).float()).argmax(dim=1).numpy()
    wrong = rng.random(n) < 0.25  # a quarter of the labels disagree with the model
    y = np.where(wrong, 1 - predicted, predicted)
    return model, x, y, wrong


def check_numbers(module: ModuleType, case: Case) -> None:
    model, x, y, wrong = case
    inputs, labels = torch.from_numpy(x).float(), torch.from_numpy(y)
    what = f"misclassified(model, x of shape {x.shape}, y)"
    got = expect_tensor(get_function(module, "misclassified")(model, inputs, labels), what)
    expect_shape(got, (len(y),), what)
    if got.dtype != torch.bool:
        raise CheckFailed(
            f"{what}: expected a boolean mask (predicted != y), got dtype {got.dtype}"
        )
    if np.array_equal(got.numpy(), ~wrong):
        raise CheckFailed(
            f"{what}: your mask marks the points classified correctly; misclassified means "
            "predicted != y"
        )
    expect_array_equal(got, wrong, f"{what}: True where the largest logit is not at the label")
    what = f"accuracy(model, x of shape {x.shape}, y)"
    value = expect_type(get_function(module, "accuracy")(model, inputs, labels), float, what)
    expected = 1.0 - wrong.mean()
    if np.isclose(value, (~wrong).sum()) and expected > 0:
        raise CheckFailed(f"{what}: {value:g} is a count of points; accuracy is the share, 0 to 1")
    if np.isclose(value, wrong.mean()) and not np.isclose(expected, 0.5):
        raise CheckFailed(
            f"{what}: {value:g} is the share misclassified, the error rate; accuracy is 1 minus it"
        )
    expect_close(value, float(expected), what)


def check_plot(module: ModuleType, case: Case) -> None:
    model, x, y, wrong = case
    what = "plot_misclassified(model, x, y, path)"
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "mistakes.png"
        plot = get_function(module, "plot_misclassified")
        plot(model, torch.from_numpy(x).float(), torch.from_numpy(y), path)
        axes = saved_to(figures, path, what).axes[0]

    def drawn(points: np.ndarray) -> bool:
        return any(
            p.shape == points.shape and np.allclose(p, points, atol=1e-4) for p in axes.points
        )

    for label in (0, 1):
        if not drawn(x[y == label]):
            raise CheckFailed(
                f"{what}: expected one scatter call with the points whose true label is "
                f"{label} (colour by y, not by the prediction)"
            )
    if not drawn(x[wrong]):
        raise CheckFailed(
            f"{what}: expected one scatter call with exactly the {int(wrong.sum())} "
            "misclassified points"
        )
    if not (axes.title and axes.xlabel and axes.ylabel):
        raise CheckFailed(f"{what}: give the plot a title and label both axes")
    if len(axes.legend) < 3:
        raise CheckFailed(f"{what}: add a legend naming both classes and the misclassified points")


def check(module: ModuleType) -> None:
    cases = random_cases(85, 5, random_case)
    for case in cases:
        check_numbers(module, case)
    for case in cases[:2]:
        check_plot(module, case)
