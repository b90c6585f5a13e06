"""Check of exercise 1: layer sizes, output shape and dtype, parameter count, gradient flow."""

from __future__ import annotations

from itertools import pairwise
from types import ModuleType

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
)

CASES: list[tuple[int, int, list[int]]] = [(4, 2, [128, 128]), (4, 2, []), (6, 3, [16, 8, 4])]


def linear_shapes(
    observation_size: int, action_count: int, hidden: list[int]
) -> list[tuple[int, int]]:
    widths = [observation_size, *hidden, action_count]
    return list(pairwise(widths))


def check(module: ModuleType) -> None:
    network_class = get_function(module, "FlexibleQNetwork")
    count_parameters = get_function(module, "count_parameters")
    expected_parameter_count = get_function(module, "expected_parameter_count")
    torch.manual_seed(0)

    for observation_size, action_count, hidden in CASES:
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

        q_values = expect_tensor(network(torch.randn(64, observation_size)), f"{call} output")
        expect_shape(q_values, (64, action_count), f"{call} on a batch of 64 states")
        expect_dtype(q_values, torch.float32, f"{call} output")

        parameters = sum(
            m * n + n for m, n in linear_shapes(observation_size, action_count, hidden)
        )
        expect_equal(count_parameters(network), parameters, f"count_parameters({call})")
        expect_equal(
            expected_parameter_count(observation_size, action_count, hidden),
            parameters,
            f"expected_parameter_count({observation_size}, {action_count}, {hidden})",
        )

        q_values.sum().backward()
        for name, parameter in network.named_parameters():
            gradient = parameter.grad
            if gradient is None or float(gradient.abs().sum()) == 0.0:
                raise CheckFailed(
                    f"{call}: no gradient reached `{name}` after backward(); "
                    "is every layer used in forward()?"
                )

    big = network_class(4, 2, [128, 128])
    expect_true(
        bool((big(torch.randn(256, 4) * 2) < 0).any()),
        "FlexibleQNetwork(4, 2, [128, 128]) gave no negative Q-value on 256 random "
        "states: the output layer must have no ReLU, since Q-values can be negative",
    )

    frozen = nn.Linear(3, 2)
    frozen.weight.requires_grad_(False)
    expect_equal(
        count_parameters(frozen),
        2,
        "count_parameters(Linear(3, 2) with its weight frozen): count trainable "
        "parameters only (requires_grad)",
    )
