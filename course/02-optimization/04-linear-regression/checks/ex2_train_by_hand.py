"""Check for exercise 2: the learner's w, b and losses against gradient descent run here
in float64 on random data with 1 to 3 features, with autograd forbidden; the wrong
gradients learners write are recognised by the trajectories they produce."""

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

Variant = str  # which gradient descent the reference runs: "right" or a known mistake


def descend(
    x: np.ndarray, y: np.ndarray, lr: float, steps: int, variant: Variant = "right"
) -> tuple[np.ndarray, float, list[float]]:
    """Gradient descent in float64 from w = 0, b = 0: w, b and the loss before each step.
    A variant reproduces a known mistake (Exercise 3's check uses "accumulate": gradients
    that add up, as PyTorch's do when nobody zeroes them)."""
    n, d = x.shape
    w, b, losses = np.zeros((d, 1)), 0.0, []
    total_w, total_b = np.zeros((d, 1)), 0.0
    for _ in range(steps):
        error = x @ w + b - y
        losses.append(float((error**2).mean()))
        grad_w, grad_b = 2 * x.T @ error / n, 2 * error.mean()
        if variant == "half":
            grad_w, grad_b = grad_w / 2, grad_b / 2
        if variant == "sum":
            grad_w, grad_b = grad_w * n, grad_b * n
        if variant == "accumulate":
            total_w, total_b = total_w + grad_w, total_b + grad_b
            grad_w, grad_b = total_w, total_b
        w = w - lr * grad_w
        if variant == "new w for b":
            grad_b = 2 * (x @ w + b - y).mean()
        b = b - lr * grad_b
    return w, b, losses


def random_data(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    n, d = int(rng.integers(8, 20)), int(rng.integers(1, 4))
    x = rng.uniform(-2, 2, size=(n, d))
    y = x @ rng.uniform(-2, 2, size=(d, 1)) + rng.uniform(-1, 1) + rng.normal(0, 0.3, (n, 1))
    return x, y


def run(
    module: ModuleType, x: np.ndarray, y: np.ndarray, lr: float, steps: int
) -> tuple[str, np.ndarray, float, np.ndarray]:
    train_linear = get_function(module, "train_linear")
    what = f"train_linear(x of shape {x.shape}, y, lr={lr}, steps={steps})"
    with forbidden(no_autograd("write the gradient by hand (Exercise 3 uses autograd)"), module):
        answer = train_linear(torch.from_numpy(x).float(), torch.from_numpy(y).float(), lr, steps)
    answer = expect_type(answer, tuple, what)
    if len(answer) != 3:
        raise CheckFailed(f"{what}: expected (w, b, losses)")
    w, b = expect_tensor(answer[0], f"{what}, w"), expect_tensor(answer[1], f"{what}, b")
    losses = expect_type(answer[2], list, f"{what}, losses")
    expect_shape(w, (x.shape[1], 1), f"{what}, w (one weight per feature, a column)")
    expect_one_number(b, f"{what}, b")
    if len(losses) != steps or not all(isinstance(v, float) for v in losses):
        raise CheckFailed(f"{what}: losses should be {steps} floats (loss.item()), one per step")
    return what, w.detach().double().numpy(), float(b), np.array(losses)


def expect_one_number(b: torch.Tensor, what: str) -> None:
    if b.numel() != 1:
        raise CheckFailed(f"{what}: expected one number, got shape {tuple(b.shape)}")


def diagnose(
    what: str, x: np.ndarray, y: np.ndarray, lr: float, steps: int, w: np.ndarray, b: float
) -> None:
    """Name the mistake whose trajectory the learner's (w, b) follows, if any."""
    right_w, right_b, _ = descend(x, y, lr, steps)
    if np.allclose(w, right_w, rtol=1e-4, atol=1e-5) and np.isclose(b, right_b, 1e-4, 1e-5):
        return
    messages = {
        "half": "your gradient is half of the MSE's: the derivative of error^2 is 2 error",
        "sum": "your gradient is that of the sum of squared errors; the MSE's divides by n",
        "new w for b": "b's gradient used the updated w: compute both gradients from the "
        "same error, then update both",
    }
    for variant, message in messages.items():
        with np.errstate(all="ignore"):
            wrong_w, wrong_b, _ = descend(x, y, lr, steps, variant)
        same = np.allclose(w, wrong_w, rtol=1e-3, atol=1e-4) and np.isclose(b, wrong_b, 1e-3, 1e-4)
        if np.all(np.isfinite(wrong_w)) and same:
            raise CheckFailed(f"{what}: {message}")


def check(module: ModuleType) -> None:
    for x, y in random_cases(42, 5, random_data):
        lr, steps = 0.05, 30
        what, w, b, losses = run(module, x, y, lr, steps)
        expected_w, expected_b, expected_losses = descend(x, y, lr, steps)
        diagnose(what, x, y, lr, steps, w, b)
        if not np.isclose(losses[0], (y**2).mean(), rtol=1e-4):
            raise CheckFailed(
                f"{what}: losses[0] is {losses[0]:.5g}, expected the loss at w = 0, b = 0, "
                f"{(y**2).mean():.5g}: record the loss before each update"
            )
        if losses[-1] > losses[0]:
            raise CheckFailed(
                f"{what}: the loss grew from {losses[0]:.4g} to {losses[-1]:.4g}: step against "
                "the gradient, w - lr * grad"
            )
        expect_close(losses, np.array(expected_losses), f"{what}, losses", atol=1e-5, rtol=1e-4)
        expect_close(w, expected_w, f"{what}, w", atol=1e-5, rtol=1e-4)
        expect_close(b, expected_b, f"{what}, b", atol=1e-5, rtol=1e-4)
