"""Check for exercise 1: derivatives by the learner's autograd call against formulas written
here, at seeded points, to float64 precision."""

from __future__ import annotations

import math
from collections.abc import Callable
from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_type,
    get_function,
    random_cases,
)

# (name, f on tensors, f' by hand)
FUNCTIONS: list[tuple[str, Callable[[torch.Tensor], torch.Tensor], Callable[[float], float]]] = [
    ("x^3 - 2x", lambda x: x**3 - 2 * x, lambda x: 3 * x**2 - 2),
    (
        "sin(x) x^2",
        lambda x: torch.sin(x) * x**2,
        lambda x: math.cos(x) * x**2 + 2 * x * math.sin(x),
    ),
    ("exp(-x^2)", lambda x: torch.exp(-(x**2)), lambda x: -2 * x * math.exp(-(x**2))),
]


def check(module: ModuleType) -> None:
    derivative = get_function(module, "derivative")
    points = [0.7, *random_cases(61, 4, lambda rng: float(rng.uniform(-2.5, 2.5)))]
    for name, f, slope in FUNCTIONS:
        for x in points:
            what = f"derivative(f, {x:.4f}) for f(x) = {name}"
            got = expect_type(derivative(f, x), float, what)
            value = f(torch.tensor(x, dtype=torch.float64)).item()
            if not np.isclose(value, slope(x)) and np.isclose(got, value, rtol=1e-9):
                raise CheckFailed(f"{what}: {got:.6g} is f(x), not f'(x): return x.grad")
            if np.isclose(got, slope(x), rtol=1e-5, atol=1e-6) and not np.isclose(
                got, slope(x), rtol=1e-10, atol=1e-12
            ):
                raise CheckFailed(
                    f"{what}: {got!r} differs from {slope(x)!r} in the 7th digit, the "
                    "precision of float32: make x a float64 tensor"
                )
            expect_close(got, slope(x), what, atol=1e-12, rtol=1e-10)
