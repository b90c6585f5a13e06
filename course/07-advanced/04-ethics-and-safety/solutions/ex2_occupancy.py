"""Exercise 2: where does an agent spend its time? The occupancy of a policy, exactly.

Fill in ``occupancy``, ``expected_return`` and ``time_share``, then run this file and
`rlcourse check 7.4`.
"""

from __future__ import annotations

import numpy as np
import torch

from rlcourse.agents.tabular import greedy_actions
from rlcourse.dp import policy_dynamics, value_iteration
from rlcourse.mdp import MDP, Outcome, TabularMDP, deterministic_policy, to_tabular


def occupancy(mdp: TabularMDP, policy: np.ndarray, start: np.ndarray, horizon: int) -> torch.Tensor:
    """n(s) = d_0(s) + d_1(s) + ... + d_{H-1}(s), shape (S,), float64: the expected number
    of steps taken from state s in an episode cut after H = ``horizon`` steps.

    d_0 = ``start`` (S,), and d_{t+1}(s') = sum_s d_t(s) P_pi(s, s'), with P_pi from
    ``policy_dynamics`` (Part 4.6): a terminating step leaves the distribution, so the
    entries of d_t sum to the probability that the episode is still running at step t.
    """
    p_pi, _ = policy_dynamics(mdp, policy)  # (S, S)
    d = torch.as_tensor(start, dtype=torch.float64)  # (S,)
    visits = torch.zeros_like(d)
    for _ in range(horizon):
        visits += d
        d = d @ p_pi  # (S,) @ (S, S): a row vector times the matrix
    return visits


def expected_return(mdp: TabularMDP, policy: np.ndarray, visits: torch.Tensor) -> float:
    """The expected undiscounted return, sum_s n(s) r_pi(s), with
    r_pi(s) = sum_a pi(a | s) r(s, a) written out here (not from policy_dynamics)."""
    rewards = torch.as_tensor(mdp.expected_rewards, dtype=torch.float64)  # (S, A)
    r_pi = (torch.as_tensor(policy, dtype=torch.float64) * rewards).sum(dim=1)  # (S,)
    return float(visits @ r_pi)


def time_share(visits: torch.Tensor, states: list[int]) -> float:
    """The share of all the steps of an episode that are taken from ``states``."""
    return float(visits[states].sum() / visits.sum())


def buoy_race(gamma: float = 0.99) -> MDP:
    """The race of the post in five states: the buoy pays 1 on every entry, the finish 10."""
    forward = {"start": "lane", "lane": "buoy", "buoy": "straight", "straight": "finish"}
    back = {"start": "start", "lane": "start", "buoy": "lane", "straight": "buoy"}

    def outcome(state: str) -> tuple[Outcome, ...]:
        paid = {"buoy": 1.0, "finish": 10.0}.get(state, 0.0)
        return (Outcome(state, 1.0, paid),)

    return MDP(
        states=("start", "lane", "buoy", "straight", "finish"),
        actions=("forward", "back"),
        transitions={
            s: {"forward": outcome(forward[s]), "back": outcome(back[s])} for s in forward
        },
        terminal_states=frozenset({"finish"}),
        start_state="start",
        gamma=gamma,
    )


if __name__ == "__main__":
    race = buoy_race()
    model = to_tabular(race)
    actions = greedy_actions(value_iteration(model, race.gamma).q_values)
    policy = deterministic_policy(actions, model.n_actions)
    start = np.eye(model.n_states)[race.state_index("start")]
    visits = occupancy(model, policy, start, horizon=100)
    print("optimal actions:", {s: race.actions[actions[i]] for i, s in enumerate(race.states)})
    print("steps taken from each state:", dict(zip(race.states, visits.tolist(), strict=True)))
    print(f"points in 100 steps: {expected_return(model, policy, visits):.1f}")
    loop = [race.state_index("buoy"), race.state_index("straight")]
    print(f"share of the time spent circling the buoy: {time_share(visits, loop):.2f}")
