"""Check for exercise 1: the derivative of (x - 3)^2 at seeded points, and the descent loop
against the closed form x_k = 3 + (1 - 2 alpha)^k (x_0 - 3) and against a cubic's slope."""

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


def check_derivative(module: ModuleType) -> None:
    shifted_derivative = get_function(module, "shifted_derivative")
    for x in [3.0, 0.0, *random_cases(11, 5, lambda rng: float(rng.uniform(-10, 10)))]:
        got = expect_type(shifted_derivative(x), float, f"shifted_derivative({x:g})")
        if np.isclose(got, 2.0 * x) and x != 0.0:
            raise CheckFailed(
                f"shifted_derivative({x:g}) = {got:g} is the slope of x^2; "
                "the slope of (x - 3)^2 is 2 (x - 3)"
            )
        expect_close(got, 2.0 * (x - 3.0), f"shifted_derivative({x:g})")


def check_descend(module: ModuleType, x0: float, alpha: float, steps: int) -> None:
    descend = get_function(module, "descend")
    what = f"descend(2(x - 3), x0={x0:g}, alpha={alpha:g}, steps={steps})"
    got = expect_type(descend(lambda x: 2.0 * (x - 3.0), x0, alpha, steps), list, what)
    if len(got) == steps:
        raise CheckFailed(f"{what}: {steps} values; the list starts with x0, so it has steps + 1")
    expect_equal(len(got), steps + 1, f"{what}: the number of iterates")
    expected = 3.0 + (1.0 - 2.0 * alpha) ** np.arange(steps + 1) * (x0 - 3.0)
    ascent = 3.0 + (1.0 + 2.0 * alpha) ** np.arange(steps + 1) * (x0 - 3.0)
    if steps > 1 and np.allclose(got, ascent):
        raise CheckFailed(
            f"{what}: the iterates move away from the minimum 3; the update subtracts "
            "alpha times the slope (x - alpha f'(x)), it does not add it"
        )
    expect_close(np.array(got, dtype=np.float64), expected, what)


def check(module: ModuleType) -> None:
    check_derivative(module)
    check_descend(module, 5.0, 0.1, 10)
    cases = random_cases(
        12, 4, lambda rng: (float(rng.uniform(-8, 8)), float(rng.uniform(0.05, 0.9)))
    )
    for x0, alpha in cases:
        check_descend(module, x0, alpha, 12)
    # A slope that is not linear: f(x) = x^4 / 4, f'(x) = x^3, from x0 = 1 with alpha = 0.5.
    descend = get_function(module, "descend")
    got = descend(lambda x: x**3, 1.0, 0.5, 3)
    expected = [1.0]
    for _ in range(3):
        expected.append(expected[-1] - 0.5 * expected[-1] ** 3)
    expect_close(np.array(got, dtype=np.float64), np.array(expected), "descend(x^3, 1, 0.5, 3)")
