"""Check of exercise 1: sizes and outputs of both networks, that nothing is shared, the
draws and log-probabilities of `act_batch` on seeded batches, and the two optimizers."""

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
    get_function,
    random_cases,
)


def count(network: torch.nn.Module) -> int:
    return sum(p.numel() for p in network.parameters())


def check_networks(actor_class: Any, critic_class: Any) -> tuple[torch.nn.Module, torch.nn.Module]:
    torch.manual_seed(0)
    actor, critic = actor_class(4, 2, 32), critic_class(4, 32)
    expect_true(
        count(actor) == 4 * 32 + 32 + 32 * 2 + 2,
        f"Actor(4, 2, 32) should have {4 * 32 + 32 + 32 * 2 + 2} parameters (4 -> 32 -> 2), "
        f"got {count(actor)}",
    )
    expect_true(
        count(critic) == 4 * 32 + 32 + 32 + 1,
        f"Critic(4, 32) should have {4 * 32 + 32 + 32 + 1} parameters (4 -> 32 -> 1): v(s) is "
        f"one number per state, not one per action; got {count(critic)}",
    )
    batch = torch.randn(64, 4) * 3
    logits = expect_tensor(actor(batch), "Actor(4, 2, 32)(batch)")
    expect_shape(logits, (64, 2), "the actor's logits for 64 observations")
    expect_true(
        not torch.allclose(logits.detach().sum(dim=1), torch.ones(64), atol=1e-4)
        and bool((logits < 0).any()),
        "the actor must return logits (any real numbers), not probabilities: every row sums "
        "to 1 or none is negative; leave the softmax to act_batch",
    )
    values = expect_tensor(critic(batch), "Critic(4, 32)(batch)")
    expect_shape(values, (64,), "the critic's values for 64 observations (squeeze the last axis)")
    shared = {id(p) for p in actor.parameters()} & {id(p) for p in critic.parameters()}
    expect_true(not shared, "the actor and the critic share parameters: give each its own layers")
    values.sum().backward()
    reached = [name for name, p in actor.named_parameters() if p.grad is not None]
    expect_true(not reached, f"a critic loss reached the actor's {reached}: keep them separate")
    return actor, critic


def check_act_batch(act_batch: Any, actor: torch.nn.Module, critic: torch.nn.Module) -> None:
    for case, observations in enumerate(
        random_cases(7, 3, lambda rng: torch.tensor(rng.normal(size=(6, 4)), dtype=torch.float32))
    ):
        with torch.no_grad():
            pi = F.softmax(actor(observations), dim=1)
            expected_values = critic(observations)
        torch.manual_seed(case)
        actions, log_probs, values = act_batch(actor, critic, observations)
        actions = expect_tensor(actions, "the actions act_batch returns")
        expect_shape(actions, (6,), "the actions of a batch of 6 observations")
        expect_true(actions.dtype == torch.int64, f"actions must be int64, got {actions.dtype}")
        log_probs = expect_tensor(log_probs, "the log-probabilities act_batch returns")
        expect_shape(log_probs, (6,), "log pi(A | s) of a batch of 6")
        expect_true(
            log_probs.requires_grad,
            "log pi(A | s) lost its gradient: compute it from the actor's output without "
            "torch.no_grad() or .detach()",
        )
        expect_close(
            log_probs.detach(),
            pi.gather(1, actions.unsqueeze(1)).squeeze(1).log(),
            "log pi(A | s) of the actions you drew",
            atol=1e-5,
        )
        values = expect_tensor(values, "the values act_batch returns")
        expect_shape(values, (6,), "v(s) of a batch of 6")
        expect_true(values.requires_grad, "v(s) lost its gradient: the critic learns from it")
        expect_close(values.detach(), expected_values, "v(s)", atol=1e-5)
    state = torch.tensor([[0.5, -1.0, 0.3, 2.0]]).repeat(3000, 1)
    pi = F.softmax(actor(state[:1]), dim=1)[0].detach()
    torch.manual_seed(11)
    actions = act_batch(actor, critic, state)[0]
    shares = np.bincount(actions.numpy(), minlength=2) / len(actions)
    if abs(shares[0] - pi[0].item()) > 0.04:
        raise CheckFailed(
            f"3000 actions drawn in one state had shares {shares.round(3).tolist()}, but "
            f"pi(. | s) = {[round(float(p), 3) for p in pi]}: draw A from the probabilities "
            "(torch.multinomial), do not take the argmax"
        )
    torch.manual_seed(5)
    first = act_batch(actor, critic, state[:50])[0]
    torch.manual_seed(5)
    again = act_batch(actor, critic, state[:50])[0]
    expect_true(
        torch.equal(first, again),
        "two runs after torch.manual_seed(5) drew different actions: "
        "draw with PyTorch's generator (torch.multinomial)",
    )


def check_optimizers(make_optimizers: Any, actor: torch.nn.Module, critic: torch.nn.Module) -> None:
    actor_optimizer, critic_optimizer = make_optimizers(actor, critic, 3e-4, 1e-3)
    for optimizer, network, lr, name in (
        (actor_optimizer, actor, 3e-4, "actor"),
        (critic_optimizer, critic, 1e-3, "critic"),
    ):
        expect_true(
            isinstance(optimizer, torch.optim.Adam),
            f"the {name}'s optimizer should be torch.optim.Adam, got {type(optimizer).__name__}",
        )
        held = {id(p) for group in optimizer.param_groups for p in group["params"]}
        expect_true(
            held == {id(p) for p in network.parameters()},
            f"the {name}'s optimizer must hold exactly the {name}'s parameters (the first "
            "optimizer is the actor's, the second the critic's)",
        )
        got = [group["lr"] for group in optimizer.param_groups]
        expect_true(
            got == [lr],
            f"make_optimizers(actor, critic, 3e-4, 1e-3): the {name}'s step size should be {lr}, "
            f"got {got}",
        )


def check(module: ModuleType) -> None:
    actor, critic = check_networks(get_function(module, "Actor"), get_function(module, "Critic"))
    check_act_batch(get_function(module, "act_batch"), actor, critic)
    check_optimizers(get_function(module, "make_optimizers"), actor, critic)
