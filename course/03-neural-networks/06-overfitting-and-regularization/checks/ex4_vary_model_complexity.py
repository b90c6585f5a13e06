"""Check for exercise 4: parameter counts and accuracies against values computed here, on
random networks and data; the sweep against a reference trained here with the same seeds."""

from __future__ import annotations

from itertools import pairwise
from types import ModuleType

import numpy as np
import torch
from torch import nn

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_type,
    get_function,
    random_cases,
)
from rlcourse.networks import mlp
from rlcourse.training import fit


def random_case(rng: np.random.Generator) -> tuple[int, list[int]]:
    return int(rng.integers(0, 10_000)), [
        int(w) for w in rng.integers(1, 9, size=int(rng.integers(1, 4)))
    ]


def check_count(module: ModuleType, hidden: list[int]) -> None:
    count_parameters = get_function(module, "count_parameters")
    model = mlp(3, hidden, 2)
    what = f"count_parameters(mlp(3, {hidden}, 2))"
    got = count_parameters(model)
    sizes = [3, *hidden, 2]
    weights = sum(a * b for a, b in pairwise(sizes))
    if got == weights:
        raise CheckFailed(f"{what}: {got} counts the weights only; the biases are learned too")
    expect_equal(got, weights + sum(sizes[1:]), what)


def check_accuracy(module: ModuleType, seed: int) -> None:
    accuracy = get_function(module, "accuracy")
    torch.manual_seed(seed)
    model = mlp(2, [4], 1)
    output_layer = model[-1]
    if isinstance(output_layer, nn.Linear):  # narrows Module to Linear for the type checker
        nn.init.constant_(output_layer.bias, 0.3)  # logits near 0.3: thresholds 0 and 0.5 differ
    x, y = torch.randn(64, 2), torch.randint(0, 2, (64, 1)).float()
    with torch.no_grad():
        logits = model(x)
    right = ((logits > 0).float() == y).float().mean().item()
    wrong = ((logits > 0.5).float() == y).float().mean().item()
    got = float(accuracy(model, x, y))
    what = f"accuracy of a random network on 64 points (seed {seed})"
    if abs(got - wrong) < 1e-9 and abs(right - wrong) > 1e-9:
        raise CheckFailed(
            f"{what}: you thresholded the logit at 0.5; a logit of 0 is the "
            "probability 0.5, so predict 1.0 where the logit is above 0"
        )
    expect_close(got, right, what, atol=1e-9)


def reference_sweep(
    widths: list[int], data: tuple[torch.Tensor, ...], epochs: int, seed: int, seed_each: bool
) -> list[tuple[int, float, float]]:
    x, y, x_test, y_test = data
    rows = []
    torch.manual_seed(seed)
    for width in widths:
        if seed_each:
            torch.manual_seed(seed)
        model = mlp(2, [width, width], 1)
        fit(
            model,
            nn.BCEWithLogitsLoss(),
            torch.optim.Adam(model.parameters(), lr=0.05),
            x,
            y,
            epochs,
        )
        with torch.no_grad():
            train, test = model(x) > 0, model(x_test) > 0
        rows.append(
            (
                sum(p.numel() for p in model.parameters()),
                (train.float() == y).float().mean().item(),
                (test.float() == y_test).float().mean().item(),
            )
        )
    return rows


def check_sweep(module: ModuleType) -> None:
    complexity_sweep = get_function(module, "complexity_sweep")
    generator = torch.Generator().manual_seed(5)
    x, x_test = torch.randn(30, 2, generator=generator), torch.randn(200, 2, generator=generator)
    label = lambda points: (points[:, :1] * points[:, 1:] > 0).float()  # noqa: E731
    data = (x, label(x), x_test, label(x_test))
    widths, epochs, seed = [1, 3, 16], 40, 4
    what = f"complexity_sweep({widths}, ..., epochs={epochs}, lr=0.05, seed={seed})"
    got = expect_type(complexity_sweep(widths, data, epochs, 0.05, seed), list, what)
    expect_equal(len(got), len(widths), f"{what}: the number of rows (one per width)")
    right = reference_sweep(widths, data, epochs, seed, seed_each=True)
    once = reference_sweep(widths, data, epochs, seed, seed_each=False)
    values = np.array([[float(v) for v in row] for row in got])
    if not np.allclose(values, right, atol=1e-6) and np.allclose(values, once, atol=1e-6):
        raise CheckFailed(
            f"{what}: you seeded once before the loop; seed before each network, so "
            "that every width starts from the same draw and the sweep is reproducible"
        )
    expect_close(
        values, np.array(right), f"{what}: the rows (parameters, train, test accuracy)", atol=1e-6
    )


def check(module: ModuleType) -> None:
    for seed, hidden in [(0, [5, 5]), *random_cases(39, 6, random_case)]:
        check_count(module, hidden)
        check_accuracy(module, seed)
    check_sweep(module)
