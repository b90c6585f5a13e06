"""Check for exercise 1: every hand-made gradient against autograd's, computed here in float64
on random networks (d, H and K vary) and examples; autograd is forbidden in the learner's code."""

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
    no_autograd,
    random_cases,
)

NAMES = ("W1", "b1", "W2", "b2")
Case = tuple[dict[str, torch.Tensor], torch.Tensor, torch.Tensor]


def random_case(rng: np.random.Generator) -> Case:
    d, hidden, outputs = (int(n) for n in rng.choice(np.arange(2, 7), size=3, replace=False))
    shapes = {"W1": (hidden, d), "b1": (hidden,), "W2": (outputs, hidden), "b2": (outputs,)}
    params = {name: torch.from_numpy(rng.normal(size=shape)) for name, shape in shapes.items()}
    return params, torch.from_numpy(rng.normal(size=d)), torch.from_numpy(rng.normal(size=outputs))


def reference(
    params: dict[str, torch.Tensor], x: torch.Tensor, y: torch.Tensor
) -> dict[str, torch.Tensor]:
    leaves = {name: p.clone().requires_grad_(True) for name, p in params.items()}
    h = torch.tanh(leaves["W1"] @ x + leaves["b1"])
    loss = ((leaves["W2"] @ h + leaves["b2"] - y) ** 2).sum()
    return dict(zip(NAMES, torch.autograd.grad(loss, [leaves[n] for n in NAMES]), strict=True))


def diagnose(name: str, got: torch.Tensor, right: torch.Tensor, h: torch.Tensor, what: str) -> None:
    """Name the usual mistakes before the generic comparison."""
    if got.ndim == 2 and got.shape == right.shape[::-1] and got.shape != right.shape:
        raise CheckFailed(
            f"{what}: the gradient of {name} has shape {tuple(got.shape)}, the transpose of the "
            f"parameter's {tuple(right.shape)}: dL/dW[j, k] = (gradient at output j) * (input k), "
            "so the outer product takes the gradient first: torch.outer(g_out, input)"
        )
    expect_shape(got, tuple(right.shape), f"{what}: the gradient of {name}")
    if torch.allclose(got, right / 2, atol=1e-8) and right.abs().max() > 1e-6:
        raise CheckFailed(
            f"{what}: the gradient of {name} is half of what it should be: the derivative of "
            "(y_hat - y)^2 is 2 (y_hat - y)"
        )
    if name in ("W1", "b1"):
        tanh_factor = (1 - h**2) if name == "b1" else (1 - h**2)[:, None]
        sigmoid_factor = (h * (1 - h)) if name == "b1" else (h * (1 - h))[:, None]
        if torch.allclose(got, right / tanh_factor * sigmoid_factor, atol=1e-8):
            raise CheckFailed(
                f"{what}: the gradient of {name} uses sigmoid's derivative h (1 - h); this network "
                "uses tanh, whose derivative is 1 - h^2"
            )


def check(module: ModuleType) -> None:
    backward = get_function(module, "backward")
    cases = random_cases(35, 12, random_case)
    for params, x, y in cases:
        d, hidden, outputs = len(x), len(params["b1"]), len(y)
        what = f"backward with d = {d}, H = {hidden}, K = {outputs}"
        with forbidden(no_autograd("compute the gradients by hand, node by node"), module):
            got = expect_type(backward({k: v.clone() for k, v in params.items()}, x, y), dict, what)
        expected = reference(params, x, y)
        h = torch.tanh(params["W1"] @ x + params["b1"])
        for name in NAMES:
            if name not in got:
                raise CheckFailed(f"{what}: no gradient for {name}: return all of W1, b1, W2, b2")
            gradient = expect_tensor(got[name], f"{what}: the gradient of {name}").double()
            diagnose(name, gradient, expected[name], h, what)
            expect_close(gradient, expected[name], f"{what}: the gradient of {name}", atol=1e-8)
