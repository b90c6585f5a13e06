"""Check for exercise 3: the dot product by hand against NumPy in float64 (with the library's
products made to raise), a ValueError for different lengths, and one score per state."""

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
    forbidden,
    get_function,
    random_cases,
)

PRODUCTS = {
    name: "dot_by_hand multiplies the pairs itself, in a loop"
    for name in ("torch.dot", "torch.matmul", "torch.inner", "torch.vdot", "numpy.dot")
}


def random_pair(rng: np.random.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    n = int(rng.integers(1, 10))
    return torch.from_numpy(rng.normal(size=n)), torch.from_numpy(rng.normal(size=n))


def check_dot(module: ModuleType, a: torch.Tensor, b: torch.Tensor) -> None:
    dot_by_hand = get_function(module, "dot_by_hand")
    what = f"dot_by_hand(a, b) for a = {a.tolist()}, b = {b.tolist()}"
    with forbidden(PRODUCTS, module):
        got = dot_by_hand(a, b)
    if isinstance(got, torch.Tensor) and got.ndim > 0:
        raise CheckFailed(
            f"{what}: expected one number, got a tensor of shape {tuple(got.shape)}: the "
            "products a_i b_i still have to be added up"
        )
    value = expect_type(got, float, what)
    expected = float(np.sum(a.numpy() * b.numpy()))
    if a.shape[0] > 1 and np.isclose(value, expected - float(a[0] * b[0])):
        raise CheckFailed(f"{what}: expected {expected:.6g}, got {value:.6g}: a_0 b_0 is missing")
    expect_close(value, expected, what)


def check_lengths(module: ModuleType) -> None:
    dot_by_hand = get_function(module, "dot_by_hand")
    what = "dot_by_hand for vectors of lengths 3 and 2"
    try:
        got = dot_by_hand(torch.tensor([1.0, 2.0, 3.0]), torch.tensor([4.0, 5.0]))
    except ValueError as error:
        if "3" not in str(error) or "2" not in str(error):
            raise CheckFailed(
                f"{what}: the message should give both lengths, got {error}"
            ) from None
        return
    except Exception as error:
        raise CheckFailed(
            f"{what}: expected a ValueError, got {type(error).__name__}: {error}"
        ) from None
    raise CheckFailed(
        f"{what}: expected a ValueError, got {got!r}: a loop over the shorter vector (or zip) "
        "silently drops the entries that have no partner"
    )


def random_states(rng: np.random.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    k, d = (int(size) for size in rng.integers(1, 6, size=2))
    return torch.from_numpy(rng.normal(size=d)), torch.from_numpy(rng.normal(size=(k, d)))


def check_scores(module: ModuleType, weights: torch.Tensor, features: torch.Tensor) -> None:
    scores = get_function(module, "scores")
    k, d = features.shape
    what = f"scores(weights, features) for {k} states of {d} features"
    got = expect_tensor(scores(weights, features), what)
    if got.ndim == 0:
        raise CheckFailed(
            f"{what}: expected shape ({k},), got one number: the sum ran over the states "
            "too; sum each row (dim=1)"
        )
    expected = features.numpy() @ weights.numpy()
    if tuple(got.shape) == (d,) and d != k:
        raise CheckFailed(
            f"{what}: expected shape ({k},), got ({d},), one score per feature instead of one "
            "per state: sum along each row (dim=1)"
        )
    expect_shape(got, (k,), what)
    down_columns = (features * weights).sum(dim=0).numpy()  # shape (d,)
    if k == d and not np.allclose(expected, down_columns) and np.allclose(got, down_columns):
        raise CheckFailed(
            f"{what}: the sums ran down the columns (dim=0), over the states; a state's "
            "score sums its own row (dim=1)"
        )
    expect_close(got, expected, what)


def check(module: ModuleType) -> None:
    check_dot(module, torch.tensor([1.0, 2.0]), torch.tensor([3.0, -1.0]))
    for a, b in random_cases(31, 6, random_pair):
        check_dot(module, a, b)
    check_lengths(module)
    weights = torch.tensor([0.5, -1.0, 2.0])
    check_scores(module, weights, torch.tensor([[1.0, 2.0, 3.0], [0.0, 1.0, 0.0]]))
    check_scores(module, weights, torch.arange(9.0).reshape(3, 3))
    for weights, features in random_cases(32, 5, random_states):
        check_scores(module, weights, features)
