"""Check for exercise 2: the loss against a float64 reference on random batches,
including logits so large that sigmoid rounds to 0 or 1 in float32."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_tensor,
    forbidden,
    get_function,
    random_cases,
)


def reference(z: np.ndarray, y: np.ndarray) -> float:
    return float(np.mean(np.logaddexp(0.0, z) - y * z))


def random_case(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    batch = int(rng.integers(3, 9))
    z = rng.normal(scale=3.0, size=(batch, 1))
    return z, rng.integers(0, 2, size=(batch, 1)).astype(np.float64)


def check_case(module: ModuleType, z: np.ndarray, y: np.ndarray) -> None:
    bce_loss = get_function(module, "bce_loss")
    what = f"bce_loss(z={np.round(z.ravel(), 2).tolist()}, y={y.ravel().tolist()})"
    with forbidden(
        {"torch.nn.functional.binary_cross_entropy_with_logits": "write the formula yourself"},
        module,
    ):
        got = expect_tensor(
            bce_loss(torch.from_numpy(z).float(), torch.from_numpy(y).float()), what
        )
    value = got.double().item()
    if not np.isfinite(value):
        raise CheckFailed(
            f"{what} is {value}, not finite: log(sigmoid(z)) underflows for large |z|; use "
            "log(1 + e^z) - y z with torch.logaddexp(0, z)"
        )
    if len(z) > 1 and np.isclose(value, len(z) * reference(z, y), rtol=1e-4):
        raise CheckFailed(
            f"{what}: got {value:.5g}, {len(z)} times too large: average over the batch"
        )
    if np.isclose(value, reference(z, 1 - y), rtol=1e-4) and not np.isclose(
        value, reference(z, y), rtol=1e-4
    ):
        raise CheckFailed(
            f"{what}: got {value:.5g}, the loss of the opposite labels: y z, not (1 - y) z"
        )
    expect_close(value, reference(z, y), what, rtol=1e-4)


def check(module: ModuleType) -> None:
    check_case(module, np.array([[100.0], [-100.0], [0.0]]), np.array([[0.0], [1.0], [1.0]]))
    for z, y in random_cases(64, 10, random_case):
        check_case(module, z, y)
