"""Check for exercise 1: the loss curves against a reference trained here on an identical copy
of the model, for random small networks and data; the figure's lines, labels and legend."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np
import torch
from torch import nn

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_png,
    expect_true,
    expect_type,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)
from rlcourse.networks import mlp
from rlcourse.training import fit

Data = tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]


def random_case(rng: np.random.Generator) -> tuple[int, int, int, float]:
    """seed, training points, epochs, learning rate"""
    return int(rng.integers(0, 10_000)), int(rng.integers(5, 30)), int(rng.integers(3, 9)), 0.05


def reference(
    model: nn.Module, data: Data, epochs: int, lr: float, fresh_optimizer: bool, before: bool
) -> tuple[list[float], list[float]]:
    """The right curves; or those of two usual mistakes: a new Adam every epoch, or the test
    loss measured before the epoch's step."""
    x, y, x_test, y_test = data
    loss_fn = nn.BCEWithLogitsLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    train_losses, test_losses = [], []
    for _ in range(epochs):
        if fresh_optimizer:
            optimizer = torch.optim.Adam(model.parameters(), lr=lr)
        with torch.no_grad():
            test_before = loss_fn(model(x_test), y_test).item()
        train_losses += fit(model, loss_fn, optimizer, x, y, epochs=1)
        with torch.no_grad():
            test_losses.append(test_before if before else loss_fn(model(x_test), y_test).item())
    return train_losses, test_losses


def check_curves(module: ModuleType, seed: int, n: int, epochs: int, lr: float) -> None:
    loss_curves = get_function(module, "loss_curves")
    torch.manual_seed(seed)
    model = mlp(2, [8], 1)
    data = (
        torch.randn(n, 2),
        torch.randint(0, 2, (n, 1)).float(),
        torch.randn(50, 2),
        torch.randint(0, 2, (50, 1)).float(),
    )
    what = f"loss_curves on {n} training points for {epochs} epochs"
    got = expect_type(loss_curves(copy.deepcopy(model), data, epochs, lr), tuple, what)
    expect_equal(len(got), 2, f"{what}: the number of lists returned (training, test)")
    train_got, test_got = (np.asarray(curve, dtype=np.float64) for curve in got)
    right = reference(copy.deepcopy(model), data, epochs, lr, fresh_optimizer=False, before=False)
    expect_equal(len(test_got), epochs, f"{what}: the number of test losses (one per epoch)")
    if np.allclose(test_got, train_got, atol=1e-6) or np.allclose(
        test_got, _on_training(copy.deepcopy(model), data, epochs, lr), atol=1e-6
    ):
        raise CheckFailed(
            f"{what}: the test losses equal losses on the training points: "
            "measure them on x_test, y_test"
        )
    fresh = reference(copy.deepcopy(model), data, epochs, lr, fresh_optimizer=True, before=False)
    if not np.allclose(train_got, right[0], atol=1e-6) and np.allclose(
        train_got, fresh[0], atol=1e-6
    ):
        raise CheckFailed(
            f"{what}: the training losses are those of a new Adam every epoch: "
            "create the optimizer once, before the loop (Adam keeps running averages)"
        )
    before = reference(copy.deepcopy(model), data, epochs, lr, fresh_optimizer=False, before=True)
    if not np.allclose(test_got, right[1], atol=1e-6) and np.allclose(
        test_got, before[1], atol=1e-6
    ):
        raise CheckFailed(
            f"{what}: each test loss was measured before the epoch's step: measure "
            "it after fit has updated the model"
        )
    expect_close(train_got, np.array(right[0]), f"{what}: the training losses", atol=1e-5)
    expect_close(test_got, np.array(right[1]), f"{what}: the test losses", atol=1e-5)


def _on_training(model: nn.Module, data: Data, epochs: int, lr: float) -> np.ndarray:
    x, y, _, _ = data
    return np.array(reference(model, (x, y, x, y), epochs, lr, False, False)[1])


def check_plot(module: ModuleType) -> None:
    plot_loss_curves = get_function(module, "plot_loss_curves")
    curves = {
        "20 points": ([0.6, 0.3, 0.1], [0.7, 0.6, 0.9]),
        "1000 points": ([0.6, 0.4, 0.3], [0.6, 0.45, 0.35]),
    }
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "curves.png"
        plot_loss_curves(curves, path)
        expect_png(path, "plot_loss_curves")
        figure = saved_to(figures, path, "plot_loss_curves")
    lines = {line.label: line for line in figure.lines()}
    for name, (train_losses, test_losses) in curves.items():
        for kind, values in (("training", train_losses), ("test", test_losses)):
            label = f"{name}, {kind}"
            if label not in lines:
                raise CheckFailed(
                    f"plot_loss_curves: no line labelled {label!r}; labels: {sorted(lines)}"
                )
            expect_close(
                lines[label].x, np.arange(1.0, len(values) + 1), f"the epochs of {label!r}"
            )
            expect_close(lines[label].y, np.array(values), f"the values of {label!r}")
    axes = figure.axes[0]
    expect_true(bool(axes.title or figure.suptitle), "plot_loss_curves: the figure has no title")
    expect_true(bool(axes.xlabel and axes.ylabel), "plot_loss_curves: label both axes")
    expect_true(
        len(axes.legend) == 4, f"plot_loss_curves: a legend with 4 entries, got {axes.legend}"
    )


def check(module: ModuleType) -> None:
    for case in [(0, 20, 6, 0.05), *random_cases(36, 4, random_case)]:
        check_curves(module, *case)
    check_plot(module)
