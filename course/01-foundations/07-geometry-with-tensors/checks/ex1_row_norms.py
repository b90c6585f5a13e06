"""Check for exercise 1: row norms against sums computed here, on wide, tall and square
batches (where a wrong axis can hide), with the library's norms made to raise; unit
rows of length 1 pointing the same way, and rows of zeros left alone."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_shape,
    expect_tensor,
    forbidden,
    get_function,
    random_cases,
)

NORMS = {
    name: "compute the norm from its formula"
    for name in ("torch.linalg.norm", "torch.linalg.vector_norm", "torch.norm")
}


def random_batch(rng: np.random.Generator) -> torch.Tensor:
    n, d = (int(size) for size in rng.integers(1, 6, size=2))
    return torch.from_numpy(rng.normal(scale=3.0, size=(n, d))).float()


def check_norms(module: ModuleType, x: torch.Tensor) -> None:
    row_norms = get_function(module, "row_norms")
    what = f"row_norms(x) for x of shape {tuple(x.shape)}"
    rows = x.double().numpy()
    expected = np.array([np.sqrt(sum(value * value for value in row)) for row in rows])
    with forbidden(NORMS, module):
        got = expect_tensor(row_norms(x), what)
    if tuple(got.shape) == (x.shape[1],) and x.shape[0] != x.shape[1]:
        raise CheckFailed(
            f"{what}: expected shape {(x.shape[0],)}, got {(x.shape[1],)}: one norm per row "
            "means summing over dim=1, the numbers of each row"
        )
    expect_shape(got, expected.shape, what)
    squares = np.array([sum(value * value for value in row) for row in rows])
    if np.allclose(got.numpy(), squares, rtol=1e-4) and not np.allclose(squares, expected):
        raise CheckFailed(f"{what}: got the squared norms; take the square root of the sum")
    expect_close(got, expected, what, atol=1e-5)


def check_units(module: ModuleType, x: torch.Tensor) -> None:
    unit_rows = get_function(module, "unit_rows")
    what = f"unit_rows(x) for x of shape {tuple(x.shape)}"
    rows = x.double().numpy()
    lengths = np.sqrt((rows**2).sum(axis=1, keepdims=True))
    expected = np.divide(rows, lengths, out=np.zeros_like(rows), where=lengths > 0)
    try:
        got = expect_tensor(unit_rows(x), what)
    except NotImplementedError:
        raise  # the stub: reported as not implemented yet
    except RuntimeError as error:
        raise CheckFailed(f"{what} raised RuntimeError: {error}") from None
    expect_shape(got, tuple(x.shape), what)
    expect_close(got, expected, what, atol=1e-5)


def check(module: ModuleType) -> None:
    fixed = torch.tensor([[3.0, 4.0], [1.0, 3.0], [0.0, -2.0]])
    square = torch.tensor([[3.0, 4.0], [0.0, 2.0]])  # n = d: a norm per column has the right shape
    cases = [fixed, square, *random_cases(71, 6, random_batch)]
    for x in cases:
        check_norms(module, x)
    for x in [*cases, torch.tensor([[0.0, 0.0, 0.0], [1.0, 2.0, 2.0]])]:
        check_units(module, x)
