"""Check for exercise 4: chains of rotations, scalings and shears (which do not commute)
against applying the maps one after the other here; descriptions of random chains of
rotations and uniform scalings against the angles and factors they were built from."""

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
    expect_type,
    get_function,
    random_cases,
)


def rotation(theta: float) -> torch.Tensor:
    c, s = math.cos(theta), math.sin(theta)
    return torch.tensor([[c, -s], [s, c]])


def random_chain(rng: np.random.Generator) -> list[torch.Tensor]:
    chain: list[torch.Tensor] = []
    for _ in range(int(rng.integers(2, 5))):
        kind = int(rng.integers(3))
        if kind == 0:
            chain.append(rotation(float(rng.uniform(-3, 3))))
        elif kind == 1:
            chain.append(torch.diag(torch.from_numpy(rng.uniform(0.3, 2.5, size=2)).float()))
        else:
            chain.append(torch.tensor([[1.0, float(rng.uniform(-1.5, 1.5))], [0.0, 1.0]]))
    return chain


def check_compose(module: ModuleType, chain: list[torch.Tensor]) -> None:
    compose = get_function(module, "compose")
    what = f"compose(a list of {len(chain)} matrices)"
    probe = np.array([[1.0, 0.0], [0.0, 1.0], [0.7, -1.3]])  # points, one per row
    moved = probe.copy()
    for matrix in chain:
        moved = moved @ matrix.double().numpy().T  # one map after the other
    got = expect_tensor(compose(chain), what)
    expect_shape(got, (2, 2), what)
    composed = probe @ got.double().numpy().T
    backwards = probe.copy()
    for matrix in reversed(chain):
        backwards = backwards @ matrix.double().numpy().T
    if np.allclose(composed, backwards, atol=1e-4) and not np.allclose(moved, backwards, atol=1e-4):
        raise CheckFailed(
            f"{what}: your matrix applies the maps in reverse order: with the first map A and "
            "then B, a point goes to B (A p), so the product is B A"
        )
    expect_close(composed, moved, f"{what}, applied to the points {probe.tolist()}", atol=1e-4)


def random_similarity(rng: np.random.Generator) -> tuple[list[torch.Tensor], float, float]:
    angles = rng.uniform(-1.5, 1.5, size=int(rng.integers(1, 4)))
    factors = rng.uniform(0.5, 2.0, size=2)
    chain = [rotation(float(angles[0])), float(factors[0]) * torch.eye(2)]
    chain += [rotation(float(a)) for a in angles[1:]] + [float(factors[1]) * torch.eye(2)]
    theta = math.degrees(math.remainder(float(angles.sum()), 2 * math.pi))
    return chain, theta, float(factors.prod())


def check_describe(
    module: ModuleType, chain: list[torch.Tensor], theta: float, scale: float
) -> None:
    describe = get_function(module, "describe")
    matrix = torch.eye(2)
    for step in chain:
        matrix = step @ matrix
    what = f"describe({[[round(v, 4) for v in row] for row in matrix.tolist()]})"
    answer = expect_type(describe(matrix), tuple, what)
    if len(answer) != 2:
        raise CheckFailed(f"{what}: expected a pair (degrees, scale)")
    degrees, factor = (float(v) for v in answer)
    if abs(degrees + theta) < 1e-3 and abs(theta) > 1e-3:
        raise CheckFailed(
            f"{what}: expected the angle {theta:.4f}, got {degrees:.4f}: the sine is in the "
            "first column's second entry, matrix[1, 0]; matrix[0, 1] holds minus the sine"
        )
    if abs(degrees - math.radians(theta)) < 1e-4:
        raise CheckFailed(f"{what}: the angle should be in degrees, got radians")
    expect_close(degrees, theta, f"{what}, the angle in degrees", atol=1e-3)
    if abs(factor - scale**2) < 1e-4 and abs(scale - 1) > 1e-3:
        raise CheckFailed(
            f"{what}: expected the scale {scale:.4f}, got {factor:.4f}, its square: the "
            "determinant scales areas, lengths scale by its square root"
        )
    expect_close(factor, scale, f"{what}, the scale", atol=1e-4)


def check(module: ModuleType) -> None:
    check_compose(module, [])
    stretch, turn = torch.tensor([[2.0, 0.0], [0.0, 1.0]]), rotation(math.pi / 6)
    check_compose(module, [turn, stretch])
    for chain in random_cases(84, 8, random_chain):
        check_compose(module, chain)
    check_describe(module, [rotation(math.pi / 6), 2.0 * torch.eye(2)], 30.0, 2.0)
    for chain, theta, scale in random_cases(85, 8, random_similarity):
        check_describe(module, chain, theta, scale)
