"""Check for exercise 1: a large cloud's mean and covariance against R S^2 R^T and the
centre computed here, for several stretches and tilts; the seed decides the points."""

from __future__ import annotations

import math
from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_dtype,
    expect_seeded,
    expect_shape,
    expect_tensor,
    get_function,
)


def expected_covariance(stds: tuple[float, float], degrees: float) -> np.ndarray:
    theta = math.radians(degrees)
    rotate = np.array([[math.cos(theta), -math.sin(theta)], [math.sin(theta), math.cos(theta)]])
    return rotate @ np.diag(np.square(stds)) @ rotate.T  # the covariance of R S z


def check_cloud(
    module: ModuleType, stds: tuple[float, float], degrees: float, centre: tuple[float, float]
) -> None:
    make_dataset = get_function(module, "make_dataset")
    n = 40_000
    what = f"make_dataset({n}, stds={stds}, degrees={degrees}, centre={centre}, seed=3)"
    data = expect_tensor(make_dataset(n, stds, degrees, centre, 3), what)
    expect_shape(data, (n, 2), what)
    expect_dtype(data, torch.float32, what)
    points = data.double().numpy()
    expect_close(points.mean(axis=0), np.array(centre), f"{what}: the mean", atol=0.05)
    cov = np.cov(points.T)
    expected = expected_covariance(stds, degrees)
    if np.allclose(cov, np.diag(np.square(stds)), rtol=0.05, atol=0.05) and not np.allclose(
        expected, np.diag(np.square(stds)), atol=0.1
    ):
        raise CheckFailed(
            f"{what}: the cloud is stretched but not turned: for rows z, R S z is "
            "z @ (R @ S).T; stretch first (S), then turn (R)"
        )
    if np.allclose(cov, expected_covariance(stds, math.degrees(degrees)), atol=0.1):
        raise CheckFailed(f"{what}: the angle is in degrees; convert it with math.radians")
    expect_close(cov, expected, f"{what}: the covariance (expected R S^2 R^T)", atol=0.1, rtol=0.05)


def check(module: ModuleType) -> None:
    check_cloud(module, (2.0, 0.5), 30.0, (3.0, 1.0))
    check_cloud(module, (0.5, 3.0), -60.0, (-1.0, 2.0))
    check_cloud(module, (1.5, 1.0), 120.0, (0.0, 0.0))
    make_dataset = get_function(module, "make_dataset")
    expect_seeded(
        lambda seed: make_dataset(50, (2.0, 0.5), 30.0, (3.0, 1.0), seed),
        "make_dataset(50, ..., seed)",
    )
