"""Check of exercise 2: ``combine`` against the formula on seeded tensors (mean over the
actions, not the batch; the mean, not the max), then the network's layers and outputs."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np
import torch
from torch import nn

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_shape,
    expect_tensor,
    expect_type,
    get_function,
    random_cases,
)


def make_heads(rng: np.random.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    batch, actions = int(rng.integers(3, 9)), int(rng.integers(2, 6))
    value = torch.tensor(rng.normal(size=(batch, 1)), dtype=torch.float32)
    advantages = torch.tensor(rng.normal(2.0, 1.5, size=(batch, actions)), dtype=torch.float32)
    return value, advantages


def check_combine(combine: Callable[..., Any]) -> None:
    for value, advantages in random_cases(55, 6, make_heads):
        what = f"combine(value {tuple(value.shape)}, advantages {tuple(advantages.shape)})"
        got = expect_tensor(combine(value, advantages), what)
        expected = value + advantages - advantages.mean(dim=1, keepdim=True)
        expect_shape(got, tuple(expected.shape), what)
        if torch.allclose(got, value + advantages, atol=1e-5):
            raise CheckFailed(
                f"{what} returns V + A: subtract each state's mean advantage, or V and A "
                "are not identifiable (V + c and A - c give the same Q)"
            )
        if torch.allclose(got, value + advantages - advantages.mean(dim=0, keepdim=True)):
            raise CheckFailed(
                f"{what} subtracts the mean over the batch (dim=0); the mean is over each "
                "state's actions (dim=1)"
            )
        if torch.allclose(got, value + advantages - advantages.max(dim=1, keepdim=True).values):
            raise CheckFailed(
                f"{what} subtracts the max advantage; this Part uses the mean over actions"
            )
        expect_close(got, expected, what, atol=1e-5)


def check_network(network_class: Callable[..., Any]) -> None:
    torch.manual_seed(3)
    network = expect_type(network_class(6, 5, 16), nn.Module, "DuelingQNetwork(6, 5, 16)")
    heads: list[nn.Linear] = []
    for name, size in (("value_head", 1), ("advantage_head", 5)):
        head = expect_type(getattr(network, name, None), nn.Linear, f"network.{name}")
        expect_equal(head.out_features, size, f"network.{name}.out_features")
        expect_equal(head.in_features, 16, f"network.{name}.in_features")
        heads.append(head)
    body = expect_type(getattr(network, "body", None), nn.Module, "network.body")
    observations = torch.tensor(np.random.default_rng(5).normal(size=(7, 6)), dtype=torch.float32)
    with torch.no_grad():
        q_values = expect_tensor(network(observations), "network(observations)")
        expect_shape(q_values, (7, 5), "network(observations) for 7 observations")
        features = body(observations)
        expect_shape(features, (7, 16), "network.body(observations)")
        if bool((features < 0).any()):
            raise CheckFailed("network.body gives negative features: end it with a ReLU")
        value, advantages = heads[0](features), heads[1](features)
    expected = value + advantages - advantages.mean(dim=1, keepdim=True)
    expect_close(q_values, expected, "network(observations) against its own heads", atol=1e-5)


def check(module: ModuleType) -> None:
    check_combine(get_function(module, "combine"))
    check_network(get_function(module, "DuelingQNetwork"))
