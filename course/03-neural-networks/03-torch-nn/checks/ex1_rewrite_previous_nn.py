"""Check for exercise 1: ReluNet's registered parameters and its logits against the
formula computed here from those parameters, on random sizes and batches."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch
from torch import nn

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_shape,
    expect_tensor,
    expect_true,
    get_function,
    random_cases,
)

Case = tuple[int, int, int, int]  # inputs d, hidden H, batch B, seed

EXPECTED_SHAPES = {  # name -> shape, for d inputs and H hidden units
    "hidden.weight": lambda d, h: (h, d),
    "hidden.bias": lambda d, h: (h,),
    "output.weight": lambda d, h: (1, h),
    "output.bias": lambda d, h: (1,),
}


def random_case(rng: np.random.Generator) -> Case:
    d, hidden, batch = (int(v) for v in rng.integers(2, 7, size=3))
    return d, hidden, batch + 2, int(rng.integers(1_000_000))


def check_parameters(net: nn.Module, d: int, hidden: int, what: str) -> None:
    shapes = {name: tuple(p.shape) for name, p in net.named_parameters()}
    expect_true(
        bool(shapes),
        f"{what} registers no parameters: build the nn.Linear layers in __init__ and assign "
        "them to self.hidden and self.output (layers made inside forward, or kept in a plain "
        "list, are not registered)",
    )
    for name, shape_of in EXPECTED_SHAPES.items():
        if name not in shapes:
            raise CheckFailed(
                f"{what} has no parameter {name} (it has {sorted(shapes)}): keep the names "
                "self.hidden and self.output, and keep the biases (nn.Linear's bias=True)"
            )
        expect_equal(shapes[name], shape_of(d, hidden), f"{what}: the shape of {name}")
    expect_equal(len(shapes), 4, f"{what}: the number of parameter tensors")


def expected_logits(net: nn.Module, x: torch.Tensor, activation: str) -> np.ndarray:
    params = {name: p.detach().double().numpy() for name, p in net.named_parameters()}
    a = x.double().numpy() @ params["hidden.weight"].T + params["hidden.bias"]
    h = {"relu": np.maximum(a, 0), "tanh": np.tanh(a)}[activation]
    return h @ params["output.weight"].T + params["output.bias"]


def check_case(module: ModuleType, case: Case) -> None:
    d, hidden, batch, seed = case
    relu_net = get_function(module, "ReluNet")
    what = f"ReluNet({d}, {hidden})"
    torch.manual_seed(seed)
    net = relu_net(d, hidden)
    expect_true(isinstance(net, nn.Module), f"{what} is not an nn.Module: subclass nn.Module")
    check_parameters(net, d, hidden, what)
    x = torch.randn(batch, d, generator=torch.Generator().manual_seed(seed))
    with torch.no_grad():
        z = expect_tensor(net(x), f"{what}(x)")
        again = expect_tensor(net(x), f"{what}(x), called again")
    expect_shape(z, (batch, 1), f"{what} on a batch of shape {(batch, d)}")
    expect_true(
        torch.equal(z, again),
        f"{what} gives different logits for the same x on two calls: forward must use the "
        "layers built once in __init__, not make new ones",
    )
    got = z.double().numpy()
    expected = expected_logits(net, x, "relu")
    if not np.allclose(got, expected, atol=1e-5):
        if np.allclose(got, expected_logits(net, x, "tanh"), atol=1e-5):
            raise CheckFailed(f"{what}: the hidden layer uses tanh, Part 3.2's; the task is ReLU")
        if (expected < 0).any() and np.allclose(got, np.maximum(expected, 0), atol=1e-5):
            raise CheckFailed(
                f"{what}: the logits are never negative: no activation after the last layer"
            )
        if not np.allclose(got, expected, atol=0.5):
            raise CheckFailed(
                f"{what}: the logits are not computed from self.hidden and self.output's "
                "weights: use the layers built in __init__"
            )
    expect_close(got, expected, f"{what}: the logits relu(x W1^T + b1) W2^T + b2", atol=1e-5)


def check(module: ModuleType) -> None:
    for case in [(2, 8, 4, 0), *random_cases(33, 8, random_case)]:
        check_case(module, case)
