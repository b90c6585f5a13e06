"""Check for exercise 3: the gradient 2 (x - c) and the path against the closed form
x_k = c + (1 - 2 alpha)^k (x_0 - c), on seeded vectors of several lengths."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_shape,
    expect_tensor,
    get_function,
    random_cases,
)


def random_case(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, float]:
    n = int(rng.integers(2, 7))
    return rng.normal(0, 2, size=n), rng.normal(0, 2, size=n), float(rng.uniform(0.05, 0.45))


def check_gradient(module: ModuleType, x: np.ndarray, target: np.ndarray) -> None:
    distance_gradient = get_function(module, "distance_gradient")
    what = f"distance_gradient(x, target) for n = {len(x)}"
    got = expect_tensor(distance_gradient(torch.tensor(x), torch.tensor(target)), what)
    expect_shape(got, (len(x),), what)
    if np.allclose(got.detach().double().numpy(), x - target):
        raise CheckFailed(
            f"{what}: you returned x - target; the derivative of (x_i - c_i)^2 is 2 (x_i - c_i)"
        )
    expect_close(got, 2.0 * (x - target), what)


def check_path(module: ModuleType, x0: np.ndarray, target: np.ndarray, alpha: float) -> None:
    descend_to_target = get_function(module, "descend_to_target")
    steps = 8
    what = f"descend_to_target(x0, target, alpha={alpha:.3f}, steps={steps}) for n = {len(x0)}"
    start = torch.tensor(x0)
    got = expect_tensor(descend_to_target(start, torch.tensor(target), alpha, steps), what)
    expect_shape(got, (steps + 1, len(x0)), what)
    expect_equal(start.tolist(), x0.tolist(), f"{what}: x0 after the call (it must not change)")
    values = got.detach().double().numpy()
    if np.allclose(values[1:], values[-1]):
        raise CheckFailed(
            f"{what}: rows 1 to {steps} are all the final point; x -= ... changes the one "
            "tensor that each row refers to, so write x = x - ... to make a new tensor each step"
        )
    factors = (1.0 - 2.0 * alpha) ** np.arange(steps + 1)
    expect_close(got, target + factors[:, None] * (x0 - target), what)


def check(module: ModuleType) -> None:
    cases = [(np.array([3.0, -1.0]), np.array([1.0, 1.0]), 0.1)]
    cases += random_cases(31, 5, random_case)
    for x0, target, alpha in cases:
        check_gradient(module, x0, target)
        check_path(module, x0, target, alpha)
