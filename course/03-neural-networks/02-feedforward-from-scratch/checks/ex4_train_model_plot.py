"""Check for exercise 4: the loss curve against gradient descent computed here with
hand-written gradients in float64, and the plotted line read back."""

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
    expect_true,
    expect_type,
    get_function,
    recorded_figures,
    saved_to,
)


def problem(seed: int) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    params = {
        "W1": rng.normal(scale=0.7, size=(2, 5)),
        "b1": np.zeros(5),
        "W2": rng.normal(scale=0.5, size=(5, 1)),
        "b2": np.zeros(1),
    }
    x = rng.uniform(-2, 2, size=(40, 2))
    y = (np.linalg.norm(x, axis=1, keepdims=True) < 1.2).astype(np.float64)
    return params, x, y


def reference_losses(
    p: dict[str, np.ndarray], x: np.ndarray, y: np.ndarray, lr: float, epochs: int
) -> list[float]:
    p = {k: v.copy() for k, v in p.items()}
    losses = []
    for _ in range(epochs):
        h = np.tanh(x @ p["W1"] + p["b1"])
        z = h @ p["W2"] + p["b2"]
        losses.append(float(np.mean(np.logaddexp(0, z) - y * z)))
        dz = (1 / (1 + np.exp(-z)) - y) / len(x)
        da = dz @ p["W2"].T * (1 - h**2)
        grads = {"W1": x.T @ da, "b1": da.sum(0), "W2": h.T @ dz, "b2": dz.sum(0)}
        p = {k: v - lr * grads[k] for k, v in p.items()}
    return losses


def check(module: ModuleType) -> None:
    train = get_function(module, "train_autograd")
    for seed in range(3):
        params, x, y = problem(seed)
        what = f"train_autograd on problem {seed} (40 points, lr 0.5, 30 epochs)"
        tensors = {k: torch.tensor(v) for k, v in params.items()}  # copies: trained in place
        losses = expect_type(
            train(tensors, torch.from_numpy(x), torch.from_numpy(y), 0.5, 30), list, what
        )
        expect_equal(len(losses), 30, f"{what}: the number of losses")
        expect_true(
            all(isinstance(v, float) for v in losses),
            f"{what}: store loss.item(), a float, not the loss tensor (it keeps its graph)",
        )
        expected = reference_losses(params, x, y, 0.5, 30)
        got = np.array(losses)
        if got[-1] > got[0] + 1e-9:
            raise CheckFailed(
                f"{what}: the loss rose from {got[0]:.4f} to {got[-1]:.4f}: step against "
                "the gradient, p -= lr * p.grad"
            )
        if np.allclose(got[:2], expected[:2], atol=1e-8) and not np.allclose(
            got, expected, atol=1e-6
        ):
            raise CheckFailed(
                f"{what}: the first steps match, later ones drift: the gradients add up over "
                "steps; set p.grad = None (or zero it) after each step"
            )
        expect_close(got, np.array(expected), f"{what}: the losses", atol=1e-6)
    plot_loss = get_function(module, "plot_loss")
    losses = [0.7, 0.5, 0.3, 0.25]
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "loss.png"
        plot_loss(losses, path)
        figure = saved_to(figures, path, "plot_loss")
    lines = figure.lines()
    expect_equal(len(lines), 1, "plot_loss: the number of plotted lines")
    expect_close(lines[0].y, np.array(losses), "plot_loss: the plotted losses")
    expect_close(lines[0].x, np.arange(1, 5), "plot_loss: the epochs on the x axis (1, 2, ...)")
    axes = figure.axes[0]
    expect_true(bool(axes.xlabel and axes.ylabel), "plot_loss: label both axes (epoch, loss)")
    expect_true(bool(axes.title or figure.suptitle), "plot_loss: give the figure a title")
