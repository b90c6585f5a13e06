"""Check of exercise 1: targets against a reference on seeded networks and batches (max,
not mean; terminated, not truncated; no gradient into the target network), and soft
updates with tau = 0.25 and tau = 1."""

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
    expect_true,
    get_function,
    random_cases,
    transition_batch,
)


def make_case(rng: np.random.Generator) -> dict[str, torch.Tensor]:
    return transition_batch(rng, (5, 12), observation_size=3)


def network(seed: int) -> nn.Sequential:
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 4))


def check_targets(module: ModuleType) -> None:
    target_values = get_function(module, "target_values")
    for index, case in enumerate(random_cases(53, 4, make_case)):
        target = network(index)
        gamma = 0.9
        with torch.no_grad():
            q_next = target(case["next_observations"])  # (B, 4)
        expected = case["rewards"] + gamma * (1 - case["terminated"]) * q_next.max(dim=1).values
        got = expect_tensor(target_values(target, gamma=gamma, **case), "target_values(...)")
        expect_shape(got, expected.shape, "target_values(...)")
        if got.requires_grad:
            raise CheckFailed(
                "target_values(...) returns a tensor that requires grad: the targets must be "
                "constants, so compute Q_target(s') under torch.no_grad()"
            )
        mean_target = case["rewards"] + gamma * (1 - case["terminated"]) * q_next.mean(dim=1)
        if torch.allclose(got, mean_target, atol=1e-5):
            raise CheckFailed(
                "target_values(...) averages Q_target(s', .) over the actions; the target "
                "takes the max over a' (the greedy action's value)"
            )
        ended = case["truncated"] == 1
        cut = ~torch.isclose(got[ended], expected[ended], atol=1e-5)
        if bool(cut.any()):
            raise CheckFailed(
                "on a truncated transition (time limit) the target should bootstrap, "
                f"r + gamma * max Q_target(s'), = {expected[ended].tolist()}, got "
                f"{got[ended].tolist()}: only terminated stops the bootstrap"
            )
        expect_close(got, expected, f"target_values(...) on case {index}", atol=1e-5)


def check_soft_update(module: ModuleType) -> None:
    soft_update = get_function(module, "soft_update")
    for tau in (0.25, 1.0):
        target, online = network(10), network(11)
        before = [p.detach().clone() for p in target.parameters()]
        online_before = [p.detach().clone() for p in online.parameters()]
        soft_update(target, online, tau)
        for (name, param), old, new in zip(
            target.named_parameters(), before, online_before, strict=True
        ):
            expected = tau * new + (1 - tau) * old
            if tau < 1 and torch.allclose(param, (1 - tau) * new + tau * old, atol=1e-6):
                raise CheckFailed(
                    f"soft_update(tau={tau}) gave {name} 1 - tau of the online weights and tau "
                    "of its own: the online weights get tau, the target's 1 - tau"
                )
            expect_close(param.detach(), expected, f"target {name} after soft_update(tau={tau})")
        for (name, param), old in zip(online.named_parameters(), online_before, strict=True):
            expect_true(torch.equal(param, old), f"soft_update changed the online network's {name}")
        expect_true(
            all(p.grad is None for p in target.parameters()),
            "soft_update left gradients on the target network; update under torch.no_grad()",
        )


def check(module: ModuleType) -> None:
    check_targets(module)
    check_soft_update(module)
