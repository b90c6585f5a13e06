"""Check for exercise 4: runs your batch_values on batches with as many observations as
numbers per observation (where the broken code runs but is wrong) and with other
counts (where it raises), against dot products computed here."""

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


def random_batch(rng: np.random.Generator) -> tuple[list[torch.Tensor], torch.Tensor]:
    n, d = (int(size) for size in rng.integers(2, 6, size=2))
    observations = [torch.from_numpy(rng.normal(size=d)).float() for _ in range(n)]
    return observations, torch.from_numpy(rng.normal(size=d)).float()


def check_batch(
    module: ModuleType, observations: list[torch.Tensor], weights: torch.Tensor
) -> None:
    batch_values = get_function(module, "batch_values")
    n, d = len(observations), weights.shape[0]
    what = f"batch_values for {n} observations of shape ({d},)"
    w = weights.double().numpy()
    expected = np.array([float(np.dot(x.double().numpy(), w)) for x in observations])
    try:
        got = batch_values(observations, weights)
    except RuntimeError as error:
        raise CheckFailed(
            f"{what} raised RuntimeError: {error}. Read the sizes it names: which tensor "
            "has which shape, and which sizes should agree?"
        ) from None
    got = expect_tensor(got, what)
    as_columns = torch.stack(observations, dim=1) @ weights if n == d else None
    if (
        as_columns is not None
        and torch.allclose(got, as_columns)
        and not np.allclose(got.numpy(), expected, atol=1e-5)
    ):
        raise CheckFailed(
            f"{what}: expected {expected.round(4).tolist()}, got {got.tolist()}: with as many "
            "observations as numbers the broken code runs, but each observation is a column "
            "of the batch, so each entry mixes the observations"
        )
    expect_shape(got, (n,), what)
    expect_close(got, expected, what, atol=1e-5)


def check(module: ModuleType) -> None:
    wide = [torch.tensor([1.0, 0.0, 2.0]), torch.tensor([0.0, 1.0, 1.0])]  # n = 2, d = 3
    check_batch(module, wide, torch.tensor([0.5, -1.0, 2.0]))
    square = [torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0])]  # n = d = 2
    check_batch(module, square, torch.tensor([1.0, -1.0]))
    for observations, weights in random_cases(46, 8, random_batch):
        check_batch(module, observations, weights)
