"""Check for exercise 2: the hand gradient of x^2 y + y^3 against the formula written here,
and autograd_gradient on functions of 2 to 4 variables with gradients written here, with
the caller's tensor left untouched."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_shape,
    expect_tensor,
    expect_true,
    get_function,
    random_cases,
)

Function = Callable[[torch.Tensor], torch.Tensor]
Gradient = Callable[[np.ndarray], np.ndarray]


def product_gradient(p: np.ndarray) -> np.ndarray:
    """The gradient of x0 x1 x2: each partial derivative is the product of the other two."""
    return np.array([p[1] * p[2], p[0] * p[2], p[0] * p[1]])


def running_example_gradient(p: np.ndarray) -> np.ndarray:
    return np.array([2 * p[0] * p[1], p[0] ** 2 + 3 * p[1] ** 2])


# (name, number of variables, f, its gradient written here)
FUNCTIONS: list[tuple[str, int, Function, Gradient]] = [
    ("x0^2 x1 + x1^3", 2, lambda p: p[0] ** 2 * p[1] + p[1] ** 3, running_example_gradient),
    ("sum of squares", 4, lambda p: (p**2).sum(), lambda p: 2 * p),
    ("x0 x1 x2", 3, lambda p: p[0] * p[1] * p[2], product_gradient),
]


def check_hand(module: ModuleType) -> None:
    hand_gradient = get_function(module, "hand_gradient")
    points = [(2.0, -1.0), *random_cases(71, 5, lambda rng: tuple(rng.uniform(-3, 3, size=2)))]
    for x, y in points:
        what = f"hand_gradient({x:.3f}, {y:.3f})"
        got = np.array(hand_gradient(float(x), float(y)), dtype=np.float64)
        expect_shape(got, (2,), what)
        if np.isclose(got[1], 3 * y**2) and not np.isclose(x, 0.0):
            raise CheckFailed(
                f"{what}: df/dy = 3y^2 leaves out x^2: x^2 y changes with y too (slope x^2)"
            )
        if np.isclose(got[0], 2 * x) and not np.isclose(y, 1.0):
            raise CheckFailed(f"{what}: df/dx = 2x leaves out the factor y of x^2 y")
        expect_close(got, np.array([2 * x * y, x**2 + 3 * y**2]), what)


def check_autograd(module: ModuleType) -> None:
    autograd_gradient = get_function(module, "autograd_gradient")
    for name, n, f, gradient in FUNCTIONS:
        for values in random_cases(72, 3, lambda rng, n=n: rng.normal(0, 2, size=n)):
            given = torch.tensor(values)
            what = f"autograd_gradient(f, point) for f = {name}, n = {n}"
            got = expect_tensor(autograd_gradient(f, given), what)
            expect_shape(got, (n,), what)
            expect_true(
                not given.requires_grad and given.grad is None,
                f"{what}: your function changed the caller's tensor (requires_grad is now "
                f"{given.requires_grad}); differentiate a copy: point.detach().clone()",
            )
            expect_close(got, gradient(values), what)


def check(module: ModuleType) -> None:
    check_hand(module)
    check_autograd(module)
