"""Check of exercise 1: the closed form at several discounts, and the PyTorch solve."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_dtype,
    expect_equal,
    expect_shape,
    expect_tensor,
    expect_true,
    get_function,
)

# "Always explore" in the rover: rows and columns sunny, cloudy (stuck is terminal).
P_EXPLORE = np.array([[0.8, 0.2], [0.4, 0.4]])
R_EXPLORE = np.array([2.0, -1.2])


def check_by_hand(values_by_hand: Callable[..., Any]) -> None:
    for gamma in (0.0, 0.3, 0.9, 0.99):
        expected = np.linalg.solve(np.eye(2) - gamma * P_EXPLORE, R_EXPLORE)
        got = values_by_hand(gamma)
        try:
            sunny, cloudy = (float(v) for v in got)
        except (TypeError, ValueError):
            raise CheckFailed(
                f"values_by_hand({gamma}) should return two numbers (v(sunny), v(cloudy)), "
                f"got {got!r}"
            ) from None
        expect_close(
            np.array([sunny, cloudy]),
            expected,
            f"values_by_hand({gamma}) = (v(sunny), v(cloudy))",
            atol=1e-9,
            rtol=1e-9,
        )


def random_system(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """A sub-stochastic P (some probability of ending the episode) and rewards."""
    p = rng.random((n, n))
    p *= rng.uniform(0.5, 1.0, size=(n, 1)) / p.sum(axis=1, keepdims=True)
    p[-1] = 0.0  # a terminal state: nothing follows it
    return p, rng.normal(size=n)


def check(module: ModuleType) -> None:
    check_by_hand(get_function(module, "values_by_hand"))
    solve_values = get_function(module, "solve_values")
    rng = np.random.default_rng(4)
    for n, gamma in ((3, 0.9), (6, 0.5), (6, 0.97)):
        p, r = random_system(rng, n)
        p_pi, r_pi = torch.from_numpy(p.copy()), torch.from_numpy(r.copy())
        values = expect_tensor(solve_values(p_pi, r_pi, gamma), f"solve_values (S = {n})")
        expect_shape(values, (n,), f"solve_values (S = {n})")
        expect_dtype(values, torch.float64, f"solve_values (S = {n})")
        expected = np.linalg.solve(np.eye(n) - gamma * p, r)
        expect_close(values, expected, f"solve_values, S = {n}, gamma = {gamma}", atol=1e-9)
        expect_true(
            bool(np.array_equal(p_pi.numpy(), p) and np.array_equal(r_pi.numpy(), r)),
            "solve_values changed the tensors it was given",
        )
    expect_equal(
        float(
            solve_values(
                torch.zeros(2, 2, dtype=torch.float64), torch.ones(2, dtype=torch.float64), 0.9
            )[0]
        ),
        1.0,
        "solve_values with P_pi = 0 (every step ends the episode): v = r_pi, first entry",
    )
