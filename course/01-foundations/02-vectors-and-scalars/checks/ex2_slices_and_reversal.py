"""Check for exercise 2: the last k entries (k = 0 included) and a reversal by index vector,
on fixed and random vectors, with torch.flip and its relatives made to raise."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_array_equal,
    expect_tensor,
    forbidden_torch,
    get_function,
    random_cases,
)

FLIPS: set[Callable[..., Any]] = {torch.flip, torch.Tensor.flip, torch.fliplr, torch.flipud}
NO_FLIPS = (
    "your code called {name}, which this task forbids: build the reversed indices with "
    "torch.arange and index x with them"
)


def random_vector(rng: np.random.Generator) -> torch.Tensor:
    return torch.from_numpy(rng.normal(size=int(rng.integers(1, 10)))).float()


def check_last_k(module: ModuleType) -> None:
    last_k = get_function(module, "last_k")
    vectors = [torch.tensor([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])]
    vectors += random_cases(31, 4, random_vector)
    for x in vectors:
        n = x.shape[0]
        for k in sorted({n, n // 2, 1, 0}):
            what = f"last_k(x, {k}) for x of shape ({n},)"
            got = expect_tensor(last_k(x, k), what)
            if k == 0 and got.shape[0] == n:
                raise CheckFailed(
                    f"{what}: expected an empty vector, got all {n} entries: x[-0:] is "
                    "x[0:], because -0 is 0; slice from n - k"
                )
            expect_array_equal(got, x.numpy()[n - k :], what)


def check_reverse(module: ModuleType) -> None:
    reverse = get_function(module, "reverse")
    vectors = [torch.tensor([2.0, 4.0, 7.0]), torch.tensor([5.0])]
    vectors += random_cases(32, 4, random_vector)
    for x in vectors:
        n = x.shape[0]
        what = f"reverse(x) for x = {[round(v, 3) for v in x.tolist()]}"
        with forbidden_torch(FLIPS, NO_FLIPS):
            got = expect_tensor(reverse(x), what)
        expected = x.numpy()[::-1].copy()
        if got.shape[0] == n - 1 and n > 1:
            raise CheckFailed(
                f"{what}: expected {n} entries, got {n - 1}: torch.arange leaves its stop "
                "out, so the indices down to 0 need the stop -1"
            )
        expect_array_equal(got, expected, what)


def check(module: ModuleType) -> None:
    check_last_k(module)
    check_reverse(module)
