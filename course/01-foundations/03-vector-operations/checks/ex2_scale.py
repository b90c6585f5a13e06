"""Check for exercise 2: both versions give exactly the tensor of `c * x`, dtype included,
for Python numbers and 0-dimensional tensors as c, on integer and float vectors."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_array_equal,
    expect_dtype,
    expect_shape,
    expect_tensor,
    get_function,
    random_cases,
)

Scalar = float | int | torch.Tensor


def random_case(rng: np.random.Generator) -> tuple[Scalar, torch.Tensor]:
    n = int(rng.integers(1, 9))
    if rng.random() < 0.5:
        x = torch.from_numpy(rng.integers(-9, 10, size=n))
    else:
        x = torch.from_numpy(rng.normal(size=n)).float()
    c = float(rng.normal()) if rng.random() < 0.7 else torch.tensor(float(rng.normal()))
    return c, x


def check_scale(module: ModuleType, name: str, c: Scalar, x: torch.Tensor) -> None:
    scale = get_function(module, name)
    shown = c.item() if isinstance(c, torch.Tensor) else c
    what = f"{name}({shown!r}, x) for x = {x.tolist()} ({x.dtype})"
    expected = c * x  # computed here, before the learner's code runs
    got = expect_tensor(scale(c, x), what)
    expect_shape(got, tuple(expected.shape), what)
    if got.dtype != expected.dtype and not got.dtype.is_floating_point:
        raise CheckFailed(
            f"{what}: expected dtype {expected.dtype}, got {got.dtype}: an integer tensor "
            "cuts c * x_i to a whole number; create the result with torch.result_type(c, x)"
        )
    expect_dtype(got, expected.dtype, what)
    if torch.allclose(got, x + c):
        raise CheckFailed(f"{what}: the result is x + c: scale by multiplying, c * x_i")
    expect_array_equal(got, expected.numpy(), what)


def check(module: ModuleType) -> None:
    cases: list[tuple[Scalar, torch.Tensor]] = [
        (2.0, torch.tensor([1.0, 2.0])),
        (0.5, torch.tensor([1, 2, 3])),
        (-3, torch.tensor([1, -2, 4])),
        (torch.tensor(1.5), torch.tensor([2.0, -4.0, 6.0])),
    ]
    for c, x in cases + random_cases(21, 6, random_case):
        for name in ("scale_by_hand", "scale_broadcast"):
            check_scale(module, name, c, x)
