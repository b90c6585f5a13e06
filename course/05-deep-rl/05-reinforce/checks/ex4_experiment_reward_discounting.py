"""Check of exercise 4: per-episode gradients against autograd on seeded CartPole episodes,
the noise-to-signal ratio and the cosine against references, and the report."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import gymnasium as gym
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
from rlcourse.agents.reinforce import Episode, make_policy, play_episode


def sample(seed: int, count: int) -> tuple[torch.nn.Module, list[Episode]]:
    torch.manual_seed(seed)
    policy = make_policy(4, 2, (8,))
    env = gym.make("CartPole-v1")
    env.reset(seed=seed)
    episodes = [play_episode(env, policy, torch.device("cpu")) for _ in range(count)]
    env.close()
    return policy, episodes


def reference_rows(
    policy: torch.nn.Module, episodes: list[Episode], gamma: float, whole: bool = False
) -> torch.Tensor:
    """Each episode's gradient of sum_t log pi G_t, from torch.autograd.grad (fresh each)."""
    parameters = list(policy.parameters())
    rows = []
    for episode in episodes:
        log_pi = torch.log_softmax(policy(episode.observations), dim=1)
        taken = log_pi.gather(1, episode.actions.unsqueeze(1)).squeeze(1)
        rewards = episode.rewards.tolist()
        if whole:
            weights = [sum(rewards)] * len(rewards)
        else:
            weights = [
                sum(gamma**k * r for k, r in enumerate(rewards[t:])) for t in range(len(rewards))
            ]
        objective = (taken * torch.tensor(weights)).sum()
        grads = torch.autograd.grad(objective, parameters)
        rows.append(torch.cat([g.flatten() for g in grads]))
    return torch.stack(rows)


def check_gradients(episode_gradients: Any) -> None:
    for seed, gamma in [(0, 0.9), (1, 1.0), (2, 0.99)]:
        policy, episodes = sample(seed, 5)
        got = expect_tensor(episode_gradients(policy, episodes, gamma), "episode_gradients")
        right = reference_rows(policy, episodes, gamma)
        what = f"episode_gradients of 5 episodes, gamma {gamma} (seed {seed})"
        expect_shape(got, tuple(right.shape), what)
        if torch.allclose(got, -right, atol=1e-4):
            raise CheckFailed(
                f"{what}: your rows point the opposite way: return the gradient of "
                "sum_t log pi(A_t | S_t) G_t, the direction that raises the return"
            )
        if torch.allclose(got, right.cumsum(dim=0), atol=1e-4):
            raise CheckFailed(
                f"{what}: row i holds the sum of the gradients of episodes 0..i: "
                ".grad adds up across backward calls; call policy.zero_grad() "
                "before each episode"
            )
        if torch.allclose(got, reference_rows(policy, episodes, gamma, whole=True), atol=1e-4):
            raise CheckFailed(
                f"{what}: every step was weighted by the whole episode's return; "
                "use the reward-to-go G_t (reward_to_go)"
            )
        expect_close(got, right, what, atol=1e-4)


def matrix(rng: np.random.Generator) -> torch.Tensor:
    rows, columns = int(rng.integers(3, 8)), int(rng.integers(2, 6))
    return torch.tensor(rng.normal(0.5, 1.0, size=(rows, columns)), dtype=torch.float32)


def check_ratio_and_cosine(noise_to_signal: Any, cosine: Any) -> None:
    for number, gradients in enumerate(random_cases(31, 4, matrix), start=1):
        mean = gradients.double().mean(dim=0)
        centred = gradients.double() - mean
        right = float(
            (centred.square().sum(dim=0) / (len(gradients) - 1)).sum() / mean.square().sum()
        )
        got = float(noise_to_signal(gradients))
        biased = right * (len(gradients) - 1) / len(gradients)
        if abs(got - biased) < 1e-4 * abs(right) and abs(right - biased) > 1e-4 * abs(right):
            raise CheckFailed(
                f"case {number}: noise_to_signal = {got:.5f} uses the population "
                "variance (divided by N); use sample variances (N - 1), "
                "gradients.var(dim=0)"
            )
        expect_close(
            got,
            right,
            f"case {number}: noise_to_signal of a {tuple(gradients.shape)} matrix",
            rtol=1e-4,
        )
        a, b = gradients[0], gradients[-1]
        right_cos = float((a.double() @ b.double()) / (a.double().norm() * b.double().norm()))
        got_cos = float(cosine(a, b))
        expect_true(
            -1.0 - 1e-6 <= got_cos <= 1.0 + 1e-6,
            f"case {number}: cosine = {got_cos:.4f} lies outside [-1, 1]: divide the dot "
            "product by both vectors' lengths",
        )
        expect_close(got_cos, right_cos, f"case {number}: cosine of two rows", atol=1e-5)


def check(module: ModuleType) -> None:
    check_gradients(get_function(module, "episode_gradients"))
    check_ratio_and_cosine(get_function(module, "noise_to_signal"), get_function(module, "cosine"))
    report = get_function(module, "discount_report")
    policy, episodes = sample(3, 6)
    got = report(policy, episodes, [0.9, 0.99])
    expect_true(
        isinstance(got, dict) and sorted(got) == [0.9, 0.99],
        f"discount_report(..., [0.9, 0.99]) should have the keys 0.9 and 0.99, got {got!r}",
    )
    undiscounted = reference_rows(policy, episodes, 1.0).mean(dim=0)
    for gamma in (0.9, 0.99):
        rows = reference_rows(policy, episodes, gamma)
        mean = rows.mean(dim=0)
        noise = float(rows.var(dim=0).sum() / mean.square().sum())
        alignment = float(mean @ undiscounted / (mean.norm() * undiscounted.norm()))
        expect_close(
            np.array(got[gamma], dtype=float),
            np.array([noise, alignment]),
            f"discount_report[{gamma}] = (noise-to-signal, cosine with the gamma = 1 mean)",
            atol=1e-4,
            rtol=1e-3,
        )
