"""Check for exercise 1: shapes, the range of x, the seed, and the line and noise measured
on a large sample (least squares recovers the slope and intercept; the residuals have the
noise's standard deviation)."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_dtype,
    expect_seeded,
    expect_shape,
    expect_tensor,
    expect_type,
    get_function,
    random_cases,
)

Case = tuple[float, float, float, float, float]  # slope, intercept, noise_std, low, high


def random_case(rng: np.random.Generator) -> Case:
    low = float(rng.uniform(-5, 2))
    return (
        float(rng.uniform(-3, 3)),
        float(rng.uniform(-4, 4)),
        float(rng.uniform(0.3, 2)),
        low,
        low + float(rng.uniform(2, 8)),
    )


def call(module: ModuleType, n: int, case: Case, seed: int) -> tuple[np.ndarray, np.ndarray]:
    make_line_data = get_function(module, "make_line_data")
    what = f"make_line_data({n}, *{case}, seed={seed})"
    answer = expect_type(make_line_data(n, *case, seed), tuple, what)
    if len(answer) != 2:
        raise CheckFailed(f"{what}: expected a pair (x, y)")
    x, y = (expect_tensor(v, what) for v in answer)
    for name, value in [("x", x), ("y", y)]:
        expect_shape(value, (n, 1), f"{what}, {name} (one row per point, as nn.Linear expects)")
        expect_dtype(value, torch.float32, f"{what}, {name}")
    return x.double().numpy()[:, 0], y.double().numpy()[:, 0]


def check_statistics(module: ModuleType, case: Case) -> None:
    slope, intercept, noise_std, low, high = case
    n = 20_000
    x, y = call(module, n, case, seed=7)
    what = f"make_line_data({n}, *{case})"
    if x.min() < low or x.max() >= high or x.max() - x.min() < 0.95 * (high - low):
        raise CheckFailed(
            f"{what}: x should lie in [{low:g}, {high:g}) and cover it, got values in "
            f"[{x.min():g}, {x.max():g}]: stretch and shift torch.rand to the interval"
        )
    w, b = np.polyfit(x, y, 1)  # the least-squares line through the sample
    residual_std = (y - w * x - b).std()
    if abs(residual_std - noise_std) > 0.05 * noise_std:
        raise CheckFailed(
            f"{what}: the noise around the line has standard deviation {residual_std:.3f}, "
            f"expected noise_std = {noise_std:g}: multiply standard normal noise by noise_std"
        )
    if abs(w - slope) > 0.05 or abs(b - intercept) > 0.05 + 0.02 * max(abs(low), abs(high)):
        raise CheckFailed(
            f"{what}: the points follow y = {w:.3f}x + {b:.3f}, "
            f"expected y = {slope:g}x + {intercept:g}"
        )


def check(module: ModuleType) -> None:
    case = (2.0, 1.0, 0.0, 0.0, 10.0)  # no noise: every point on the line
    x, y = call(module, 5, case, seed=0)
    if not np.allclose(y, 2 * x + 1, atol=1e-5):
        raise CheckFailed(
            f"with noise_std = 0 every y should be 2x + 1: x {x}, y {y}; "
            "multiply standard normal noise by noise_std"
        )
    expect_seeded(lambda seed: call(module, 10, (2.0, 1.0, 1.0, 0.0, 10.0), seed), "make_line_data")
    for case in random_cases(24, 4, random_case):
        check_statistics(module, case)
