"""Exercise 2: state values and action values of a policy, and the Bellman equation of q.

Fill in the four functions, then run this file and `rlcourse check 4.6`.
"""

from __future__ import annotations

import torch

from rlcourse.mdp import hiking_trip, to_tabular, uniform_policy


def action_values(
    transition_probs: torch.Tensor,
    expected_rewards: torch.Tensor,
    values: torch.Tensor,
    gamma: float,
) -> torch.Tensor:
    """q(s, a) = r(s, a) + gamma sum_s' p(s'|s, a) v(s'), shape (S, A).

    transition_probs (S, A, S), expected_rewards (S, A), values (S,), all float64. Moves
    that end the episode are left out of transition_probs, as in
    rlcourse.mdp.TabularMDP.continue_probs: they add no future value.
    """
    raise NotImplementedError("action_values")


def state_values(policy: torch.Tensor, q_values: torch.Tensor) -> torch.Tensor:
    """v(s) = sum_a pi(a|s) q(s, a), shape (S,), from policy (S, A) and q_values (S, A)."""
    raise NotImplementedError("state_values")


def q_transition_matrix(transition_probs: torch.Tensor, policy: torch.Tensor) -> torch.Tensor:
    """The (S*A, S*A) matrix M of the Bellman equation for q, q = r + gamma M q, with the
    pairs (s, a) flattened row by row (index s * A + a):

        M[s * A + a, s2 * A + a2] = p(s2 | s, a) * pi(a2 | s2)
    """
    raise NotImplementedError("q_transition_matrix")


def solve_action_values(
    transition_probs: torch.Tensor,
    expected_rewards: torch.Tensor,
    policy: torch.Tensor,
    gamma: float,
) -> torch.Tensor:
    """q_pi, shape (S, A), by solving (I - gamma M) q = r as one linear system of size S*A."""
    raise NotImplementedError("solve_action_values: use q_transition_matrix")


if __name__ == "__main__":
    # The hike of Part 4.2 under the random policy: is scrambling from the forest better?
    hike = hiking_trip()
    arrays = to_tabular(hike)
    probs = torch.from_numpy(arrays.continue_probs)  # (S, A, S)
    rewards = torch.from_numpy(arrays.expected_rewards)  # (S, A)
    policy = torch.from_numpy(uniform_policy(hike.n_states, hike.n_actions))
    q = solve_action_values(probs, rewards, policy, hike.gamma)
    v = state_values(policy, q)
    print(f"v_pi from q_pi: {dict(zip(hike.states, v.tolist(), strict=True))}")
    print(f"q from v agrees: {torch.allclose(action_values(probs, rewards, v, hike.gamma), q)}")
    for state in hike.acting_states:
        row = q[hike.state_index(state)]
        print(
            f"{state:<10} "
            + "  ".join(f"q({a}) = {float(x):7.4f}" for a, x in zip(hike.actions, row, strict=True))
        )
