"""Check for exercise 3: the norms against torch.autograd.grad computed here, on random
deep networks of several activations, called twice to catch gradients that add up."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch
from torch import nn

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_true,
    expect_type,
    get_function,
    random_cases,
)
from rlcourse.networks import mlp

Case = tuple[int, int, int, int]  # depth, width, activation index, seed
ACTIVATIONS = [nn.Sigmoid, nn.Tanh, nn.ReLU]


def random_case(rng: np.random.Generator) -> Case:
    depth, width = int(rng.integers(2, 7)), int(rng.integers(3, 9))
    return depth, width, int(rng.integers(3)), int(rng.integers(1_000_000))


def check_case(module: ModuleType, case: Case) -> None:
    depth, width, index, seed = case
    layer_gradient_norms = get_function(module, "layer_gradient_norms")
    torch.manual_seed(seed)
    model = mlp(3, [width] * depth, 1, ACTIVATIONS[index])
    x = torch.randn(20, 3)
    y = (torch.rand(20, 1) < 0.5).float()
    weights = [m.weight for m in model.modules() if isinstance(m, nn.Linear)]
    loss = nn.BCEWithLogitsLoss()(model(x), y)
    expected = [torch.linalg.vector_norm(g).item() for g in torch.autograd.grad(loss, weights)]
    what = f"layer_gradient_norms on mlp(3, {[width] * depth}, 1, {ACTIVATIONS[index].__name__})"
    got = expect_type(layer_gradient_norms(model, x, y), list, what)
    expect_true(
        all(isinstance(v, float) for v in got), f"{what}: return floats (.item()), not tensors"
    )
    if len(got) == 2 * len(expected):
        raise CheckFailed(
            f"{what}: {len(got)} norms for {len(expected)} Linear layers: the biases are "
            "included; read layer.weight.grad only"
        )
    expect_equal(len(got), len(expected), f"{what}: the number of norms (one per Linear layer)")
    values = np.array(got)
    if np.allclose(values, np.array(expected) ** 2, rtol=1e-4):
        raise CheckFailed(f"{what}: these are squared norms; take the square root (vector_norm)")
    if np.allclose(values, expected[::-1], rtol=1e-4) and not np.allclose(
        values, expected, rtol=1e-4
    ):
        raise CheckFailed(f"{what}: the norms are in reverse order; the input side comes first")
    expect_close(values, np.array(expected), what, atol=1e-8, rtol=1e-4)
    again = np.array(layer_gradient_norms(model, x, y))
    if np.allclose(again, 2 * np.array(expected), rtol=1e-4):
        raise CheckFailed(
            f"{what}, called a second time: the norms doubled; backward adds to .grad, so "
            "clear the gradients first (model.zero_grad())"
        )
    expect_close(again, np.array(expected), f"{what}, called a second time", atol=1e-8, rtol=1e-4)


def check(module: ModuleType) -> None:
    for case in [(4, 6, 0, 0), *random_cases(43, 6, random_case)]:
        check_case(module, case)
