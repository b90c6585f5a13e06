"""Check for exercise 3: cosines and angles against a loop computed here in float64, on
sets of different sizes, and on rows with their own multiples, where float32 rounding
pushes some cosines past 1."""

from __future__ import annotations

import math
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


def random_sets(rng: np.random.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    n, m = (int(size) for size in rng.choice(np.arange(2, 7), size=2, replace=False))
    d = int(rng.integers(2, 5))
    a = torch.from_numpy(rng.normal(size=(n, d))).float()
    return a, torch.from_numpy(rng.normal(size=(m, d))).float()


def cosines_by_loop(a: torch.Tensor, b: torch.Tensor) -> np.ndarray:
    rows, columns = a.double().numpy(), b.double().numpy()
    return np.array([[r @ c / math.sqrt((r @ r) * (c @ c)) for c in columns] for r in rows]).clip(
        -1.0, 1.0
    )


def call(module: ModuleType, name: str, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    function = get_function(module, name)
    what = f"{name}(a, b) for a of shape {tuple(a.shape)}, b {tuple(b.shape)}"
    try:
        return expect_tensor(function(a, b), what)
    except NotImplementedError:
        raise  # the stub: reported as not implemented yet
    except RuntimeError as error:
        raise CheckFailed(f"{what} raised RuntimeError: {error}") from None


def check_pair(module: ModuleType, a: torch.Tensor, b: torch.Tensor) -> None:
    shapes = f"for a of shape {tuple(a.shape)}, b {tuple(b.shape)}"
    expected = cosines_by_loop(a, b)
    got = call(module, "cosine_matrix", a, b)
    expect_shape(got, expected.shape, f"cosine_matrix(a, b) {shapes}")
    dots = a.double().numpy() @ b.double().numpy().T
    if np.allclose(got.numpy(), dots, atol=1e-4) and not np.allclose(dots, expected):
        raise CheckFailed(
            f"cosine_matrix(a, b) {shapes}: got the dot products; divide by both lengths"
        )
    expect_close(got, expected, f"cosine_matrix(a, b) {shapes}", atol=1e-5)
    angles = call(module, "angle_matrix", a, b)
    what = f"angle_matrix(a, b) {shapes}"
    if torch.isnan(angles).any():
        raise CheckFailed(
            f"{what}: some angles are NaN: a float32 cosine of parallel rows can come out "
            "just above 1, where acos is undefined; clamp the cosines to [-1, 1] first"
        )
    expected_degrees = np.degrees(np.arccos(expected))
    if np.allclose(angles.double().numpy(), np.radians(expected_degrees), atol=1e-3):
        raise CheckFailed(f"{what}: got radians; convert them to degrees")
    # acos is steep near cos = 1: a rounding error of 1e-7 there moves the angle by 0.03°.
    expect_close(angles, expected_degrees, what, atol=0.05)


def check(module: ModuleType) -> None:
    x, y = torch.tensor([[1.0, 3.0]]), torch.tensor([[4.0, 2.0], [-2.0, -6.0], [3.0, -1.0]])
    check_pair(module, x, y)  # 45, 180 and 90 degrees
    for a, b in random_cases(73, 5, random_sets):
        check_pair(module, a, b)
    generator = torch.Generator().manual_seed(7)
    rows = torch.randn(30, 5, generator=generator)
    check_pair(module, rows, 3.7 * rows)  # the diagonal holds parallel pairs
