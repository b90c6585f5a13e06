"""Check of exercise 2: predicted returns against a reference on seeded random linear
models (one batched call per step), then the cross-entropy planner on walks to a target."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_seeded,
    expect_shape,
    expect_tensor,
    get_function,
    random_cases,
)

Step = tuple[torch.Tensor, torch.Tensor, torch.Tensor]


class CountingModel:
    """A random linear model of d states and 3 actions that counts its calls."""

    def __init__(self, rng: np.random.Generator) -> None:
        d = int(rng.integers(2, 5))
        self.d = d
        self.a = torch.as_tensor(
            np.eye(d) + rng.normal(scale=0.2, size=(d, d)), dtype=torch.float32
        )
        self.b = torch.as_tensor(rng.normal(size=(3, d)), dtype=torch.float32)
        self.w = torch.as_tensor(rng.normal(size=d), dtype=torch.float32)
        self.calls: list[int] = []

    def __call__(self, states: torch.Tensor, actions: torch.Tensor) -> Step:
        self.calls.append(len(states))
        next_states = states @ self.a.T + self.b[actions]
        rewards = 1.0 + 0.1 * next_states.sum(dim=1)
        ends = torch.sigmoid(next_states @ self.w - 1.0)  # between 0 and 1, never exactly
        return next_states, rewards, ends


def reference(model: CountingModel, states: torch.Tensor, plans: torch.Tensor) -> torch.Tensor:
    alive, total = torch.ones(len(plans)), torch.zeros(len(plans))
    for t in range(plans.shape[1]):
        states, rewards, ends = model(states, plans[:, t])
        total, alive = total + alive * rewards, alive * (1.0 - ends)
    return total


def check_returns(returns: Callable[..., Any]) -> None:
    for number in range(6):
        rng = np.random.default_rng(700 + number)
        model = CountingModel(rng)
        n, h = int(rng.integers(3, 9)), int(rng.integers(2, 6))
        states = torch.as_tensor(rng.normal(scale=0.5, size=(n, model.d)), dtype=torch.float32)
        plans = torch.as_tensor(rng.integers(3, size=(n, h)))
        got = expect_tensor(returns(model, states, plans), "predicted_returns")
        expect_shape(got, (n,), f"random case {number}: predicted_returns, one number per plan")
        expect_equal(
            model.calls,
            [n] * h,
            f"random case {number}: calls of the model (batch size of each) for {n} plans of "
            f"{h} steps; advance all plans together, one call per step",
        )
        model.calls.clear()
        expected = reference(model, states, plans)
        with_rewards_only = reference_without_survival(model, states, plans)
        if torch.allclose(got, with_rewards_only, atol=1e-4):
            raise CheckFailed(
                f"random case {number}: predicted_returns adds every predicted reward; a "
                "reward counts only while the episode is running: weight it by "
                "prod_{k<t} (1 - P(end at k))"
            )
        expect_close(
            got,
            expected,
            f"random case {number}: predicted_returns, sum_t r_t prod_(k<t) (1 - P(end at k)) "
            "(the reward of the step that ends the episode still counts)",
            atol=1e-4,
        )


def reference_without_survival(
    model: CountingModel, states: torch.Tensor, plans: torch.Tensor
) -> torch.Tensor:
    total = torch.zeros(len(plans))
    for t in range(plans.shape[1]):
        states, rewards, _ = model(states, plans[:, t])
        total = total + rewards
    model.calls.clear()
    return total


def walk(target: float) -> Callable[[torch.Tensor, torch.Tensor], Step]:
    def step(states: torch.Tensor, actions: torch.Tensor) -> Step:
        next_states = states + (actions[:, None] - 1).float()
        return next_states, -(next_states[:, 0] - target).abs(), torch.zeros(len(states))

    return step


def check_cem(cem: Callable[..., Any]) -> None:
    cases = random_cases(
        72, 6, lambda rng: (float(rng.integers(-4, 5)), float(rng.integers(-2, 3)))
    )
    for target, start in cases:
        if target == start:
            continue
        expected = 2 if target > start else 0
        generator = torch.Generator().manual_seed(int(target * 10 + start))
        got = cem(walk(target), torch.tensor([start]), 3, 6, 60, 10, 4, generator)
        expect_equal(
            int(got),
            expected,
            f"cem_plan on a walk from x = {start:+.0f} to the target {target:+.0f} (action 0 "
            "steps left, 2 right; reward -|x - target|): the first action. Keep the elites "
            "with the highest predicted returns (topk), and draw from the refitted probs",
        )

    def first_actions(seed: int) -> list[int]:
        generator = torch.Generator().manual_seed(seed)
        flat = lambda s, a: (s, torch.zeros(len(s)), torch.zeros(len(s)))  # noqa: E731
        return [int(cem(flat, torch.zeros(1), 3, 4, 10, 3, 1, generator)) for _ in range(8)]

    expect_seeded(first_actions, "cem_plan on a model where every plan scores 0")


def check(module: ModuleType) -> None:
    check_returns(get_function(module, "predicted_returns"))
    check_cem(get_function(module, "cem_plan"))
