"""Exercise 4: improve a policy without a model, from Monte Carlo estimates of Q.

Fill in the two functions, then run this file and `rlcourse check 4.5`.
"""

from __future__ import annotations

import gymnasium as gym
import numpy as np

from rlcourse.agents.prediction import epsilon_soft, play_episode
from rlcourse.dp import evaluate_policy, value_iteration
from rlcourse.envs import GRIDWORLD_ID
from rlcourse.envs.gridworld import unwrap_gridworld
from rlcourse.episodes import Episode
from rlcourse.mdp import deterministic_policy, tabular_mdp, uniform_policy

BRIDGE_LAYOUT = ("....", "..T.", ".T..", "S..G")  # the grid of Demo 4


def first_visit_q(
    episodes: list[Episode], n_states: int, n_actions: int, gamma: float
) -> tuple[np.ndarray, np.ndarray]:
    """First-visit Monte Carlo estimate of q_pi from ``episodes`` played by pi.

    Returns (q, counts), both of shape (n_states, n_actions): q[s, a] is the mean of the
    returns G_t that follow the first time t of each episode at which (S_t, A_t) = (s, a),
    and counts[s, a] how many such returns there were (q is 0 where counts is 0).
    """
    totals = np.zeros((n_states, n_actions))
    counts = np.zeros((n_states, n_actions))
    for episode in episodes:
        following = 0.0
        first_return: dict[tuple[int, int], float] = {}
        for step in reversed(episode):  # backwards: the last write for a pair is its first visit
            following = step.reward + gamma * following
            first_return[(step.state, step.action)] = following
        for (state, action), g in first_return.items():
            totals[state, action] += g
            counts[state, action] += 1
    q = np.divide(totals, counts, out=np.zeros_like(totals), where=counts > 0)
    return q, counts


def greedy_from_q(q: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """argmax_a q[s, a] over the actions tried in s (counts[s, a] > 0), shape (n_states,).

    An untried action has no estimate at all (its 0 is not a value), so it never wins;
    in a state where nothing was tried, return action 0. Ties go to the lowest action.
    """
    tried_only = np.where(counts > 0, q, -np.inf)
    return np.where(counts.sum(axis=1) > 0, np.argmax(tried_only, axis=1), 0)


if __name__ == "__main__":
    env = gym.make(GRIDWORLD_ID, layout=BRIDGE_LAYOUT, slip_probability=0.2, trap_penalty=10.0)
    grid = unwrap_gridworld(env)
    mdp = tabular_mdp(grid.P, 16, 4)
    start = grid.initial_state_distrib
    optimal = value_iteration(mdp, gamma=1.0).q_values.argmax(dim=1).numpy()
    best = evaluate_policy(mdp, deterministic_policy(optimal, 4), start, 200).expected_return
    env.reset(seed=0)
    rng = np.random.default_rng(0)
    policy = uniform_policy(16, 4)
    for round_number in range(1, 6):
        episodes = [play_episode(env, policy, rng) for _ in range(200)]
        q, counts = first_visit_q(episodes, 16, 4, gamma=1.0)
        actions = greedy_from_q(q, counts)
        policy = epsilon_soft(actions, 4, epsilon=0.2)  # keep trying every action
        greedy = evaluate_policy(mdp, deterministic_policy(actions, 4), start, 200)
        print(f"round {round_number}: greedy policy's exact return {greedy.expected_return:.3f}")
    print(f"optimum: {best:.3f}")
