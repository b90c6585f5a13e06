"""Exercise 4: Implement a simple policy and compute expected reward (solution).

A deterministic policy is a choice of one action per non-terminal state, written as a
dict such as {"trailhead": "trail", "forest": "scramble", "ridge": "trail"}. With two
actions and three states there are 2**3 = 8 of them: few enough to try them all.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping

import numpy as np
import torch

from rlcourse.mdp import MDP, policy_from_choices, to_tabular


def exact_values(mdp: MDP, policy: np.ndarray) -> np.ndarray:
    """v_pi for every state, shape (S,), float64, by solving (I - gamma P_pi) v = r_pi.

    ``policy`` has shape (S, A). Build P_pi (S, S) and r_pi (S,) from the arrays of
    ``to_tabular(mdp)`` and solve the linear system; terminal states get value 0.
    """
    arrays = to_tabular(mdp)  # continue_probs (S, A, S), expected_rewards (S, A)
    p_pi = torch.from_numpy(np.einsum("sa,sat->st", policy, arrays.continue_probs))
    r_pi = torch.from_numpy((policy * arrays.expected_rewards).sum(axis=1))
    identity = torch.eye(mdp.n_states, dtype=torch.float64)
    return torch.linalg.solve(identity - mdp.gamma * p_pi, r_pi).numpy()


def expected_return(mdp: MDP, choices: Mapping[str, str]) -> float:
    """The expected discounted return from ``mdp.start_state`` of the deterministic policy."""
    values = exact_values(mdp, policy_from_choices(mdp, choices))
    return float(values[mdp.state_index(mdp.start_state)])


def best_deterministic_policy(mdp: MDP) -> dict[str, str]:
    """The deterministic policy with the highest expected return from the start state.

    Try every combination of one action per non-terminal state (itertools.product helps).
    """
    candidates = [
        dict(zip(mdp.acting_states, actions, strict=True))
        for actions in itertools.product(mdp.actions, repeat=len(mdp.acting_states))
    ]
    return max(candidates, key=lambda choices: expected_return(mdp, choices))
