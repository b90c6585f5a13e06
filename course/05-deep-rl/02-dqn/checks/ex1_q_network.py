"""Check of exercise 1: layer sizes, a ReLU between layers and none after the last one,
output shape and dtype, parameter counts, every parameter used by forward()."""

from __future__ import annotations

from itertools import pairwise
from types import ModuleType

import numpy as np
import torch
from torch import nn

from coursetools.check_helpers import (
    CheckFailed,
    expect_dtype,
    expect_equal,
    expect_shape,
    expect_tensor,
    expect_true,
    expect_type,
    get_function,
    random_cases,
)

FIXED_CASES: list[tuple[int, int, list[int]]] = [(4, 2, [128, 128]), (4, 2, []), (6, 3, [16, 8, 4])]


def random_case(rng: np.random.Generator) -> tuple[int, int, list[int]]:
    depth = int(rng.integers(1, 4))
    sizes = [int(width) for width in rng.integers(3, 40, size=depth)]
    return int(rng.integers(2, 9)), int(rng.integers(2, 6)), sizes


def linear_shapes(
    observation_size: int, action_count: int, hidden: list[int]
) -> list[tuple[int, int]]:
    return list(pairwise([observation_size, *hidden, action_count]))


def expect_counts(module: ModuleType, network: nn.Module, case: tuple[int, int, list[int]]) -> None:
    observation_size, action_count, hidden = case
    shapes = linear_shapes(observation_size, action_count, hidden)
    parameters = sum(m * n + n for m, n in shapes)
    weights_only = sum(m * n for m, n in shapes)
    for name, got in (
        (f"count_parameters(FlexibleQNetwork{case})", module.count_parameters(network)),
        (f"expected_parameter_count{case}", module.expected_parameter_count(*case)),
    ):
        if got == weights_only:
            raise CheckFailed(
                f"{name}: got {got}, the weights alone; add the biases (a Linear(m, n) has "
                f"m*n + n parameters), {parameters} in all"
            )
        expect_equal(got, parameters, name)


def expect_nonlinear(network: nn.Module, call: str, observation_size: int) -> None:
    """A network with hidden layers is not affine: f((x + y) / 2) != (f(x) + f(y)) / 2."""
    x, y = torch.randn(256, observation_size) * 2, torch.randn(256, observation_size) * 2
    with torch.no_grad():
        gap = (network((x + y) / 2) - (network(x) + network(y)) / 2).abs().max()
    expect_true(
        float(gap) > 1e-4,
        f"{call} is a linear function of its input: put a ReLU after each hidden Linear layer",
    )


def randomise(network: nn.Module) -> None:
    """New random weights, so that a network initialised otherwise (a zero output layer,
    say) is tested on what it computes, not on its starting values."""
    with torch.no_grad():
        for parameter in network.parameters():
            parameter.normal_(0.0, 0.5)


def check(module: ModuleType) -> None:
    network_class = get_function(module, "FlexibleQNetwork")
    get_function(module, "count_parameters")
    get_function(module, "expected_parameter_count")
    torch.manual_seed(0)

    for case in FIXED_CASES + random_cases(52, 4, random_case):
        observation_size, action_count, hidden = case
        call = f"FlexibleQNetwork({observation_size}, {action_count}, {hidden})"
        network = expect_type(
            network_class(observation_size, action_count, hidden), nn.Module, call
        )
        shapes = [
            (m.in_features, m.out_features) for m in network.modules() if isinstance(m, nn.Linear)
        ]
        expect_equal(
            shapes,
            linear_shapes(observation_size, action_count, hidden),
            f"{call}: the (in, out) sizes of its Linear layers",
        )
        randomise(network)
        q_values = expect_tensor(network(torch.randn(64, observation_size)), f"{call} output")
        expect_shape(q_values, (64, action_count), f"{call} on a batch of 64 states")
        expect_dtype(q_values, torch.float32, f"{call} output")
        expect_true(
            bool((q_values < 0).any()),
            f"{call} gave no negative Q-value on 64 random states: the output layer must "
            "have no ReLU, since Q-values can be negative",
        )
        if hidden:
            expect_nonlinear(network, call, observation_size)
        expect_counts(module, network, case)

        q_values.sum().backward()
        for name, parameter in network.named_parameters():
            gradient = parameter.grad
            if gradient is None or float(gradient.abs().sum()) == 0.0:
                raise CheckFailed(
                    f"{call}: with random weights, no gradient reached `{name}` after "
                    "backward(); is every layer used in forward()?"
                )

    frozen = nn.Linear(3, 2)
    frozen.weight.requires_grad_(False)
    expect_equal(
        module.count_parameters(frozen),
        2,
        "count_parameters(Linear(3, 2) with its weight frozen): count trainable "
        "parameters only (requires_grad)",
    )
