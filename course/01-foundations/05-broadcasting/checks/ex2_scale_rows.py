"""Check for exercise 2: rows and batch matrices scaled, against NumPy with explicit axes,
on shapes where a wrong orientation raises and on shapes where it runs silently."""

from __future__ import annotations

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


def random_rows(rng: np.random.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    m, n = (int(size) for size in rng.integers(2, 6, size=2))
    return torch.from_numpy(rng.normal(size=(m, n))), torch.from_numpy(rng.normal(size=m))


def check_rows(module: ModuleType, x: torch.Tensor, factors: torch.Tensor) -> None:
    scale_rows = get_function(module, "scale_rows")
    m, n = x.shape
    what = f"scale_rows(X, factors) for X of shape ({m}, {n})"
    got = expect_tensor(scale_rows(x.clone(), factors.clone()), what)
    expect_shape(got, (m, n), what)
    expected = x.numpy() * factors.numpy()[:, np.newaxis]
    if m == n and np.allclose(got.numpy(), x.numpy() * factors.numpy()[np.newaxis, :]):
        raise CheckFailed(
            f"{what}: the columns were scaled: a vector of shape ({m},) broadcasts as a row "
            f"(1, {m}), and for a square X that runs without an error; make it a column"
        )
    expect_close(got, expected, what)


def random_batch(rng: np.random.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    b, m, n = (int(size) for size in rng.integers(2, 5, size=3))
    return torch.from_numpy(rng.normal(size=(b, m, n))), torch.from_numpy(rng.normal(size=b))


def check_batch(module: ModuleType, batch: torch.Tensor, factors: torch.Tensor) -> None:
    scale_batch = get_function(module, "scale_batch")
    b, m, n = batch.shape
    what = f"scale_batch(batch, factors) for a batch of shape ({b}, {m}, {n})"
    try:
        answer = scale_batch(batch.clone(), factors.clone())
    except RuntimeError as error:
        raise CheckFailed(
            f"{what}: PyTorch refused the shapes ({error}); factors of shape ({b},) must "
            f"become ({b}, 1, 1) to line up with the batch dimension"
        ) from None
    got = expect_tensor(answer, what)
    if tuple(got.shape) != (b, m, n):
        raise CheckFailed(
            f"{what}: expected shape ({b}, {m}, {n}), got {tuple(got.shape)}: factors of "
            f"shape ({b},) need a size-1 dimension for m and one for n, ({b}, 1, 1)"
        )
    expected = batch.numpy() * factors.numpy()[:, np.newaxis, np.newaxis]
    if not np.allclose(got.numpy(), expected):
        raise CheckFailed(
            f"{what}: the values differ from factors[k] * batch[k]: with shape ({b}, 1) the "
            f"factors line up with (m, n), not with the batch dimension; use ({b}, 1, 1)"
        )
    expect_close(got, expected, what)


def check(module: ModuleType) -> None:
    check_rows(module, torch.arange(9.0).reshape(3, 3), torch.tensor([1.0, 0.5, 2.0]))
    check_rows(module, torch.arange(12.0).reshape(4, 3), torch.tensor([1.0, 0.5, 0.0, 2.0]))
    for x, factors in random_cases(21, 4, random_rows):
        check_rows(module, x, factors)
    check_batch(module, torch.ones(2, 2, 3), torch.tensor([2.0, 3.0]))
    check_batch(module, torch.ones(3, 2, 3), torch.tensor([2.0, 3.0, -1.0]))
    for batch, factors in random_cases(22, 4, random_batch):
        check_batch(module, batch, factors)
