"""Check for exercise 1: shapes, dtypes and labels of the learner's classes on random
sizes, their means and spreads on large samples, and that the seed alone decides them."""

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

Case = tuple[int, int, np.ndarray, np.ndarray, float, float]


def random_case(rng: np.random.Generator) -> Case:
    d = int(rng.integers(1, 4))
    return (
        int(rng.integers(2000, 4000)),
        int(rng.integers(2000, 4000)),
        rng.uniform(-3, 3, d),
        rng.uniform(-3, 3, d),
        float(rng.uniform(0.3, 1.0)),
        float(rng.uniform(1.5, 2.5)),
    )


def call(module: ModuleType, case: Case, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    make_classes = get_function(module, "make_classes")
    n0, n1, mean0, mean1, std0, std1 = case
    what = f"make_classes({n0}, {n1}, mean0, mean1, {std0:.2f}, {std1:.2f}, seed={seed})"
    answer = expect_type(
        make_classes(
            n0, n1, torch.tensor(mean0).float(), torch.tensor(mean1).float(), std0, std1, seed
        ),
        tuple,
        what,
    )
    if len(answer) != 2:
        raise CheckFailed(f"{what}: expected (x, y)")
    return expect_tensor(answer[0], f"{what}, x"), expect_tensor(answer[1], f"{what}, y")


def check_case(module: ModuleType, case: Case) -> None:
    n0, n1, mean0, mean1, std0, std1 = case
    x, y = call(module, case, 0)
    what = f"make_classes with n0={n0}, n1={n1}, d={len(mean0)}"
    expect_shape(x, (n0 + n1, len(mean0)), f"{what}, x")
    expect_shape(y, (n0 + n1,), f"{what}, y (one label per row, not a column)")
    if not y.is_floating_point():
        raise CheckFailed(f"{what}: y has dtype {y.dtype}; the BCE loss needs floats 0.0 and 1.0")
    expected_y = np.concatenate([np.zeros(n0), np.ones(n1)])
    if not np.array_equal(y.numpy(), expected_y):
        raise CheckFailed(
            f"{what}: y should be {n0} zeros then {n1} ones, got {int(y.sum())} ones "
            f"with y[0] = {y[0]:g}: class 0 comes first"
        )
    for label, rows, mean, std in [(0, x[:n0], mean0, std0), (1, x[n0:], mean1, std1)]:
        got_mean = rows.double().mean(0).numpy()
        if not np.allclose(got_mean, mean, atol=0.15):
            raise CheckFailed(
                f"{what}: class {label}'s points average {np.round(got_mean, 2)}, expected "
                f"about mean{label} = {np.round(mean, 2)}: add the mean to the noise"
            )
        got_std = float(rows.double().std(0).mean())
        if not np.isclose(got_std, std, rtol=0.1):
            raise CheckFailed(
                f"{what}: class {label}'s points spread with std {got_std:.2f}, expected "
                f"std{label} = {std:.2f}: multiply each class's noise by its own std"
            )


def check(module: ModuleType) -> None:
    cases = random_cases(61, 4, random_case)
    # Seeding first: unseeded draws would make the statistics below fail at random.
    expect_seeded(lambda seed: call(module, cases[0], seed)[0], "make_classes(..., seed)")
    for case in cases:
        check_case(module, case)
