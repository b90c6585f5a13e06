"""Check for exercise 1: rotation and scaling matrices against ones built here entry by
entry, for random angles and factors; a rotation must turn (1, 0) anticlockwise and
keep lengths."""

from __future__ import annotations

import math
from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_dtype,
    expect_shape,
    expect_tensor,
    get_function,
)


def rotation_entries(theta: float) -> list[list[float]]:
    return [[math.cos(theta), -math.sin(theta)], [math.sin(theta), math.cos(theta)]]


def check_rotations(module: ModuleType, thetas: torch.Tensor) -> None:
    rotations = get_function(module, "rotations")
    what = f"rotations(thetas) for thetas = {[round(t, 4) for t in thetas.tolist()]}"
    got = expect_tensor(rotations(thetas), what)
    expect_shape(got, (len(thetas), 2, 2), what)
    expect_dtype(got, thetas.dtype, what)
    expected = np.array([rotation_entries(t) for t in thetas.tolist()])
    values = got.double().numpy()
    if np.allclose(values, expected.transpose(0, 2, 1), atol=1e-5) and not np.allclose(
        expected, expected.transpose(0, 2, 1)
    ):
        raise CheckFailed(
            f"{what}: your matrices turn clockwise: R(theta) maps (1, 0) to (cos, sin), so "
            "its first column is (cos, sin) and the minus sign sits on the top right"
        )
    gram = values.transpose(0, 2, 1) @ values
    if not np.allclose(gram, np.eye(2), atol=1e-4):
        raise CheckFailed(
            f"{what}: these matrices change lengths (R^T R is not I), so they are no "
            "rotations: check the signs"
        )
    if np.allclose(values, np.array([rotation_entries(math.radians(t)) for t in thetas.tolist()])):
        raise CheckFailed(f"{what}: the angles are already in radians; do not convert them")
    expect_close(got, expected, what, atol=1e-5)


def check_scalings(module: ModuleType, factors: torch.Tensor) -> None:
    scalings = get_function(module, "scalings")
    what = f"scalings(factors) for factors of shape {tuple(factors.shape)}"
    try:
        got = expect_tensor(scalings(factors), what)
    except NotImplementedError:
        raise  # the stub: reported as not implemented yet
    except RuntimeError as error:
        raise CheckFailed(f"{what} raised RuntimeError: {error}") from None
    if tuple(got.shape) != (len(factors), 2, 2):
        raise CheckFailed(
            f"{what}: expected shape {(len(factors), 2, 2)}, got {tuple(got.shape)}: "
            "torch.diag of a 2-D tensor reads its diagonal; torch.diag_embed builds one "
            "diagonal matrix per row"
        )
    expected = np.array([np.diag(row) for row in factors.double().numpy()])
    expect_close(got, expected, what, atol=1e-6)


def check(module: ModuleType) -> None:
    check_rotations(module, torch.tensor([0.0, math.pi / 2, math.pi / 6]))
    generator = torch.Generator().manual_seed(81)
    for dtype in (torch.float32, torch.float64):
        check_rotations(module, (torch.rand(5, generator=generator) * 7 - 3.5).to(dtype))
    check_scalings(module, torch.tensor([[2.0, 0.5]]))
    check_scalings(module, torch.rand(4, 2, generator=generator) * 3)
    check_scalings(module, torch.rand(2, 2, generator=generator) * 3)
