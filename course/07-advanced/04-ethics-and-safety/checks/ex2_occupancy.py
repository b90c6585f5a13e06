"""Check of exercise 2: occupancy, expected return and time share on seeded random MDPs,
against a reference computed here and against the library's finite-horizon evaluation."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_dtype,
    expect_shape,
    expect_tensor,
    get_function,
    random_cases,
)
from rlcourse.dp import evaluate_policy
from rlcourse.mdp import TabularMDP

Case = tuple[TabularMDP, np.ndarray, np.ndarray]


def random_case(rng: np.random.Generator) -> Case:
    """A random MDP whose steps end the episode with some probability, a stochastic
    policy and a start distribution."""
    n_states, n_actions = int(rng.integers(3, 7)), int(rng.integers(2, 4))
    probs = rng.random((n_states, n_actions, n_states)) ** 3  # uneven, far from symmetric
    probs /= probs.sum(axis=2, keepdims=True)
    probs *= rng.uniform(0.6, 1.0, (n_states, n_actions, 1))  # the rest ends the episode
    rewards = rng.normal(size=(n_states, n_actions))
    policy = rng.random((n_states, n_actions))
    policy /= policy.sum(axis=1, keepdims=True)
    start = rng.random(n_states)
    return TabularMDP(probs, rewards), policy, start / start.sum()


def reference(case: Case, horizon: int, transpose: bool = False) -> np.ndarray:
    """The occupancy; with ``transpose``, the one a learner gets by writing p_pi @ d."""
    mdp, policy, start = case
    p_pi = np.einsum("sa,sat->st", policy, mdp.continue_probs)
    d, visits = start.copy(), np.zeros_like(start)
    for _ in range(horizon):
        visits += d
        d = p_pi @ d if transpose else d @ p_pi
    return visits


def check_occupancy(occupancy: Callable[..., Any], cases: list[Case]) -> None:
    mdp, policy, start = cases[0]
    got = expect_tensor(occupancy(mdp, policy, start, 1), "occupancy(..., horizon=1)")
    expect_shape(got, start.shape, "occupancy(...)")
    expect_dtype(got, torch.float64, "occupancy(...)")
    expect_close(
        got,
        start,
        "occupancy with horizon 1 is the start distribution (one step, taken from the start; "
        "count d_0 and stop before d_H)",
    )
    for number, case in enumerate(cases):
        mdp, policy, start = case
        for horizon in (2, 7, 30):
            got = expect_tensor(occupancy(mdp, policy, start, horizon), "occupancy(...)")
            expected = reference(case, horizon)
            transposed = reference(case, horizon, transpose=True)
            if np.allclose(got.numpy(), transposed) and not np.allclose(got.numpy(), expected):
                raise CheckFailed(
                    f"random case {number}, horizon {horizon}: your occupancy moves the "
                    "distribution with p_pi @ d; d_{t+1}(s') = sum_s d_t(s) P_pi(s, s') is the "
                    "row vector times the matrix, d @ p_pi"
                )
            expect_close(got, expected, f"random case {number}: occupancy with horizon {horizon}")


def check_return(expected_return: Callable[..., Any], cases: list[Case]) -> None:
    for number, (mdp, policy, start) in enumerate(cases):
        visits = torch.as_tensor(reference((mdp, policy, start), 12))
        got = float(expected_return(mdp, policy, visits))
        library = evaluate_policy(mdp, policy, start, 12, gamma=1.0).expected_return
        expect_close(
            got,
            library,
            f"random case {number}: expected_return over 12 steps (sum_s n(s) r_pi(s), with "
            "r_pi(s) = sum_a pi(a | s) r(s, a))",
        )


def check_share(time_share: Callable[..., Any]) -> None:
    for number, visits in enumerate(random_cases(9, 5, lambda rng: rng.random(8) * 10)):
        states = [1, 4, 6]
        got = float(time_share(torch.as_tensor(visits), states))
        expect_close(got, visits[states].sum() / visits.sum(), f"case {number}: time_share")


def check(module: ModuleType) -> None:
    cases = random_cases(74, 6, random_case)
    check_occupancy(get_function(module, "occupancy"), cases)
    check_return(get_function(module, "expected_return"), cases)
    check_share(get_function(module, "time_share"))
