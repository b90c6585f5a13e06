"""Exercise 4: Implement a simple policy and compute expected reward.

A deterministic policy is a choice of one action per non-terminal state, written as a
dict such as {"trailhead": "trail", "forest": "scramble", "ridge": "trail"}. With two
actions and three states there are 2**3 = 8 of them: few enough to try them all.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import torch  # noqa: F401  (torch.linalg.solve is one way to solve the system)

from rlcourse.mdp import MDP, policy_from_choices, to_tabular  # noqa: F401


def exact_values(mdp: MDP, policy: np.ndarray) -> np.ndarray:
    """v_pi for every state, shape (S,), float64, by solving (I - gamma P_pi) v = r_pi.

    ``policy`` has shape (S, A). Build P_pi (S, S) and r_pi (S,) from the arrays of
    ``to_tabular(mdp)`` and solve the linear system; terminal states get value 0.
    """
    raise NotImplementedError("P_pi = sum_a pi(a|s) p[s, a, :], r_pi = sum_a pi(a|s) r(s, a)")


def expected_return(mdp: MDP, choices: Mapping[str, str]) -> float:
    """The expected discounted return from ``mdp.start_state`` of the deterministic policy."""
    raise NotImplementedError("turn the choices into a policy table and evaluate it")


def best_deterministic_policy(mdp: MDP) -> dict[str, str]:
    """The deterministic policy with the highest expected return from the start state.

    Try every combination of one action per non-terminal state (itertools.product helps).
    """
    raise NotImplementedError("enumerate the policies, keep the best")
