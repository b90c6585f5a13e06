"""Check for exercise 1: the 0/1-label update against the rule computed here, on fixed
cases that separate the usual mistakes and on seeded random cases."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_shape,
    expect_tensor,
    get_function,
    random_cases,
)


def expected_update(weights: torch.Tensor, x: torch.Tensor, label: int) -> np.ndarray:
    w, point = weights.double().numpy(), np.append(x.double().numpy(), 1.0)
    y = 1.0 if label == 1 else -1.0
    return w + y * point if y * float(w @ point) <= 0 else w


def check_case(module: ModuleType, weights: torch.Tensor, x: torch.Tensor, label: int) -> None:
    update = get_function(module, "update")
    what = f"update(w={weights.tolist()}, x={x.tolist()}, label={label})"
    got = expect_tensor(update(weights.clone(), x.clone(), label), what)
    expect_shape(got, tuple(weights.shape), what)
    expected = expected_update(weights, x, label)
    values = got.double().numpy()
    w = weights.double().numpy()
    score = (1.0 if label == 1 else -1.0) * float(w @ np.append(x.double().numpy(), 1.0))
    if np.allclose(expected, values, atol=1e-5):
        return
    if score > 0 and not np.allclose(values, w):
        raise CheckFailed(f"{what}: the point is already on its side (y w.x~ > 0): leave w alone")
    if label == 0 and np.allclose(values, w):
        raise CheckFailed(f"{what}: label 0 must act as y = -1 (y = 2 label - 1), not as 0")
    if score == 0 and np.allclose(values, w):
        raise CheckFailed(
            f"{what}: a point on the line (y w.x~ = 0) is a mistake and must update w; "
            "with `< 0` training from w = 0 never starts"
        )
    if np.allclose(values[:-1], expected[:-1]) and not np.isclose(values[-1], expected[-1]):
        raise CheckFailed(
            f"{what}: the bias (last weight) must change by y, as if x had a last entry 1"
        )
    expect_close(got, expected, what, atol=1e-5)


def random_case(rng: np.random.Generator) -> tuple[torch.Tensor, torch.Tensor, int]:
    d = int(rng.integers(2, 5))
    weights = torch.from_numpy(rng.normal(size=d + 1)).float()
    return weights, torch.from_numpy(rng.normal(size=d)).float(), int(rng.integers(0, 2))


def check(module: ModuleType) -> None:
    x = torch.tensor([1.0, 2.0])
    check_case(module, torch.zeros(3), x, 1)  # on the line: a mistake
    check_case(module, torch.zeros(3), x, 0)
    check_case(module, torch.tensor([1.0, 1.0, 0.5]), x, 1)  # right side: unchanged
    check_case(module, torch.tensor([1.0, 1.0, 0.5]), x, 0)  # wrong side, label 0
    for weights, point, label in random_cases(31, 20, random_case):
        check_case(module, weights, point, label)
