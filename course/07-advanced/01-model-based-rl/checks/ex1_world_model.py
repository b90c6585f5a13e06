"""Check of exercise 1: the targets and the loss against references on seeded random
tensors, then a trained model on a small linear system with a wall."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_seeded,
    expect_shape,
    expect_tensor,
    expect_true,
    get_function,
    random_cases,
)

Case = tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]


def random_case(rng: np.random.Generator) -> Case:
    n, d = int(rng.integers(5, 12)), int(rng.integers(2, 6))
    states = torch.as_tensor(rng.normal(size=(n, d)), dtype=torch.float32)
    next_states = states + torch.as_tensor(rng.normal(scale=0.3, size=(n, d)), dtype=torch.float32)
    rewards = torch.as_tensor(rng.normal(size=n), dtype=torch.float32)
    terminated = torch.as_tensor(rng.random(n) < 0.3, dtype=torch.float32)
    change_std = torch.as_tensor(rng.uniform(0.2, 3.0, size=d), dtype=torch.float32)
    return states, rewards, next_states, terminated, change_std


def check_targets(targets: Callable[..., Any], cases: list[Case]) -> None:
    for number, (states, rewards, next_states, terminated, change_std) in enumerate(cases):
        n, d = states.shape
        got = expect_tensor(
            targets(states, rewards, next_states, terminated, change_std), "world_model_targets"
        )
        expect_shape(got, (n, d + 2), f"random case {number}: world_model_targets")
        change = (next_states - states) / change_std
        if torch.allclose(got[:, :d], next_states / change_std, atol=1e-5):
            raise CheckFailed(
                f"random case {number}: the first d columns are the next state; the model "
                "predicts the change next_states - states (small and centred), not s'"
            )
        if torch.allclose(got[:, :d], -change, atol=1e-5):
            raise CheckFailed(
                f"random case {number}: the change has the wrong sign; it is "
                "next_states - states, what to add to s to reach s'"
            )
        expect_close(
            got[:, :d],
            change,
            f"random case {number}: columns 0..d-1, (next_states - states) / change_std",
            atol=1e-5,
        )
        expect_close(got[:, d], rewards, f"random case {number}: column d, the reward")
        expect_close(got[:, d + 1], terminated, f"random case {number}: last column, terminated")


def check_loss(loss: Callable[..., Any], cases: list[Case]) -> None:
    for number, (states, rewards, next_states, terminated, change_std) in enumerate(cases):
        targets = torch.cat(
            [(next_states - states) / change_std, rewards[:, None], terminated[:, None]], dim=1
        )
        outputs = targets + torch.randn(
            targets.shape, generator=torch.Generator().manual_seed(number)
        )
        got = expect_tensor(loss(outputs, targets), "world_model_loss")
        expect_shape(got, (), f"random case {number}: world_model_loss (one number)")
        squared = F.mse_loss(outputs[:, :-1], targets[:, :-1])
        expected = squared + F.binary_cross_entropy_with_logits(outputs[:, -1], targets[:, -1])
        all_squared = F.mse_loss(outputs, targets)
        if torch.isclose(got, all_squared, atol=1e-5) and not torch.isclose(got, expected):
            raise CheckFailed(
                f"random case {number}: world_model_loss is the squared error of every column; "
                "the last column is a logit of 'the episode ended', which needs binary "
                "cross-entropy (F.binary_cross_entropy_with_logits), as in Part 3.1"
            )
        expect_close(
            got,
            expected,
            f"random case {number}: world_model_loss, mean squared error on the change and "
            "the reward + binary cross-entropy with logits on the last column",
            atol=1e-5,
        )


def linear_system(n: int, seed: int) -> tuple[torch.Tensor, ...]:
    """A point on a line pushed by 3 actions; the episode ends beyond x = 1.5."""
    generator = torch.Generator().manual_seed(seed)
    states = torch.randn(n, 2, generator=generator) * torch.tensor([0.8, 0.5])
    actions = torch.randint(3, (n,), generator=generator)
    push = (actions - 1).float() * 0.1
    next_states = torch.stack(
        [states[:, 0] + 0.1 * states[:, 1], 0.95 * states[:, 1] + push], dim=1
    )
    rewards = 1.0 - states[:, 0].abs()
    terminated = (next_states[:, 0].abs() > 1.5).float()
    return states, actions, rewards, next_states, terminated


def check_training(train: Callable[..., Any]) -> None:
    data = linear_system(1024, seed=0)
    result = train(*data, n_actions=3, epochs=40, seed=0)
    if not isinstance(result, tuple) or len(result) != 2:
        raise CheckFailed("train_world_model: expected (network, change_std)")
    net, change_std = result
    change_std = expect_tensor(change_std, "change_std")
    expect_close(
        change_std,
        (data[3] - data[0]).std(dim=0),
        "change_std, the standard deviation of next_states - states over the rows (dim=0)",
        atol=1e-4,
    )
    states, actions, rewards, next_states, terminated = linear_system(512, seed=1)
    with torch.no_grad():
        outputs = net(torch.cat([states, F.one_hot(actions, 3).float()], dim=1))
    predicted = states + outputs[:, :2] * change_std
    error = (predicted - next_states).pow(2).mean().sqrt().item()
    lazy = (states - next_states).pow(2).mean().sqrt().item()
    expect_true(
        error < lazy / 4,
        f"on fresh data the trained model's next-state error is {error:.4f}, the guess "
        f"s' = s's {lazy:.4f}; expected at most a quarter of it. Train on the targets of "
        "world_model_targets for all epochs",
    )
    reward_error = (outputs[:, 2] - rewards).pow(2).mean().sqrt().item()
    expect_true(
        reward_error < 0.2, f"the reward column's error is {reward_error:.3f}, expected < 0.2"
    )
    ended = torch.sigmoid(outputs[:, 3])
    expect_true(
        bool(ended[terminated == 1].mean() > ended[terminated == 0].mean() + 0.3),
        "the termination logit does not separate the steps that ended from the others",
    )

    def first_weights(seed: int) -> torch.Tensor:
        net = train(*linear_system(64, seed=0), n_actions=3, epochs=1, seed=seed)[0]
        return next(net.parameters()).detach()

    expect_seeded(first_weights, "train_world_model")


def check(module: ModuleType) -> None:
    cases = random_cases(71, 8, random_case)
    check_targets(get_function(module, "world_model_targets"), cases)
    check_loss(get_function(module, "world_model_loss"), cases)
    check_training(get_function(module, "train_world_model"))
