"""Check of exercise 1: Double DQN targets against a reference on seeded networks and
batches (which network picks, which one values; terminated, not truncated; no gradient)."""

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
    transition_batch,
)


def make_case(rng: np.random.Generator) -> dict[str, torch.Tensor]:
    return transition_batch(rng, (6, 14), observation_size=3)


def network(seed: int) -> nn.Sequential:
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 4))


def wrong(message: str, got: torch.Tensor, other: torch.Tensor, expected: torch.Tensor) -> None:
    """Fail with ``message`` if ``got`` matches a known wrong answer and not the right one."""
    if torch.allclose(got, other, atol=1e-5) and not torch.allclose(got, expected, atol=1e-5):
        raise CheckFailed(message)


def check(module: ModuleType) -> None:
    double_targets = get_function(module, "double_targets")
    gamma = 0.9
    for index, case in enumerate(random_cases(54, 5, make_case)):
        online, target = network(2 * index), network(2 * index + 1)
        with torch.no_grad():
            q_online = online(case["next_observations"])  # (B, 4)
            q_target = target(case["next_observations"])  # (B, 4)
        alive = gamma * (1 - case["terminated"])
        picked = q_target.gather(1, q_online.argmax(dim=1, keepdim=True)).squeeze(1)
        expected = case["rewards"] + alive * picked
        got = expect_tensor(
            double_targets(online, target, gamma=gamma, **case), "double_targets(...)"
        )
        expect_shape(got, expected.shape, "double_targets(...)")
        if got.requires_grad:
            raise CheckFailed(
                "double_targets(...) returns a tensor that requires grad: the targets are "
                "constants, so compute both networks' values under torch.no_grad()"
            )
        wrong(
            "your targets are DQN's, max_a' Q_target(s', a'): in Double DQN the online "
            "network picks a' and the target network only values it",
            got,
            case["rewards"] + alive * q_target.max(dim=1).values,
            expected,
        )
        wrong(
            "your targets use max_a' Q_online(s', a'): the online network picks a', but its "
            "value must come from the target network",
            got,
            case["rewards"] + alive * q_online.max(dim=1).values,
            expected,
        )
        swapped = q_online.gather(1, q_target.argmax(dim=1, keepdim=True)).squeeze(1)
        wrong(
            "the networks' roles are swapped: the online network picks a' = argmax Q_online, "
            "and the target network values it",
            got,
            case["rewards"] + alive * swapped,
            expected,
        )
        ended = case["truncated"] == 1
        if not torch.allclose(got[ended], expected[ended], atol=1e-5):
            raise CheckFailed(
                "on a truncated transition (time limit) the target should bootstrap, "
                f"= {expected[ended].tolist()}, got {got[ended].tolist()}: only terminated "
                "stops the bootstrap"
            )
        expect_close(got, expected, f"double_targets(...) on case {index}", atol=1e-5)
