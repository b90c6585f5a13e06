"""Check for exercise 2: every distance against a loop computed here, for sets of
different sizes (so a transposed result shows), with torch.cdist made to raise; the
nearest rows against that loop too."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_array_equal,
    expect_close,
    expect_dtype,
    expect_shape,
    expect_tensor,
    forbidden,
    get_function,
    random_cases,
)

CDIST = {"torch.cdist": "form the differences with broadcasting"}


def random_sets(rng: np.random.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    n, m = (int(size) for size in rng.choice(np.arange(2, 7), size=2, replace=False))
    d = int(rng.integers(1, 5))
    a = torch.from_numpy(rng.normal(size=(n, d))).float()
    return a, torch.from_numpy(rng.normal(size=(m, d))).float()


def distances_by_loop(a: torch.Tensor, b: torch.Tensor) -> np.ndarray:
    rows, columns = a.double().numpy(), b.double().numpy()
    return np.array([[np.sqrt(((r - c) ** 2).sum()) for c in columns] for r in rows])


def check_distances(module: ModuleType, a: torch.Tensor, b: torch.Tensor) -> None:
    pairwise_distances = get_function(module, "pairwise_distances")
    what = f"pairwise_distances(a, b) for a of shape {tuple(a.shape)}, b {tuple(b.shape)}"
    expected = distances_by_loop(a, b)
    with forbidden(CDIST, module):
        got = expect_tensor(pairwise_distances(a, b), what)
    if tuple(got.shape) == expected.T.shape:
        raise CheckFailed(
            f"{what}: expected shape {expected.shape}, got {tuple(got.shape)}: entry [i, j] "
            "is row i of a against row j of b, so a's rows come first"
        )
    expect_shape(got, expected.shape, what)
    if np.allclose(got.numpy(), expected**2, atol=1e-4) and not np.allclose(expected, expected**2):
        raise CheckFailed(f"{what}: got the squared distances; take the square root")
    expect_close(got, expected, what, atol=1e-5)


def check_nearest(module: ModuleType, a: torch.Tensor, b: torch.Tensor) -> None:
    nearest_rows = get_function(module, "nearest_rows")
    what = f"nearest_rows(a, b) for a of shape {tuple(a.shape)}, b {tuple(b.shape)}"
    expected = distances_by_loop(a, b).argmin(axis=0)
    got = expect_tensor(nearest_rows(a, b), what)
    expect_shape(got, expected.shape, what)
    expect_dtype(got, torch.int64, what)
    farthest = distances_by_loop(a, b).argmax(axis=0)
    if np.array_equal(got.numpy(), farthest) and not np.array_equal(expected, farthest):
        raise CheckFailed(f"{what}: got the farthest rows; the nearest has the smallest distance")
    expect_array_equal(got, expected, what)


def check(module: ModuleType) -> None:
    stored = torch.tensor([[0.0, 0.0], [4.0, 2.0], [2.0, 5.0]])
    queries = torch.tensor([[1.0, 3.0], [3.0, 1.0]])
    cases = [(stored, queries), *random_cases(72, 6, random_sets)]
    for a, b in cases:
        check_distances(module, a, b)
    for a, b in cases:
        check_nearest(module, a, b)
