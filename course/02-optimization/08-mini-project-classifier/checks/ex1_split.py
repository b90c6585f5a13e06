"""Check for exercise 1: sizes, that every row lands in exactly one set with its own
label, that the test set is a random sample (the data come sorted by label), and that
the seed alone decides the split."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_seeded,
    expect_shape,
    expect_tensor,
    expect_type,
    get_function,
    random_cases,
)

Case = tuple[np.ndarray, np.ndarray, float]


def random_case(rng: np.random.Generator) -> Case:
    n, d = int(rng.integers(200, 400)), int(rng.integers(1, 4))
    y = np.sort(rng.integers(0, 3, n))  # sorted: the first rows are all class 0
    x = np.concatenate([np.arange(n)[:, None], rng.normal(0, 1, (n, d - 1))], axis=1)
    return x, y, float(rng.choice([0.2, 0.25, 0.3]))  # column 0 names each row


def call(module: ModuleType, case: Case, seed: int) -> list[torch.Tensor]:
    split = get_function(module, "train_test_split")
    x, y, fraction = case
    what = f"train_test_split(x of shape {x.shape}, y, {fraction}, seed={seed})"
    answer = expect_type(
        split(torch.from_numpy(x).float(), torch.from_numpy(y), fraction, seed), tuple, what
    )
    if len(answer) != 4:
        raise CheckFailed(f"{what}: expected (x_train, y_train, x_test, y_test)")
    return [expect_tensor(part, what) for part in answer]


def check_case(module: ModuleType, case: Case) -> None:
    x, y, fraction = case
    n, d = x.shape
    x_train, y_train, x_test, y_test = call(module, case, 0)
    what = f"train_test_split with n={n}, test_fraction={fraction}"
    n_test = round(fraction * n)
    expect_shape(x_test, (n_test, d), f"{what}, x_test (round(test_fraction * n) rows)")
    expect_shape(y_test, (n_test,), f"{what}, y_test")
    if len(x_train) == n:
        raise CheckFailed(
            f"{what}: x_train has all {n} rows, so the test rows are trained on too: the "
            "training set is the rows not in the test set"
        )
    expect_shape(x_train, (n - n_test, d), f"{what}, x_train (the other rows)")
    expect_shape(y_train, (n - n_test,), f"{what}, y_train")
    rows = np.concatenate([x_train[:, 0].numpy(), x_test[:, 0].numpy()]).round().astype(int)
    if sorted(rows.tolist()) != list(range(n)):
        raise CheckFailed(f"{what}: some rows appear twice or not at all; split one permutation")
    labels = np.concatenate([y_train.numpy(), y_test.numpy()])
    if not np.array_equal(labels, y[rows]):
        raise CheckFailed(
            f"{what}: labels no longer match their rows: index x and y with the same "
            "permutation, not one permutation each"
        )
    if np.array_equal(np.sort(x_test[:, 0].numpy().round()), np.arange(n_test)):
        raise CheckFailed(
            f"{what}: the test set is the first {n_test} rows; data often come sorted (here "
            "by label), so shuffle before you split"
        )


def check(module: ModuleType) -> None:
    cases = random_cases(81, 4, random_case)
    for case in cases:
        check_case(module, case)
    expect_seeded(lambda seed: call(module, cases[0], seed)[2], "train_test_split(..., seed)")
