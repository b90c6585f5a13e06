"""Check for exercise 4: 2/L on seeded curvatures, the step counts against a loop written
here (including runs that diverge and a start already below the tolerance), and the
fastest step size on a grid that reaches past 2/L."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_type,
    get_function,
    random_cases,
)


def reference_steps(
    a: np.ndarray, x0: np.ndarray, alpha: float, tolerance: float, limit: int
) -> int:
    x = x0.copy()
    for k in range(limit + 1):
        if 0.5 * float((a * x**2).sum()) < tolerance:
            return k
        x = x - alpha * a * x
    return -1


def random_bowl(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    n = int(rng.integers(2, 5))
    return rng.uniform(0.5, 12.0, size=n), rng.normal(0.0, 2.0, size=n)


def check_largest(module: ModuleType, a: np.ndarray) -> None:
    largest_stable_step = get_function(module, "largest_stable_step")
    what = f"largest_stable_step({np.round(a, 3).tolist()})"
    got = expect_type(largest_stable_step(torch.tensor(a)), float, what)
    if np.isclose(got, 2.0 / a.min()):
        raise CheckFailed(f"{what}: 2 / min(a); the steepest direction (largest a_i) limits alpha")
    if np.isclose(got, 1.0 / a.max()):
        raise CheckFailed(f"{what}: 1 / L is the step that lands in one move; the limit is 2 / L")
    expect_close(got, 2.0 / a.max(), what)


def check_steps(module: ModuleType, a: np.ndarray, x0: np.ndarray) -> None:
    steps_to_tolerance = get_function(module, "steps_to_tolerance")
    largest = 2.0 / a.max()
    for alpha in (0.3 * largest, 0.9 * largest, 1.05 * largest):
        what = f"steps_to_tolerance(a={np.round(a, 2).tolist()}, alpha={alpha:.4f}, tolerance=1e-4)"
        expected = reference_steps(a, x0, alpha, 1e-4, 200)
        got = steps_to_tolerance(torch.tensor(a), torch.tensor(x0), alpha, 1e-4, 200)
        got = expect_type(got, int, what)
        if expected == -1 and got != -1:
            raise CheckFailed(f"{what}: alpha > 2/L diverges, so the answer is -1, got {got}")
        if expected >= 0 and got == expected + 1:
            raise CheckFailed(f"{what}: got {got}, one too many: test f(x_0) before the first step")
        expect_equal(got, expected, what)


def check_fastest(module: ModuleType, a: np.ndarray, x0: np.ndarray) -> None:
    fastest_step = get_function(module, "fastest_step")
    largest = 2.0 / a.max()
    alphas = [float(v) for v in np.linspace(0.05, 1.2, 24) * largest]
    counts = [reference_steps(a, x0, alpha, 1e-6, 400) for alpha in alphas]
    valid = [(c, i) for i, c in enumerate(counts) if c >= 0]
    expected = alphas[min(valid)[1]]
    what = f"fastest_step(a={np.round(a, 2).tolist()}, 24 step sizes up to 1.2 * 2/L)"
    got = expect_type(
        fastest_step(torch.tensor(a), torch.tensor(x0), alphas, 1e-6, 400), float, what
    )
    never = [alpha for alpha, count in zip(alphas, counts, strict=True) if count == -1]
    if any(np.isclose(got, alpha) for alpha in never):
        raise CheckFailed(
            f"{what}: got {got:.4f}, whose run never reaches the tolerance; its -1 must not "
            "count as the fewest steps"
        )
    expect_close(got, expected, what)


def check_already_there(module: ModuleType) -> None:
    steps_to_tolerance = get_function(module, "steps_to_tolerance")
    a, x0 = torch.tensor([1.0, 10.0]), torch.tensor([1e-4, -1e-4])
    got = steps_to_tolerance(a, x0, 0.1, 1e-4, 50)
    if got == 1:
        raise CheckFailed(
            "steps_to_tolerance from an x0 with f(x0) < tolerance: got 1, one too many: "
            "test f(x_0) before the first step, the answer is 0"
        )
    expect_equal(got, 0, "steps_to_tolerance from an x0 with f(x0) < tolerance")


def check(module: ModuleType) -> None:
    check_already_there(module)
    bowls = [(np.array([1.0, 10.0]), np.array([-4.0, 1.5])), *random_cases(41, 4, random_bowl)]
    for a, x0 in bowls:
        check_largest(module, a)
        check_steps(module, a, x0)
        check_fastest(module, a, x0)
