"""Check of exercise 3: shaped rewards on seeded random MDPs, the sets of optimal actions
(ties included), and the comparison of two MDPs' optimal actions."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_array_equal,
    expect_close,
    expect_equal,
    expect_type,
    get_function,
    random_cases,
)
from rlcourse.dp import value_iteration
from rlcourse.mdp import TabularMDP

GAMMA = 0.9


def random_mdp(rng: np.random.Generator) -> TabularMDP:
    """A random MDP whose moves end the episode with some probability; action 1 copies
    action 0 in one state, so that state has two optimal actions or neither is optimal."""
    n_states, n_actions = int(rng.integers(3, 7)), int(rng.integers(2, 4))
    probs = rng.random((n_states, n_actions, n_states))
    probs *= rng.uniform(0.7, 0.95, (n_states, n_actions, 1)) / probs.sum(axis=2, keepdims=True)
    rewards = rng.normal(size=(n_states, n_actions))
    probs[0, 1], rewards[0, 1] = probs[0, 0], rewards[0, 0]
    rewards[0, 0] = rewards[0, 1] = rewards[0].max() + 1.0  # the tie is the best choice
    return TabularMDP(probs, rewards)


def reference_sets(mdp: TabularMDP) -> np.ndarray:
    q = value_iteration(mdp, GAMMA).q_values.numpy()
    return q >= q.max(axis=1, keepdims=True) - 1e-6


def check_shaping(shape: Callable[..., Any], cases: list[tuple[TabularMDP, np.ndarray]]) -> None:
    for number, (mdp, potential) in enumerate(cases):
        got = expect_type(shape(mdp, potential, GAMMA), TabularMDP, "potential_shaping(...)")
        expect_close(
            got.continue_probs, mdp.continue_probs, "potential_shaping: continue_probs (unchanged)"
        )
        next_potential = mdp.continue_probs @ potential
        expected = mdp.expected_rewards + GAMMA * next_potential - potential[:, None]
        without_gamma = mdp.expected_rewards + next_potential - potential[:, None]
        if np.allclose(got.expected_rewards, without_gamma):
            raise CheckFailed(
                f"random case {number}: your shaping term is Phi(s') - Phi(s); with gamma < 1 "
                "only gamma Phi(s') - Phi(s) leaves the optimal policy unchanged"
            )
        expect_close(
            got.expected_rewards,
            expected,
            f"random case {number} (gamma {GAMMA}): shaped rewards "
            "r(s, a) + gamma sum_s' p(s' | s, a) Phi(s') - Phi(s)",
        )


def check_sets(sets: Callable[..., Any], cases: list[tuple[TabularMDP, np.ndarray]]) -> None:
    for number, (mdp, _) in enumerate(cases):
        got = np.asarray(sets(mdp, GAMMA))
        expected = reference_sets(mdp)
        if expected[0, 0] and expected[0, 1] and got.shape == expected.shape:
            expect_equal(
                (bool(got[0, 0]), bool(got[0, 1])),
                (True, True),
                f"random case {number}: actions 0 and 1 of state 0 are tied at the best value, "
                "so optimal_action_sets marks both (not only the argmax)",
            )
        expect_array_equal(got, expected, f"random case {number}: optimal_action_sets")


def check_comparison(same: Callable[..., Any], cases: list[tuple[TabularMDP, np.ndarray]]) -> None:
    for number, (mdp, potential) in enumerate(cases):
        shaped_rewards = (
            mdp.expected_rewards + GAMMA * mdp.continue_probs @ potential - potential[:, None]
        )
        shaped = TabularMDP(mdp.continue_probs, shaped_rewards)
        expect_equal(
            bool(same(mdp, shaped, GAMMA)),
            True,
            f"random case {number}: same_optimal_actions(mdp, shaped by a potential)",
        )
        bonus = mdp.expected_rewards.copy()
        bonus[-1, -1] += 3.0  # a bonus for one action in one state
        other = TabularMDP(mdp.continue_probs, bonus)
        changed = bool((reference_sets(mdp) != reference_sets(other)).any())
        expect_equal(
            bool(same(mdp, other, GAMMA)),
            not changed,
            f"random case {number}: same_optimal_actions(mdp, with a bonus of 3 on the last "
            f"action of the last state) (that bonus {'changes' if changed else 'keeps'} them)",
        )


def check(module: ModuleType) -> None:
    cases = random_cases(
        74, 8, lambda rng: (mdp := random_mdp(rng), rng.normal(scale=4.0, size=mdp.n_states))
    )
    check_shaping(get_function(module, "potential_shaping"), cases)
    check_sets(get_function(module, "optimal_action_sets"), cases)
    check_comparison(get_function(module, "same_optimal_actions"), cases)
