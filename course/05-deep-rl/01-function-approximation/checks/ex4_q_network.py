"""Check of exercise 4: the network's layers, output shape and sign on random sizes, and
the parameter count by hand against an independent count and the network's own."""

from __future__ import annotations

import itertools
from types import ModuleType

import numpy as np
import torch
from torch import nn

from coursetools.check_helpers import (
    CheckFailed,
    expect_equal,
    expect_shape,
    expect_true,
    expect_type,
    get_function,
    random_cases,
)

Case = tuple[int, int, list[int]]


def random_case(rng: np.random.Generator) -> Case:
    hidden = [int(h) for h in rng.integers(3, 40, size=int(rng.integers(1, 4)))]
    return int(rng.integers(2, 9)), int(rng.integers(2, 6)), hidden


def check(module: ModuleType) -> None:
    q_network = get_function(module, "q_network")
    parameter_count = get_function(module, "parameter_count")
    torch.manual_seed(54)
    for observation_size, action_count, hidden in [
        (4, 2, [128, 128]),
        *random_cases(54, 5, random_case),
    ]:
        what = f"q_network({observation_size}, {action_count}, {hidden})"
        network = expect_type(q_network(observation_size, action_count, hidden), nn.Module, what)
        linears = [m for m in network.modules() if isinstance(m, nn.Linear)]
        widths = [observation_size, *hidden, action_count]
        expected_shapes = [(n, m) for m, n in itertools.pairwise(widths)]
        got_shapes = [tuple(layer.weight.shape) for layer in linears]
        expect_true(
            got_shapes == expected_shapes,
            f"{what}: expected Linear weights of shapes {expected_shapes} (one layer per hidden "
            f"size, then the output layer), got {got_shapes}",
        )
        observations = torch.randn(64, observation_size) * 3
        with torch.no_grad():
            q_values = network(observations)
        expect_shape(
            q_values,
            (64, action_count),
            f"{what} on observations of shape (64, {observation_size})",
        )
        rows_sum_to_one = torch.allclose(q_values.sum(dim=1), torch.ones(64))
        expect_true(
            not rows_sum_to_one,
            f"{what}: the Q-values of each observation sum to 1: a softmax turns values into "
            "probabilities, drop it",
        )
        expect_true(
            bool((q_values < 0).any()),
            f"{what}: no Q-value below 0 on 64 random observations; a Q-value can be negative, "
            "so put nothing (no ReLU, no softmax) after the last Linear layer",
        )
        relus = sum(isinstance(m, nn.ReLU) for m in network.modules())
        expect_true(
            relus == len(hidden),
            f"{what}: expected {len(hidden)} ReLUs (one after each hidden layer), got {relus}",
        )

        expected = sum(m * n + n for m, n in itertools.pairwise(widths))
        count_what = f"parameter_count({observation_size}, {action_count}, {hidden})"
        got = parameter_count(observation_size, action_count, hidden)
        weights_only = sum(m * n for m, n in itertools.pairwise(widths))
        if got == weights_only:
            raise CheckFailed(
                f"{count_what}: expected {expected}, got {got}, the weights alone; add the "
                "biases, one per output of each layer"
            )
        expect_equal(got, expected, count_what)
        own = sum(p.numel() for p in network.parameters())
        expect_equal(own, expected, f"the parameters of {what} (sum of p.numel())")
