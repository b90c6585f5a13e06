"""Check for exercise 3: every hand-written gradient against autograd's, computed here in
float64 on random ReLU networks and batches; autograd is forbidden in the learner's code."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch
import torch.nn.functional as F

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


def random_case(
    rng: np.random.Generator,
) -> tuple[dict[str, torch.Tensor], torch.Tensor, torch.Tensor]:
    d, hidden, batch = int(rng.integers(2, 5)), int(rng.integers(3, 7)), int(rng.integers(4, 9))
    shapes = {"W1": (d, hidden), "b1": (hidden,), "W2": (hidden, 1), "b2": (1,)}
    params = {name: torch.from_numpy(rng.normal(size=shape)) for name, shape in shapes.items()}
    x = torch.from_numpy(rng.normal(size=(batch, d)))
    y = torch.from_numpy(rng.integers(0, 2, size=(batch, 1)).astype(np.float64))
    return params, x, y


def autograd_reference(
    params: dict[str, torch.Tensor], x: torch.Tensor, y: torch.Tensor, mask: bool
) -> dict[str, torch.Tensor]:
    """Autograd's gradients; with mask=False, those of the network without ReLU's
    derivative (what a backward pass that forgets it computes)."""
    leaves = {name: p.clone().requires_grad_(True) for name, p in params.items()}
    a = x @ leaves["W1"] + leaves["b1"]
    h = torch.relu(a) if mask else a + (torch.relu(a) - a).detach()
    loss = F.binary_cross_entropy_with_logits(h @ leaves["W2"] + leaves["b2"], y)
    grads = torch.autograd.grad(loss, [leaves[name] for name in NAMES])
    return dict(zip(NAMES, grads, strict=True))


def check_case(
    module: ModuleType, params: dict[str, torch.Tensor], x: torch.Tensor, y: torch.Tensor
) -> None:
    backward_relu = get_function(module, "backward_relu")
    what = f"backward_relu on a batch {tuple(x.shape)} with H = {len(params['b1'])}"
    rules = "compute the gradients by hand"
    with forbidden(no_autograd(rules), module):
        got = expect_type(
            backward_relu({k: v.clone() for k, v in params.items()}, x, y), dict, what
        )
    expected = autograd_reference(params, x, y, mask=True)
    unmasked = autograd_reference(params, x, y, mask=False)
    for name in NAMES:
        if name not in got:
            raise CheckFailed(f"{what}: no gradient for {name}: return all of W1, b1, W2, b2")
        gradient = expect_tensor(got[name], f"{what}: the gradient of {name}")
        expect_shape(gradient, tuple(params[name].shape), f"{what}: the gradient of {name}")
        values, right = gradient.double(), expected[name]
        if torch.allclose(values, right, atol=1e-6):
            continue
        if torch.allclose(values, len(x) * right, atol=1e-6):
            raise CheckFailed(
                f"{what}: the gradient of {name} is B = {len(x)} times too large: the loss is a "
                "mean, so dL/dz = (sigmoid(z) - y) / B"
            )
        if name == "b1" and torch.allclose(values, right / len(x), atol=1e-6):
            raise CheckFailed(f"{what}: b1 is added to every row: sum dL/da over the batch")
        if name in ("W1", "b1") and not torch.allclose(right, unmasked[name], atol=1e-6):
            raise CheckFailed(
                f"{what}: the gradient of {name} is wrong: ReLU passes the gradient on only "
                "where a > 0 (multiply by (h > 0)), and 0 elsewhere"
            )
        expect_close(values, right, f"{what}: the gradient of {name}", atol=1e-6)


def check(module: ModuleType) -> None:
    for params, x, y in random_cases(96, 8, random_case):
        check_case(module, params, x, y)
