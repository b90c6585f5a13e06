"""Check for exercise 3: accumulated gradients equal calls * 2x, and the training loop
follows w_k = target (1 - (1 - 2 alpha)^k), not the path of a loop that never zeroes."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_type,
    get_function,
    random_cases,
)


def never_zeroed(target: float, alpha: float, steps: int) -> np.ndarray:
    """The path of the loop that forgets to zero: it steps by the sum of all gradients so far."""
    w, total, path = 0.0, 0.0, [0.0]
    for _ in range(steps):
        total += 2 * (w - target)
        w -= alpha * total
        path.append(w)
    return np.array(path)


def check_accumulated(module: ModuleType) -> None:
    accumulated_grad = get_function(module, "accumulated_grad")
    cases = [
        (2.0, 2),
        *random_cases(81, 4, lambda rng: (float(rng.uniform(-3, 3)), int(rng.integers(1, 6)))),
    ]
    for x, calls in cases:
        what = f"accumulated_grad({x:.3f}, calls={calls})"
        got = expect_type(accumulated_grad(x, calls), float, what)
        if calls > 1 and np.isclose(got, 2 * x) and not np.isclose(x, 0.0):
            raise CheckFailed(
                f"{what}: got 2x = {got:.4g}, the gradient of one call; without zeroing, "
                "each backward() adds 2x to x.grad"
            )
        expect_close(got, calls * 2 * x, what)


def check_train(module: ModuleType, target: float, alpha: float) -> None:
    train = get_function(module, "train")
    steps = 15
    what = f"train(target={target:.3f}, alpha={alpha:.3f}, steps={steps})"
    got = np.array(expect_type(train(target, alpha, steps), list, what), dtype=np.float64)
    expect_equal(len(got), steps + 1, f"{what}: the number of values (w_0 to w_steps)")
    if np.allclose(got, never_zeroed(target, alpha, steps)):
        raise CheckFailed(
            f"{what}: this is the path of a loop that never zeroes w.grad: each step moved "
            "by the sum of all gradients so far; call w.grad.zero_() after the update"
        )
    if np.allclose(got, got[0]):
        raise CheckFailed(f"{what}: w never moved; zero w.grad after the update, not before")
    expected = target * (1 - (1 - 2 * alpha) ** np.arange(steps + 1))
    expect_close(got, expected, what)


def check(module: ModuleType) -> None:
    check_accumulated(module)
    check_train(module, 3.0, 0.1)
    for target, alpha in random_cases(
        82, 3, lambda rng: (float(rng.uniform(-4, 4)), float(rng.uniform(0.05, 0.4)))
    ):
        check_train(module, target, alpha)
