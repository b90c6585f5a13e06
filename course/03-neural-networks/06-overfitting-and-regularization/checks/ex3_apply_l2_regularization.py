"""Check for exercise 3: the penalty's value and its gradient 2 w, against references computed
here on random networks; the regularised loss's value and gradient."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch
from torch import nn

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_shape,
    expect_tensor,
    get_function,
    random_cases,
)
from rlcourse.networks import mlp


def random_case(rng: np.random.Generator) -> tuple[int, list[int], float]:
    depth = int(rng.integers(1, 4))
    return (
        int(rng.integers(0, 10_000)),
        [int(w) for w in rng.integers(2, 9, size=depth)],
        float(rng.choice([0.01, 0.1, 0.5])),
    )


def squares(model: nn.Module, weights_only: bool) -> float:
    return sum(
        (p.detach().double() ** 2).sum().item()
        for name, p in model.named_parameters()
        if name.endswith("weight") or not weights_only
    )


def check_penalty(module: ModuleType, seed: int, hidden: list[int]) -> None:
    l2_penalty = get_function(module, "l2_penalty")
    torch.manual_seed(seed)
    model = mlp(3, hidden, 2)
    what = f"l2_penalty of mlp(3, {hidden}, 2)"
    value = l2_penalty(model)
    if not isinstance(value, torch.Tensor):
        raise CheckFailed(
            f"{what}: returned a {type(value).__name__}: keep it a tensor (no .item()) so that "
            "its gradient reaches the weights"
        )
    expect_shape(value, (), what)
    right = squares(model, weights_only=True)
    got = value.item()
    if abs(got - squares(model, weights_only=False)) < 1e-4 and abs(got - right) > 1e-4:
        raise CheckFailed(f"{what}: the biases were included; L2 here penalises the weights only")
    if abs(got - right**0.5) < 1e-4:
        raise CheckFailed(f"{what}: this is the norm; the penalty is the sum of the squares")
    count = sum(p.numel() for n, p in model.named_parameters() if n.endswith("weight"))
    if abs(got * count - right) < 1e-4:
        raise CheckFailed(f"{what}: this is the mean of the squares; the penalty is their sum")
    expect_close(got, right, what, atol=1e-4)
    if value.grad_fn is None:
        raise CheckFailed(
            f"{what}: the penalty is detached from the weights (no grad_fn): compute it from the "
            "parameters themselves, without .detach() or .data"
        )
    model.zero_grad()
    value.backward()
    for name, parameter in model.named_parameters():
        if name.endswith("weight"):
            grad = parameter.grad if parameter.grad is not None else torch.zeros_like(parameter)
            expect_close(grad, 2 * parameter.detach(), f"{what}: the gradient of {name} (2 w)")


def check_loss(module: ModuleType, seed: int, hidden: list[int], penalty: float) -> None:
    regularised_loss = get_function(module, "regularised_loss")
    torch.manual_seed(seed)
    model = mlp(2, hidden, 1)
    x, y = torch.randn(16, 2), torch.randint(0, 2, (16, 1)).float()
    what = f"regularised_loss(mlp(2, {hidden}, 1), {penalty})"
    loss_fn = regularised_loss(model, penalty)
    if not callable(loss_fn):
        raise CheckFailed(f"{what}: expected a function (logits, targets) -> loss")
    got = loss_fn(model(x), y)
    bce = nn.functional.binary_cross_entropy_with_logits(model(x), y).item()
    got = expect_tensor(got, what).detach().item()
    expect_close(got, bce + penalty * squares(model, weights_only=True), what, atol=1e-4)


def check(module: ModuleType) -> None:
    for seed, hidden, penalty in [(0, [4, 4], 0.1), *random_cases(38, 8, random_case)]:
        check_penalty(module, seed, hidden)
        check_loss(module, seed, hidden, penalty)
