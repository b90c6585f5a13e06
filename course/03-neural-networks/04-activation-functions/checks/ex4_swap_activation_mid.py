"""Check for exercise 4: random nested networks, their activations replaced; the count,
what is left, the weights kept, and the outputs against a network built with the new
activation from the start."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import numpy as np
import torch
from torch import nn

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_true,
    get_function,
    random_cases,
)

Case = tuple[list[int], int]  # how many blocks each branch has, seed


class Nested(nn.Module):
    """A network whose activations sit at several depths: a top-level one, Sequentials
    inside a Sequential, and a ModuleList of blocks."""

    def __init__(self, blocks: list[int], activation: Callable[[], nn.Module]) -> None:
        super().__init__()
        self.stem = nn.Sequential(nn.Linear(3, 6), activation())
        self.branches = nn.ModuleList(
            nn.Sequential(*[nn.Sequential(nn.Linear(6, 6), activation()) for _ in range(n)])
            for n in blocks
        )
        self.act = activation()
        self.head = nn.Linear(6, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.stem(x)
        for branch in self.branches:
            h = h + branch(h)
        return self.head(self.act(h))


def random_case(rng: np.random.Generator) -> Case:
    blocks = [int(v) for v in rng.integers(1, 4, size=int(rng.integers(1, 4)))]
    return blocks, int(rng.integers(1_000_000))


def count(model: nn.Module, kind: type[nn.Module]) -> int:
    return sum(isinstance(m, kind) for m in model.modules())


def check_case(module: ModuleType, case: Case) -> None:
    blocks, seed = case
    replace_activation = get_function(module, "replace_activation")
    torch.manual_seed(seed)
    model = Nested(blocks, nn.Tanh)
    torch.manual_seed(seed)
    reference = Nested(blocks, nn.ReLU)  # the same weights: activations draw no numbers
    parameters = [id(p) for p in model.parameters()]
    tanh_layers = count(model, nn.Tanh)
    what = f"replace_activation(Tanh -> ReLU) on a network with {tanh_layers} Tanh layers"
    try:
        got = replace_activation(model, nn.Tanh, nn.ReLU)
    except TypeError as error:
        raise CheckFailed(
            f"{what} raised TypeError: {error}: new is a class; call it, new(), to make a module"
        ) from None
    left = count(model, nn.Tanh)
    if left:
        raise CheckFailed(
            f"{what}: {left} Tanh layers are left inside nested containers: recurse into "
            "each child that is not itself an activation"
        )
    expect_equal(count(model, nn.ReLU), tanh_layers, f"{what}: the ReLU layers afterwards")
    if got != tanh_layers:
        raise CheckFailed(
            f"{what}: returned {got}, but {tanh_layers} were replaced: add up the counts of the "
            "nested calls too"
        )
    expect_true(
        [id(p) for p in model.parameters()] == parameters,
        f"{what}: the parameters are not the same tensors as before: keep the Linear layers "
        "(an optimizer holds them)",
    )
    x = torch.randn(7, 3)
    with torch.no_grad():
        expect_close(model(x), reference(x), f"{what}: the outputs afterwards", atol=1e-6)


def check(module: ModuleType) -> None:
    for case in [([2, 1], 0), *random_cases(44, 6, random_case)]:
        check_case(module, case)
