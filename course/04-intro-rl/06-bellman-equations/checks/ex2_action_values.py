"""Check of exercise 2: q from v, v from q, and the Bellman equation of q as one system."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import expect_close, expect_shape, expect_tensor, get_function

N_STATES, N_ACTIONS, GAMMA = 4, 3, 0.9


def small_mdp() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A random MDP with a terminal last state, and a random stochastic policy."""
    rng = np.random.default_rng(6)
    probs = rng.random((N_STATES, N_ACTIONS, N_STATES))
    probs *= rng.uniform(0.6, 1.0, size=(N_STATES, N_ACTIONS, 1)) / probs.sum(axis=2, keepdims=True)
    probs[-1] = 0.0
    rewards = rng.normal(size=(N_STATES, N_ACTIONS))
    rewards[-1] = 0.0
    policy = rng.dirichlet(np.ones(N_ACTIONS), size=N_STATES)
    return probs, rewards, policy


def expected_answers(
    probs: np.ndarray, rewards: np.ndarray, policy: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """v_pi, q_pi and the matrix M, entry by entry with loops."""
    p_pi = np.zeros((N_STATES, N_STATES))
    r_pi = np.zeros(N_STATES)
    for s in range(N_STATES):
        for a in range(N_ACTIONS):
            r_pi[s] += policy[s, a] * rewards[s, a]
            p_pi[s] += policy[s, a] * probs[s, a]
    v = np.linalg.solve(np.eye(N_STATES) - GAMMA * p_pi, r_pi)
    q = np.zeros((N_STATES, N_ACTIONS))
    m = np.zeros((N_STATES * N_ACTIONS, N_STATES * N_ACTIONS))
    for s in range(N_STATES):
        for a in range(N_ACTIONS):
            q[s, a] = rewards[s, a] + GAMMA * sum(probs[s, a, t] * v[t] for t in range(N_STATES))
            for t in range(N_STATES):
                for b in range(N_ACTIONS):
                    m[s * N_ACTIONS + a, t * N_ACTIONS + b] = probs[s, a, t] * policy[t, b]
    return v, q, m


def check(module: ModuleType) -> None:
    action_values = get_function(module, "action_values")
    state_values = get_function(module, "state_values")
    q_transition_matrix = get_function(module, "q_transition_matrix")
    solve_action_values = get_function(module, "solve_action_values")
    probs, rewards, policy = small_mdp()
    v, q, m = expected_answers(probs, rewards, policy)
    p_t, r_t, pi_t, v_t = (torch.from_numpy(x) for x in (probs, rewards, policy, v))

    got = expect_tensor(action_values(p_t, r_t, v_t, GAMMA), "action_values(...)")
    expect_shape(got, (N_STATES, N_ACTIONS), "action_values(...)")
    expect_close(got, q, "action_values: q(s, a) = r(s, a) + gamma sum_s' p(s'|s, a) v(s')")

    got = expect_tensor(state_values(pi_t, torch.from_numpy(q)), "state_values(policy, q)")
    expect_shape(got, (N_STATES,), "state_values(policy, q)")
    expect_close(got, v, "state_values: v(s) = sum_a pi(a|s) q(s, a)")

    size = N_STATES * N_ACTIONS
    got = expect_tensor(q_transition_matrix(p_t, pi_t), "q_transition_matrix(probs, policy)")
    expect_shape(got, (size, size), "q_transition_matrix(probs, policy)")
    expect_close(got, m, "q_transition_matrix: M[s*A + a, s2*A + a2] = p(s2|s, a) pi(a2|s2)")

    got = expect_tensor(solve_action_values(p_t, r_t, pi_t, GAMMA), "solve_action_values(...)")
    expect_shape(got, (N_STATES, N_ACTIONS), "solve_action_values(...)")
    expect_close(got, q, "solve_action_values: q_pi", atol=1e-9)
