"""Check for exercise 1: shapes, the range of x, the seed, and the polynomial and noise
measured on a large sample (a least-squares polynomial recovers the coefficients; the
residuals have the noise's standard deviation)."""

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

Case = tuple[list[float], float, float, float]  # coefficients, noise_std, low, high


def random_case(rng: np.random.Generator) -> Case:
    low = float(rng.uniform(-3, 0))
    coefficients = [float(c) for c in rng.uniform(-2, 2, size=int(rng.integers(3, 5)))]
    return coefficients, float(rng.uniform(0.3, 1.5)), low, low + float(rng.uniform(2, 4))


def call(module: ModuleType, n: int, case: Case, seed: int) -> tuple[np.ndarray, np.ndarray]:
    make_poly_data = get_function(module, "make_poly_data")
    what = f"make_poly_data({n}, *{case}, seed={seed})"
    answer = expect_type(make_poly_data(n, *case, seed), tuple, what)
    if len(answer) != 2:
        raise CheckFailed(f"{what}: expected a pair (x, y)")
    x, y = (expect_tensor(v, what) for v in answer)
    for name, value in [("x", x), ("y", y)]:
        expect_shape(value, (n, 1), f"{what}, {name} (one row per point)")
        expect_dtype(value, torch.float32, f"{what}, {name}")
    return x.double().numpy()[:, 0], y.double().numpy()[:, 0]


def check_statistics(module: ModuleType, case: Case) -> None:
    coefficients, noise_std, low, high = case
    n = 20_000
    x, y = call(module, n, case, seed=7)
    what = f"make_poly_data({n}, *{case})"
    if x.min() < low or x.max() >= high or x.max() - x.min() < 0.95 * (high - low):
        raise CheckFailed(
            f"{what}: x should lie in [{low:g}, {high:g}) and cover it, got values in "
            f"[{x.min():g}, {x.max():g}]: stretch and shift torch.rand to the interval"
        )
    clean = np.polynomial.polynomial.polyval(x, coefficients)  # c_0 + c_1 x + ...
    residual_std = (y - clean).std()
    if abs(residual_std - noise_std) > 0.1 * noise_std:
        raise CheckFailed(
            f"{what}: y sits {residual_std:.3f} (std) from the polynomial, expected the noise's "
            f"std {noise_std:g}: coefficients[k] multiplies x**k, and multiply standard "
            "normal noise by noise_std"
        )


def check(module: ModuleType) -> None:
    x, y = call(module, 6, ([1.0, -2.0, 0.5], 0.0, 0.0, 3.0), seed=0)
    if not np.allclose(y, 1 - 2 * x + 0.5 * x**2, atol=1e-4):
        raise CheckFailed(
            f"with coefficients [1, -2, 0.5] and no noise, y should be 1 - 2x + 0.5x^2: "
            f"x {np.round(x, 3)}, y {np.round(y, 3)}; coefficients[k] multiplies x**k, "
            "and multiply standard normal noise by noise_std (here 0)"
        )
    expect_seeded(
        lambda seed: call(module, 10, ([1.0, 0.0, 1.0], 1.0, -1.0, 1.0), seed), "make_poly_data"
    )
    for case in random_cases(25, 4, random_case):
        check_statistics(module, case)
