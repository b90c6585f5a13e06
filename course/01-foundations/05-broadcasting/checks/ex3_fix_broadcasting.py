"""Check for exercise 3: the fixed functions on the shapes that broke them (a RuntimeError,
and a silent (b, b) result) and on square ones, where a wrong fix still runs."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_tensor,
    get_function,
    random_cases,
)


def random_scores(rng: np.random.Generator) -> torch.Tensor:
    m, n = (int(size) for size in rng.integers(2, 6, size=2))
    return torch.from_numpy(rng.uniform(0.1, 5.0, size=(m, n)))


def check_rows(module: ModuleType, scores: torch.Tensor) -> None:
    row_probabilities = get_function(module, "row_probabilities")
    m, n = scores.shape
    what = f"row_probabilities(scores) for scores of shape ({m}, {n})"
    try:
        answer = row_probabilities(scores.clone())
    except RuntimeError as error:
        raise CheckFailed(
            f"{what} still raises: {error}. Tensor a is scores, tensor b the sums; line their "
            "shapes up from the right to see which sizes meet"
        ) from None
    got = expect_tensor(answer, what)
    values = scores.numpy()
    expected = values / values.sum(axis=1, keepdims=True)
    if tuple(got.shape) == (m, n) and np.allclose(got.numpy(), values / values.sum(axis=0)):
        raise CheckFailed(
            f"{what}: every column sums to 1, not every row: the sums must run along "
            "dim=1 and stay a column (keepdim=True)"
        )
    expect_close(got, expected, what)


def random_td(rng: np.random.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    b = int(rng.integers(2, 7))
    return torch.from_numpy(rng.normal(size=(b, 1))), torch.from_numpy(rng.normal(size=b))


def check_td(module: ModuleType, q_values: torch.Tensor, targets: torch.Tensor) -> None:
    td_errors = get_function(module, "td_errors")
    b = targets.shape[0]
    what = f"td_errors(q_values, targets) for shapes ({b}, 1) and ({b},)"
    got = expect_tensor(td_errors(q_values.clone(), targets.clone()), what)
    if tuple(got.shape) == (b, b):
        raise CheckFailed(
            f"{what}: expected shape ({b},), got ({b}, {b}): ({b},) - ({b}, 1) broadcasts to "
            "every target minus every q value; no error warns you"
        )
    if tuple(got.shape) != (b,):
        raise CheckFailed(
            f"{what}: expected shape ({b},), got {tuple(got.shape)}: one error per pair, "
            "as a vector"
        )
    expected = targets.numpy() - q_values.numpy()[:, 0]
    if np.allclose(got.numpy(), -expected) and not np.allclose(expected, 0):
        raise CheckFailed(f"{what}: the signs are reversed: targets minus q values")
    expect_close(got, expected, what)


def check(module: ModuleType) -> None:
    check_rows(
        module,
        torch.tensor([[2.0, 10.0, 0.5], [4.0, 30.0, 1.5], [6.0, 20.0, 1.0], [8.0, 40.0, 2.0]]),
    )
    check_rows(module, torch.tensor([[1.0, 3.0], [2.0, 2.0]]))  # square: a wrong fix runs
    for scores in random_cases(31, 4, random_scores):
        check_rows(module, scores)
    check_td(module, torch.tensor([[1.0], [2.0], [3.0], [4.0]]), torch.tensor([1.0, 2.0, 3.0, 5.0]))
    for q_values, targets in random_cases(32, 4, random_td):
        check_td(module, q_values, targets)
