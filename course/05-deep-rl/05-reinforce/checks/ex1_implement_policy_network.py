"""Check of exercise 1: the network's shape and outputs, the sampling frequencies and
log-probabilities of `act`, and the hand-written score against autograd on seeded cases."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_shape,
    expect_tensor,
    expect_true,
    forbidden,
    get_function,
    no_autograd,
    random_cases,
)


def check_network(network_class: type[torch.nn.Module]) -> torch.nn.Module:
    torch.manual_seed(0)
    network = network_class(4, 2, 32)
    count = sum(p.numel() for p in network.parameters())
    expect_true(
        count == 4 * 32 + 32 + 32 * 2 + 2,
        f"PolicyNetwork(4, 2, 32) should have "
        f"{4 * 32 + 32 + 32 * 2 + 2} parameters (4 -> 32 -> 2), got {count}",
    )
    logits = expect_tensor(network(torch.randn(64, 4) * 3), "PolicyNetwork(4, 2, 32)(batch)")
    expect_shape(logits, (64, 2), "the logits of a batch of 64 observations")
    sums = logits.detach().sum(dim=1)
    expect_true(
        not torch.allclose(sums, torch.ones(64), atol=1e-4) and bool((logits < 0).any()),
        "forward must return logits (any real numbers), not probabilities: every row of your "
        "output sums to 1 or none is negative; leave the softmax to act",
    )
    return network


def check_act(act: Any, network: torch.nn.Module) -> None:
    state = torch.tensor([0.5, -1.0, 0.3, 2.0])
    pi = F.softmax(network(state.unsqueeze(0))[0], dim=0).detach()
    torch.manual_seed(1)
    action, log_prob = act(network, state)
    draws = [action] + [act(network, state)[0] for _ in range(2999)]
    log_prob = expect_tensor(log_prob, "the log-probability act returns")
    expect_shape(log_prob, (), "the log-probability (a scalar tensor)")
    expect_true(
        log_prob.requires_grad,
        "the log-probability lost its gradient: compute it "
        "from the network's output without torch.no_grad() or .detach()",
    )
    expect_close(log_prob.detach(), pi[action].log(), f"log pi({action} | s)", atol=1e-5)
    shares = np.bincount(draws, minlength=2) / len(draws)
    if abs(shares[0] - pi[0].item()) > 0.04:
        raise CheckFailed(
            f"3000 actions drawn in one state had shares {shares.round(3).tolist()}, but pi(. | s) "
            f"= {pi.numpy().round(3).tolist()}: draw A from the probabilities (torch.multinomial), "
            "do not take the argmax"
        )
    torch.manual_seed(5)
    first = [act(network, state)[0] for _ in range(50)]
    torch.manual_seed(5)
    again = [act(network, state)[0] for _ in range(50)]
    expect_true(
        first == again,
        "two runs after torch.manual_seed(5) drew different actions: "
        "draw with PyTorch's generator (torch.multinomial)",
    )


def score_case(rng: np.random.Generator) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, int]:
    actions, size = int(rng.integers(2, 5)), int(rng.integers(2, 6))
    weight = torch.tensor(rng.normal(size=(actions, size)), dtype=torch.float32)
    bias = torch.tensor(rng.normal(size=actions), dtype=torch.float32)
    state = torch.tensor(rng.normal(size=size), dtype=torch.float32)
    return weight, bias, state, int(rng.integers(0, actions))


def check_score(linear_score: Any, module: ModuleType) -> None:
    cases = [score_case(np.random.default_rng(0)), *random_cases(7, 5, score_case)]
    for number, (weight, bias, state, action) in enumerate(cases, start=1):
        with forbidden(no_autograd("write the gradient by hand"), module):
            got = linear_score(weight, bias, state, action)
        expect_true(
            isinstance(got, tuple) and len(got) == 2,
            "linear_score returns a pair (gradient for weight, gradient for bias)",
        )
        got_weight, got_bias = (expect_tensor(part, "linear_score") for part in got)
        w, b = weight.clone().requires_grad_(True), bias.clone().requires_grad_(True)
        F.log_softmax(w @ state + b, dim=0)[action].backward()
        assert w.grad is not None and b.grad is not None
        if torch.allclose(got_bias, -b.grad, atol=1e-5):
            raise CheckFailed(
                f"case {number}: your score has the wrong sign: the gradient of "
                "log pi(a | s) for the bias is e_a - pi, not pi - e_a"
            )
        if torch.allclose(got_bias, b.grad + F.softmax(weight @ state + bias, dim=0), atol=1e-5):
            raise CheckFailed(
                f"case {number}: your score is e_a alone: log pi(a | s) = logit_a "
                "- log sum_b exp(logit_b), and the second term contributes -pi"
            )
        expect_close(got_bias, b.grad, f"case {number}: gradient for the bias", atol=1e-5)
        expect_close(got_weight, w.grad, f"case {number}: gradient for the weight", atol=1e-5)


def check(module: ModuleType) -> None:
    network = check_network(get_function(module, "PolicyNetwork"))  # type: ignore[arg-type]
    check_act(get_function(module, "act"), network)
    check_score(get_function(module, "linear_score"), module)
