"""Exercise 3: potential-based shaping on a model, and a test that it keeps the optimal policy.

Fill in the three functions, then run this file and `rlcourse check 7.4`.
"""

from __future__ import annotations

import numpy as np

from rlcourse.dp import value_iteration  # noqa: F401 (you will need it)
from rlcourse.mdp import TabularMDP


def potential_shaping(mdp: TabularMDP, potential: np.ndarray, gamma: float) -> TabularMDP:
    """The same MDP with the expected shaping term added to every reward:
    r'(s, a) = r(s, a) + gamma * sum_s' p(s' | s, a) Phi(s') - Phi(s), shape (S, A).

    ``potential`` is Phi, shape (S,). A terminating move is absent from ``continue_probs``,
    so the sum counts Phi as 0 after the end of the episode. The transitions do not change.
    """
    raise NotImplementedError("potential_shaping")


def optimal_action_sets(mdp: TabularMDP, gamma: float, tolerance: float = 1e-6) -> np.ndarray:
    """(S, A) booleans: True where q*(s, a) is within ``tolerance`` of max_a q*(s, a), with
    q* from value iteration. Every optimal action counts, not only the one argmax picks."""
    raise NotImplementedError("optimal_action_sets")


def same_optimal_actions(first: TabularMDP, second: TabularMDP, gamma: float) -> bool:
    """Whether the two MDPs have the same optimal actions in every state."""
    raise NotImplementedError("same_optimal_actions")


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    n_states, n_actions, gamma = 6, 3, 0.9
    probs = rng.random((n_states, n_actions, n_states))
    probs *= 0.95 / probs.sum(axis=2, keepdims=True)  # 5% of the moves end the episode
    mdp = TabularMDP(probs, rng.normal(size=(n_states, n_actions)))
    for trial in range(3):
        potential = rng.normal(scale=5.0, size=n_states)
        shaped = potential_shaping(mdp, potential, gamma)
        bonus = mdp.expected_rewards.copy()
        bonus[trial, 0] += 2.0  # a bonus for one action in one state: not a potential
        other = TabularMDP(probs, bonus)
        print(
            f"trial {trial}: shaped keeps the optimal actions: "
            f"{same_optimal_actions(mdp, shaped, gamma)}; a bonus on ({trial}, 0) keeps them: "
            f"{same_optimal_actions(mdp, other, gamma)}"
        )
