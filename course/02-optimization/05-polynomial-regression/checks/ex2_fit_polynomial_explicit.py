"""Check for exercise 2: the features of random inputs against x ** k computed here, then
the given fit_polynomial, which uses them, must recover a noise-free cubic."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_shape,
    expect_tensor,
    get_function,
    random_cases,
)


def check_features(module: ModuleType, x: torch.Tensor, degree: int) -> None:
    poly_features = get_function(module, "poly_features")
    what = f"poly_features(x of shape {tuple(x.shape)}, {degree})"
    got = expect_tensor(poly_features(x, degree), what)
    if got.ndim == 2 and got.shape[0] != len(x):
        raise CheckFailed(
            f"{what}: got shape {tuple(got.shape)}, expected ({len(x)}, {degree}): put the "
            "powers side by side as columns (torch.cat along dim=1)"
        )
    expected = x.double() ** torch.arange(1, degree + 1, dtype=torch.float64)
    if got.shape == expected.shape and bool((got[:, 0] == 1).all()):
        raise CheckFailed(f"{what}: the first column is all ones; there is no column of ones")
    expect_shape(got, (len(x), degree), f"{what} (the columns x, x^2, ..., x^degree)")
    if not torch.allclose(got.double(), expected, rtol=1e-4, atol=1e-5):
        raise CheckFailed(
            f"{what}: column j should be x ** (j + 1), the columns x, x^2, ..., x^degree; "
            f"first row got {got[0].tolist()}, expected {expected[0].tolist()}"
        )


def check(module: ModuleType) -> None:
    check_features(module, torch.tensor([[2.0], [-1.0], [0.5]]), 3)
    for seed, degree in random_cases(
        26, 4, lambda rng: (int(rng.integers(1000)), int(rng.integers(1, 7)))
    ):
        x = 4 * torch.rand(15, 1, generator=torch.Generator().manual_seed(seed)) - 2
        check_features(module, x, degree)
    fit_polynomial = get_function(module, "fit_polynomial")
    x = torch.linspace(-2, 2, 40).unsqueeze(1)
    y = 1 - 2 * x + x**3
    model, mean, std = fit_polynomial(x, y, 3, 3000, 0.3)
    with torch.no_grad():
        features = x ** torch.arange(1, 4, dtype=x.dtype)
        error = ((model((features - mean) / std) - y) ** 2).mean().item()
    if not np.isfinite(error) or error > 1e-3:
        raise CheckFailed(
            f"fit_polynomial on the noise-free cubic 1 - 2x + x^3 ends with MSE {error:.3g}, "
            "expected under 1e-3: poly_features should give the columns x, x^2, x^3"
        )
