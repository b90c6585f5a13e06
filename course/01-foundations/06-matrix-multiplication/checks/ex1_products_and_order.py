"""Check for exercise 1: both Gram matrices against sums computed here, on matrices that
are not square (so a swapped transpose shows in the shape), and commuting and
non-commuting pairs."""

from __future__ import annotations

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


def random_matrix(rng: np.random.Generator) -> torch.Tensor:
    n, d = (int(size) for size in rng.choice(np.arange(2, 7), size=2, replace=False))
    return torch.from_numpy(rng.normal(size=(n, d))).float()


def check_grams(module: ModuleType) -> None:
    gram_matrix = get_function(module, "gram_matrix")
    feature_gram = get_function(module, "feature_gram")
    fixed = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    for x in [fixed, *random_cases(16, 5, random_matrix)]:
        n, d = x.shape
        rows = x.double().numpy()
        # Sums of products, one pair of rows (or columns) at a time, in float64.
        by_rows = np.array([[rows[i] @ rows[j] for j in range(n)] for i in range(n)])
        by_columns = np.array([[rows[:, k] @ rows[:, m] for m in range(d)] for k in range(d)])
        for name, function, expected in [
            ("gram_matrix", gram_matrix, by_rows),
            ("feature_gram", feature_gram, by_columns),
        ]:
            what = f"{name}(x) for x of shape {(n, d)}"
            got = expect_tensor(function(x), what)
            if name == "gram_matrix" and tuple(got.shape) == (d, d):
                raise CheckFailed(
                    f"{what}: expected shape {(n, n)}, got {(d, d)}: rows of x dot rows of x "
                    "is x @ x.T; x.T @ x pairs the columns"
                )
            expect_shape(got, expected.shape, what)
            expect_close(got, expected, what, atol=1e-4)


def commuting_pairs(rng: np.random.Generator) -> tuple[torch.Tensor, torch.Tensor, bool]:
    size = int(rng.integers(2, 5))
    p = torch.from_numpy(rng.normal(size=(size, size))).float()
    kind = int(rng.integers(3))
    if kind == 0:
        return p, p @ p, True  # P and P^2 commute: both are P three times
    if kind == 1:
        return p, 2.5 * torch.eye(size) + p, True  # a multiple of I plus P commutes with P
    q = torch.from_numpy(rng.normal(size=(size, size))).float()
    return p, q, False  # random pairs almost never commute


def check_commute(module: ModuleType) -> None:
    commute = get_function(module, "commute")
    shear_right = torch.tensor([[1.0, 1.0], [0.0, 1.0]])
    shear_up = torch.tensor([[1.0, 0.0], [1.0, 1.0]])
    cases = [(shear_right, shear_up, False), *random_cases(17, 12, commuting_pairs)]
    for p, q, expected in cases:
        what = f"commute(p, q) for p = {p.tolist()} and q = {q.tolist()}"
        got = expect_type(commute(p, q), bool, what)
        if got != expected and not expected:
            raise CheckFailed(
                f"{what}: expected False, got True: compare the matrix products p @ q and "
                "q @ p (elementwise * always commutes)"
            )
        if got != expected:
            raise CheckFailed(
                f"{what}: expected True (these commute), got False: the two products round "
                "differently, so compare with torch.allclose(..., atol=1e-5), not exactly"
            )


def check(module: ModuleType) -> None:
    check_grams(module)
    check_commute(module)
