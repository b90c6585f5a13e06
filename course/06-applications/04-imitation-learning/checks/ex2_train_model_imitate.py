"""Check of exercise 2: the loss against a NumPy reference on seeded scores (large ones
included), with PyTorch's own cross-entropy forbidden; the clone through fit, its seed and
how well it copies a linear expert on states it was not trained on."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_seeded,
    expect_shape,
    expect_tensor,
    expect_true,
    forbidden_torch,
    get_function,
    random_cases,
    recorded_calls,
)

SHORTCUTS = [
    F.cross_entropy,
    F.nll_loss,
    F.log_softmax,
    torch.log_softmax,
    torch.Tensor.log_softmax,
]
MESSAGE = "write the loss by hand with gather and torch.logsumexp, not {name}"


def reference(scores: np.ndarray, labels: np.ndarray) -> float:
    """Mean over rows of log sum exp(z) - z_label, shifted by each row's max for stability."""
    top = scores.max(axis=1, keepdims=True)
    log_sum = np.log(np.exp(scores - top).sum(axis=1)) + top[:, 0]
    return float(np.mean(log_sum - scores[np.arange(len(labels)), labels]))


def case(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    rows, actions = int(rng.integers(3, 12)), int(rng.choice([2, 3, 5]))
    scale = float(rng.choice([1.0, 5.0, 800.0]))  # 800: exp overflows without logsumexp
    return rng.normal(0.0, scale, size=(rows, actions)), rng.integers(actions, size=rows)


def check_loss(loss_fn: Any) -> None:
    small = (np.array([[2.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), np.array([0, 0, 1]))
    large = (np.array([[900.0, 0.0], [0.0, 1000.0], [500.0, 498.0]]), np.array([0, 0, 1]))
    for scores, labels in [small, large, *random_cases(62, 8, case)]:
        what = f"negative_log_likelihood on {scores.shape[0]} rows of {scores.shape[1]} scores"
        with forbidden_torch(SHORTCUTS, MESSAGE):
            got = expect_tensor(
                loss_fn(torch.tensor(scores, dtype=torch.float32), torch.tensor(labels)), what
            )
        expect_shape(got, (), what)
        value, right = float(got), reference(scores, labels)
        if not np.isfinite(value):
            raise CheckFailed(
                f"{what}: got {value} for scores as large as {np.abs(scores).max():.0f}: "
                "exp overflows float32; use torch.logsumexp, which subtracts the largest score"
            )
        if abs(value + right) < 1e-3 * max(1.0, abs(right)) and right > 1e-3:
            raise CheckFailed(
                f"{what}: got {value:.4f}, minus the right loss {right:.4f}: the loss is the "
                "negative log-likelihood, and a log-probability is never above 0"
            )
        if abs(value - len(labels) * right) < 1e-3 * max(1.0, abs(right)) * len(labels):
            raise CheckFailed(
                f"{what}: got {value:.4f}, {len(labels)} times the right {right:.4f}: "
                "average over the rows, so the step size does not grow with the batch"
            )
        expect_close(value, right, what, rtol=1e-4, atol=1e-4)


def expert_data(rng: np.random.Generator, rows: int) -> tuple[np.ndarray, np.ndarray]:
    states = rng.normal(0.0, [0.5, 0.5, 0.05, 0.5], size=(rows, 4)).astype(np.float32)
    labels = (states @ np.array([0.2, 0.3, 1.0, 0.6]) > 0).astype(np.int64)
    return states, labels


def check_clone(module: ModuleType) -> None:
    train_clone = get_function(module, "train_clone")
    states, labels = expert_data(np.random.default_rng(7), 1200)
    with recorded_calls(module, "fit") as calls:
        clone = train_clone(states[:900], labels[:900], 25, 3)
    expect_true(len(calls) == 1, f"train with one call of fit (called {len(calls)} times)")
    with torch.no_grad():
        scores = expect_tensor(clone(torch.as_tensor(states[900:])), "the clone's output")
        expect_shape(scores, (300, 2), "the clone's output for 300 states")
        agree = float((scores.argmax(dim=1).numpy() == labels[900:]).mean())

    def first_weights(seed: int) -> np.ndarray:
        network = train_clone(states[:100], labels[:100], 1, seed)
        return next(network.parameters()).detach().numpy().copy()

    # Seeding first: an unseeded clone's agreement varies, and could fail the test below.
    expect_seeded(first_weights, "train_clone(..., seed)'s first layer")
    expect_true(
        agree >= 0.95,
        f"the clone agrees with the expert on {agree:.1%} of 300 held-out states, expected "
        "at least 95%: check the loss, the learning rate and the number of epochs",
    )


def check(module: ModuleType) -> None:
    check_loss(get_function(module, "negative_log_likelihood"))
    check_clone(module)
