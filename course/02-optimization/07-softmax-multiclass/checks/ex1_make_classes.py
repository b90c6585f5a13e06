"""Check for exercise 1: shapes, dtype and order of the labels on random sizes, the means
and spreads of each class on large samples, and that the seed alone decides the points."""

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

Case = tuple[int, np.ndarray, float]  # n_per_class, centres (k, d), std


def random_case(rng: np.random.Generator) -> Case:
    k, d = int(rng.integers(2, 6)), int(rng.integers(1, 4))
    std = float(rng.choice([rng.uniform(0.3, 0.7), rng.uniform(1.5, 2.5)]))  # std^2 != std
    return int(rng.integers(2000, 3000)), rng.uniform(-4, 4, (k, d)), std


def call(module: ModuleType, case: Case, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    make_classes = get_function(module, "make_classes")
    n, centres, std = case
    what = f"make_classes({n}, centres of shape {centres.shape}, {std:.2f}, seed={seed})"
    answer = expect_type(make_classes(n, torch.from_numpy(centres).float(), std, seed), tuple, what)
    if len(answer) != 2:
        raise CheckFailed(f"{what}: expected (x, y)")
    return expect_tensor(answer[0], f"{what}, x"), expect_tensor(answer[1], f"{what}, y")


def check_case(module: ModuleType, case: Case) -> None:
    n, centres, std = case
    k, d = centres.shape
    x, y = call(module, case, 0)
    what = f"make_classes with n_per_class={n}, k={k} classes, d={d}"
    expect_shape(x, (k * n, d), f"{what}, x")
    expect_shape(y, (k * n,), f"{what}, y (one label per row)")
    if y.dtype != torch.int64:
        raise CheckFailed(
            f"{what}: y has dtype {y.dtype}; nn.CrossEntropyLoss needs int64 class indices "
            "(torch.arange gives them)"
        )
    expected_y = np.repeat(np.arange(k), n)
    if not np.array_equal(y.numpy(), expected_y):
        raise CheckFailed(
            f"{what}: y should be {n} zeros, then {n} ones, and so on, got y[:6] = "
            f"{y[:6].tolist()}: repeat_interleave keeps each class's labels together, "
            "repeat cycles through the classes"
        )
    for label in range(k):
        rows = x[y == label].double()
        got_mean = rows.mean(0).numpy()
        if not np.allclose(got_mean, centres[label], atol=0.2):
            raise CheckFailed(
                f"{what}: the points labelled {label} average {np.round(got_mean, 2)}, expected "
                f"about centres[{label}] = {np.round(centres[label], 2)}: add each class's "
                "centre to its noise, in the order of the labels"
            )
        got_std = float(rows.std(0).mean())
        if not np.isclose(got_std, std, rtol=0.1):
            raise CheckFailed(
                f"{what}: class {label}'s points spread with std {got_std:.2f}, expected "
                f"{std:.2f}: multiply the noise by std (not by the variance std**2)"
            )


def check(module: ModuleType) -> None:
    cases = random_cases(71, 4, random_case)
    # Seeding first: unseeded draws would make the statistics below fail at random.
    expect_seeded(lambda seed: call(module, cases[0], seed)[0], "make_classes(..., seed)")
    for case in cases:
        check_case(module, case)
