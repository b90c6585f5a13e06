"""Check for exercise 2: autograd_gradients against gradients computed here with
torch.autograd.grad, on random models with and without a frozen layer, called twice; and
largest_difference on random dictionaries whose largest difference is negative or sits in a
later parameter."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch
from torch import nn

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_tensor,
    expect_type,
    get_function,
    random_cases,
)
from rlcourse.networks import mlp

Case = tuple[int, int, bool]  # seed, hidden width, freeze the first layer


def random_case(rng: np.random.Generator) -> Case:
    return int(rng.integers(0, 10_000)), int(rng.integers(2, 6)), bool(rng.integers(0, 2))


def reference(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> dict[str, torch.Tensor]:
    named = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    loss = nn.functional.mse_loss(model(x), y)
    grads = torch.autograd.grad(loss, [p for _, p in named])
    return {name: g for (name, _), g in zip(named, grads, strict=True)}


def check_gradients(module: ModuleType, case: Case) -> None:
    autograd_gradients = get_function(module, "autograd_gradients")
    seed, hidden, freeze = case
    torch.manual_seed(seed)
    model = mlp(3, [hidden, hidden], 2, activation=nn.Tanh)
    if freeze:
        model[0].requires_grad_(False)
    x, y = torch.randn(5, 3), torch.randn(5, 2)
    what = f"autograd_gradients on mlp(3, [{hidden}, {hidden}], 2)" + (
        " with layer 0 frozen" if freeze else ""
    )
    expected = reference(model, x, y)
    for call in ("first", "second"):
        got = expect_type(
            autograd_gradients(model, nn.functional.mse_loss, x, y), dict, f"{what} ({call} call)"
        )
        if freeze and "0.weight" in got:
            raise CheckFailed(
                f"{what}: you returned a gradient for 0.weight, which is frozen: its .grad is "
                "None; leave it out (a 0 would claim a gradient of 0 reached it)"
            )
        expect_equal(sorted(got), sorted(expected), f"{what}: the parameter names")
        for name, right in expected.items():
            gradient = expect_tensor(got[name], f"{what}: the gradient of {name}")
            if call == "second" and torch.allclose(gradient, 2 * right, atol=1e-6):
                raise CheckFailed(
                    f"{what}: the second call returned twice the gradient of {name}: .grad adds "
                    "up over backward calls; zero it first (model.zero_grad())"
                )
            expect_close(gradient, right, f"{what} ({call} call): the gradient of {name}")


def check_difference(module: ModuleType, rng: np.random.Generator) -> None:
    largest_difference = get_function(module, "largest_difference")
    shapes = {"0.weight": (3, 2), "0.bias": (3,), "2.weight": (1, 3)}
    a = {name: torch.from_numpy(rng.normal(size=shape)) for name, shape in shapes.items()}
    b = {
        name: value + 1e-3 * torch.from_numpy(rng.normal(size=value.shape))
        for name, value in a.items()
    }
    b["2.weight"][0, int(rng.integers(0, 3))] += 0.5 * (1 if rng.integers(0, 2) else -1)
    expected = max((a[n] - b[n]).abs().max().item() for n in a)
    got = largest_difference(a, b)
    if isinstance(got, torch.Tensor):
        got = expect_tensor(got, "largest_difference").item()
    signed = max((a[n] - b[n]).max().item() for n in a)
    if abs(got - signed) < 1e-12 and abs(signed - expected) > 1e-9:
        raise CheckFailed(
            f"largest_difference: got {got:.6g}, the largest signed difference; expected "
            f"{expected:.6g}: take .abs() before .max(), a difference of -0.5 is as large as 0.5"
        )
    expect_close(got, expected, "largest_difference over all parameters", atol=1e-12)


def check(module: ModuleType) -> None:
    for case in [(0, 4, True), (1, 3, False), *random_cases(52, 6, random_case)]:
        check_gradients(module, case)
    rng = np.random.default_rng(7)
    for _ in range(8):
        check_difference(module, rng)
