"""Check for exercise 2: the loss on logits far from 0 (where log(sigmoid(z)) gives inf)
and on random ones, then the learner's w, b and losses against gradient descent run here
in float64 on random data, with autograd forbidden; known wrong gradients are named."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_shape,
    expect_tensor,
    expect_type,
    forbidden,
    get_function,
    no_autograd,
    random_cases,
)


def log_sigmoid(z: np.ndarray) -> np.ndarray:
    return -np.logaddexp(0.0, -z)  # log(1 / (1 + e^-z)), stable for any z


def reference_loss(z: np.ndarray, y: np.ndarray) -> float:
    return float(-(y * log_sigmoid(z) + (1 - y) * log_sigmoid(-z)).mean())


def descend(
    x: np.ndarray, y: np.ndarray, lr: float, steps: int, variant: str = "right"
) -> tuple[np.ndarray, float]:
    """Gradient descent in float64 from w = 0, b = 0; a variant reproduces a mistake."""
    n, d = x.shape
    w, b = np.zeros(d), 0.0
    for _ in range(steps):
        error = 1 / (1 + np.exp(-(x @ w + b))) - y
        if variant == "y - p":
            error = -error
        grad_w, grad_b = x.T @ error / n, error.mean()
        if variant == "sum":
            grad_w, grad_b = grad_w * n, grad_b * n
        if variant == "no bias":
            grad_b = 0.0
        w, b = w - lr * grad_w, b - lr * grad_b
    return w, b


def check_loss(module: ModuleType) -> None:
    bce = get_function(module, "bce_with_logits")
    cases = [(np.array([-200.0, 3.0, 50.0]), np.array([1.0, 1.0, 0.0]))]
    rng = np.random.default_rng(62)
    for _ in range(4):
        n = int(rng.integers(3, 10))
        cases.append((rng.normal(0, 4, n), rng.integers(0, 2, n).astype(float)))
    for z, y in cases:
        what = f"bce_with_logits(z = {np.round(z, 2)}, y = {y})"
        got = expect_tensor(bce(torch.from_numpy(z).float(), torch.from_numpy(y).float()), what)
        if got.numel() != 1:
            raise CheckFailed(
                f"{what}: expected one number (the mean), got shape {tuple(got.shape)}"
            )
        if not torch.isfinite(got).all():
            raise CheckFailed(
                f"{what}: got {got.item()}; log(sigmoid(z)) is log(0) = -inf for z far below 0 "
                "in float32: use F.logsigmoid(z) and F.logsigmoid(-z)"
            )
        expect_close(got.item(), reference_loss(z, y), what, atol=1e-4, rtol=1e-4)


def random_data(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    n, d = int(rng.integers(10, 30)), int(rng.integers(1, 4))
    x = rng.normal(0, 1.5, size=(n, d))
    y = (x @ rng.uniform(-2, 2, d) + rng.uniform(-1, 1) + rng.normal(0, 1, n) > 0).astype(float)
    return x, y


def check_training(module: ModuleType, x: np.ndarray, y: np.ndarray) -> None:
    train = get_function(module, "train_logistic")
    lr, steps = 0.3, 40
    what = f"train_logistic(x of shape {x.shape}, y, lr={lr}, steps={steps})"
    with forbidden(no_autograd("write the gradient by hand (Exercise 3 uses autograd)"), module):
        answer = train(torch.from_numpy(x).float(), torch.from_numpy(y).float(), lr, steps)
    answer = expect_type(answer, tuple, what)
    if len(answer) != 3:
        raise CheckFailed(f"{what}: expected (w, b, losses)")
    w, b = expect_tensor(answer[0], f"{what}, w"), expect_tensor(answer[1], f"{what}, b")
    losses = expect_type(answer[2], list, f"{what}, losses")
    expect_shape(w, (x.shape[1],), f"{what}, w (one weight per feature)")
    if b.numel() != 1:
        raise CheckFailed(f"{what}, b: expected one number, got shape {tuple(b.shape)}")
    if len(losses) != steps or not np.isclose(losses[0], np.log(2), rtol=1e-4):
        raise CheckFailed(
            f"{what}: losses should be {steps} floats, the first log 2 = 0.6931 (p = 0.5 "
            "everywhere at w = 0, b = 0): record the loss before each step"
        )
    got_w, got_b = w.detach().double().numpy(), float(b)
    messages = {
        "y - p": "you stepped along y - p; the loss's gradient per logit is p - y (or the "
        "step went uphill): the loss must fall",
        "sum": "your gradient sums over the points; the mean loss's gradient divides by n",
        "no bias": "b never moved: update b too, with the mean of p - y",
    }
    for variant, message in messages.items():
        with np.errstate(all="ignore"):
            wrong_w, wrong_b = descend(x, y, lr, steps, variant)
        if np.allclose(got_w, wrong_w, rtol=1e-3, atol=1e-4) and np.isclose(
            got_b, wrong_b, 1e-3, 1e-4
        ):
            raise CheckFailed(f"{what}: {message}")
    expected_w, expected_b = descend(x, y, lr, steps)
    expect_close(got_w, expected_w, f"{what}, w", atol=1e-4, rtol=1e-3)
    expect_close(got_b, expected_b, f"{what}, b", atol=1e-4, rtol=1e-3)


def check(module: ModuleType) -> None:
    check_loss(module)
    for x, y in random_cases(63, 4, random_data):
        check_training(module, x, y)
