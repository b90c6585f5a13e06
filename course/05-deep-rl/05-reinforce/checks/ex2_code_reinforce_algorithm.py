"""Check of exercise 2: the returns against hand-computed and seeded random episodes (both
ways an episode ends), the losses and where their gradients flow, and a short run of the
given loop."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_shape,
    expect_tensor,
    expect_true,
    get_function,
    random_cases,
)
from rlcourse.agents.reinforce import make_policy
from rlcourse.seeding import seed_everything

# (rewards, gamma, terminated, next_value, expected G) computed by hand:
# G_2 = 3 (+ 0.5 * 4 if truncated), G_1 = 2 + 0.5 G_2, G_0 = 1 + 0.5 G_1.
BY_HAND = [
    ([1.0, 2.0, 3.0], 0.5, True, 4.0, [2.75, 3.5, 3.0]),
    ([1.0, 2.0, 3.0], 0.5, False, 4.0, [3.25, 4.5, 5.0]),
    ([1.0, 1.0], 1.0, True, 10.0, [2.0, 1.0]),
]


def reference(rewards: list[float], gamma: float, tail: float) -> np.ndarray:
    """G_t = sum_k gamma^k R_{t+k+1} + gamma^(T-t) tail, term by term (not backwards)."""
    count = len(rewards)
    return np.array(
        [
            sum(gamma**k * rewards[t + k] for k in range(count - t)) + gamma ** (count - t) * tail
            for t in range(count)
        ]
    )


def episode_case(rng: np.random.Generator) -> tuple[list[float], float, bool, float]:
    length = int(rng.integers(3, 12))
    rewards = rng.normal(1.0, 1.0, size=length).round(2).tolist()
    return (
        rewards,
        float(rng.choice([0.9, 0.99])),
        bool(rng.random() < 0.5),
        float(rng.normal(5, 2)),
    )


def check_returns(returns_to_go: Any) -> None:
    cases = [(r, g, d, v) for r, g, d, v, _ in BY_HAND] + random_cases(11, 6, episode_case)
    cases += [(r, g, not d, v) for r, g, d, v in random_cases(12, 4, episode_case)]
    for number, (rewards, gamma, terminated, next_value) in enumerate(cases, start=1):
        what = (
            f"case {number}: returns_to_go({rewards}, gamma={gamma}, terminated={terminated}, "
            f"next_value={next_value})"
        )
        got = expect_tensor(returns_to_go(rewards, gamma, terminated, next_value), what)
        expect_shape(got, (len(rewards),), what)
        right = reference(rewards, gamma, 0.0 if terminated else next_value)
        if np.allclose(got.numpy(), right, atol=1e-4):
            continue
        if np.allclose(got.numpy(), right[0], atol=1e-4):
            raise CheckFailed(
                f"{what}: every step got G_0 = {right[0]:.4f}, the return from t = 0; an action "
                "can only change the rewards that come after it: use the reward-to-go G_t"
            )
        if terminated and np.allclose(
            got.numpy(), reference(rewards, gamma, next_value), atol=1e-4
        ):
            raise CheckFailed(
                f"{what}: you bootstrapped with next_value although the episode terminated: "
                "a terminal state earns nothing more, its tail is 0"
            )
        if not terminated and np.allclose(got.numpy(), reference(rewards, gamma, 0.0), atol=1e-4):
            raise CheckFailed(
                f"{what}: the episode was truncated by a time limit, not terminated: the pole "
                "was still up, so its tail is gamma^(T-t) next_value, not 0"
            )
        expect_close(got, right, what, atol=1e-4)


def check_losses(reinforce_losses: Any) -> None:
    for number, rng in enumerate([np.random.default_rng(s) for s in (3, 4, 5)], start=1):
        size = int(rng.integers(4, 9))
        log_probs = torch.tensor(-rng.random(size) * 2, dtype=torch.float32, requires_grad=True)
        returns = torch.tensor(rng.normal(10, 3, size), dtype=torch.float32)
        values = torch.tensor(rng.normal(8, 3, size), dtype=torch.float32, requires_grad=True)
        got = reinforce_losses(log_probs, returns, values)
        expect_true(
            isinstance(got, tuple) and len(got) == 2,
            "reinforce_losses returns a pair (policy loss, value loss)",
        )
        policy_loss = expect_tensor(got[0], "the policy loss")
        value_loss = expect_tensor(got[1], "the value loss")
        advantages = (returns - values).detach()
        right = -(log_probs * advantages).sum().item()
        if abs(policy_loss.item() + right) < 1e-3 and abs(right) > 1e-3:
            raise CheckFailed(
                f"case {number}: the policy loss is {policy_loss.item():.4f}, the expected value "
                f"with the opposite sign: the loss is MINUS sum_t log pi (G_t - v), so that "
                "gradient descent raises the log-probability of better-than-expected actions"
            )
        expect_close(policy_loss.item(), right, f"case {number}: the policy loss", atol=1e-3)
        expect_close(
            value_loss.item(),
            ((values - returns) ** 2).mean().item(),
            f"case {number}: the value loss (mean of (v - G)^2)",
            atol=1e-3,
        )
        policy_loss.backward()
        if values.grad is not None and values.grad.abs().sum() > 0:
            raise CheckFailed(
                f"case {number}: the policy loss sent a gradient into the values: detach the "
                "baseline (values.detach()); the value network learns from its own loss only"
            )
        expect_true(log_probs.grad is not None, "no gradient reached the log-probabilities")
        assert log_probs.grad is not None
        expect_close(
            log_probs.grad, -advantages, f"case {number}: d policy loss / d log_probs", atol=1e-4
        )


def check(module: ModuleType) -> None:
    check_returns(get_function(module, "returns_to_go"))
    check_losses(get_function(module, "reinforce_losses"))
    # A short run of the given loop: your pieces must change the policy's weights.
    torch.set_num_threads(1)
    policy, totals = get_function(module, "train")(episodes=3, seed=0)
    seed_everything(0)  # `train` builds the policy right after this same call
    initial = make_policy(4, 2, (64,))
    expect_true(len(totals) == 3, f"train(3, seed=0) returned {len(totals)} episode totals")
    same = [
        torch.equal(p, q) for p, q in zip(policy.parameters(), initial.parameters(), strict=True)
    ]
    expect_true(not any(same), "train(3, seed=0) left some of the policy's weights unchanged")
