"""Check of exercise 1: the closed form at fixed and random discounts with every
linear-algebra routine made to raise, and the PyTorch solve on random systems."""

from __future__ import annotations

from types import ModuleType

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
    forbidden,
    get_function,
)

# "Always explore" in the rover: rows and columns sunny, cloudy (stuck is terminal).
P_EXPLORE = np.array([[0.8, 0.2], [0.4, 0.4]])
R_EXPLORE = np.array([2.0, -1.2])


BY_HAND = "values_by_hand solves the 2 x 2 system on paper: plain arithmetic only"
LINEAR_ALGEBRA = {
    name: BY_HAND
    for name in (
        "numpy.linalg.solve",
        "numpy.linalg.inv",
        "numpy.linalg.lstsq",
        "numpy.linalg.pinv",
        "torch.linalg.solve",
        "torch.linalg.inv",
        "torch.linalg.lstsq",
        "torch.linalg.pinv",
        "torch.inverse",
    )
}
NO_INVERSE = {
    name: "solve the system with torch.linalg.solve, which never forms the inverse"
    for name in ("torch.linalg.inv", "torch.inverse", "numpy.linalg.inv", "torch.linalg.pinv")
}


def check_by_hand(module: ModuleType) -> None:
    values_by_hand = get_function(module, "values_by_hand")
    gammas = [0.0, 0.3, 0.9, 0.99, *(float(g) for g in np.random.default_rng(41).random(3))]
    for gamma in gammas:
        expected = np.linalg.solve(np.eye(2) - gamma * P_EXPLORE, R_EXPLORE)
        with forbidden(LINEAR_ALGEBRA, module):
            got = values_by_hand(gamma)
        try:
            sunny, cloudy = (float(v) for v in got)
        except (TypeError, ValueError):
            raise CheckFailed(
                f"values_by_hand({gamma}) should return two numbers (v(sunny), v(cloudy)), "
                f"got {got!r}"
            ) from None
        without_stuck = np.linalg.solve(np.eye(2) - gamma * P_EXPLORE, np.array([2.0, 0.8]))
        if np.allclose([sunny, cloudy], without_stuck) and not np.allclose(expected, without_stuck):
            raise CheckFailed(
                f"values_by_hand({gamma}): got {sunny:.6g}, {cloudy:.6g}, the values without "
                "the -10 of getting stuck: r_pi(cloudy) = 0.8 * 1 + 0.2 * (-10) = -1.2"
            )
        expect_close(
            np.array([sunny, cloudy]),
            expected,
            f"values_by_hand({gamma:.4g}) = (v(sunny), v(cloudy))",
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
    check_by_hand(module)
    solve_values = get_function(module, "solve_values")
    rng = np.random.default_rng(4)
    for n, gamma in ((3, 0.9), (6, 0.5), (6, 0.97)):
        p, r = random_system(rng, n)
        p_pi, r_pi = torch.from_numpy(p.copy()), torch.from_numpy(r.copy())
        with forbidden(NO_INVERSE, module):
            values = expect_tensor(solve_values(p_pi, r_pi, gamma), f"solve_values (S = {n})")
        expect_shape(values, (n,), f"solve_values (S = {n})")
        expect_dtype(values, torch.float64, f"solve_values (S = {n})")
        expected = np.linalg.solve(np.eye(n) - gamma * p, r)
        transposed = np.linalg.solve(np.eye(n) - gamma * p.T, r)
        if np.allclose(values.numpy(), transposed) and not np.allclose(expected, transposed):
            raise CheckFailed(
                f"solve_values, S = {n}: got the solution with P_pi transposed; row s of P_pi "
                "holds the probabilities of moving from s, so (I - gamma P_pi) v = r_pi as given"
            )
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
