"""Check of exercise 2: q from v, v from q, and the Bellman equation of q as one system,
on random MDPs of several sizes against answers computed here with loops."""

from __future__ import annotations

from types import ModuleType

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

GAMMA = 0.9


def small_mdp(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A random MDP with a terminal last state, and a random stochastic policy."""
    n_states, n_actions = int(rng.integers(3, 6)), int(rng.integers(2, 5))
    probs = rng.random((n_states, n_actions, n_states))
    probs *= rng.uniform(0.6, 1.0, size=(n_states, n_actions, 1)) / probs.sum(axis=2, keepdims=True)
    probs[-1] = 0.0
    rewards = rng.normal(size=(n_states, n_actions))
    rewards[-1] = 0.0
    policy = rng.dirichlet(np.ones(n_actions), size=n_states)
    return probs, rewards, policy


def expected_answers(
    probs: np.ndarray, rewards: np.ndarray, policy: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """v_pi, q_pi and the matrix M, entry by entry with loops."""
    n_states, n_actions = policy.shape
    p_pi = np.zeros((n_states, n_states))
    r_pi = np.zeros(n_states)
    for s in range(n_states):
        for a in range(n_actions):
            r_pi[s] += policy[s, a] * rewards[s, a]
            p_pi[s] += policy[s, a] * probs[s, a]
    v = np.linalg.solve(np.eye(n_states) - GAMMA * p_pi, r_pi)
    q = np.zeros((n_states, n_actions))
    m = np.zeros((n_states * n_actions, n_states * n_actions))
    for s in range(n_states):
        for a in range(n_actions):
            q[s, a] = rewards[s, a] + GAMMA * sum(probs[s, a, t] * v[t] for t in range(n_states))
            for t in range(n_states):
                for b in range(n_actions):
                    m[s * n_actions + a, t * n_actions + b] = probs[s, a, t] * policy[t, b]
    return v, q, m


def check_case(
    module: ModuleType, probs: np.ndarray, rewards: np.ndarray, policy: np.ndarray
) -> None:
    n_states, n_actions = policy.shape
    size = f"S = {n_states}, A = {n_actions}"
    v, q, m = expected_answers(probs, rewards, policy)
    p_t, r_t, pi_t, v_t = (torch.from_numpy(x) for x in (probs, rewards, policy, v))

    got = expect_tensor(module.action_values(p_t, r_t, v_t, GAMMA), f"action_values ({size})")
    expect_shape(got, (n_states, n_actions), f"action_values ({size})")
    expect_dtype(got, torch.float64, f"action_values ({size})")
    expect_close(
        got, q, f"action_values ({size}): q(s, a) = r(s, a) + gamma sum_s' p(s'|s, a) v(s')"
    )

    got = expect_tensor(module.state_values(pi_t, torch.from_numpy(q)), f"state_values ({size})")
    expect_shape(got, (n_states,), f"state_values ({size})")
    if np.allclose(got.numpy(), q.max(axis=1)):
        raise CheckFailed(
            f"state_values ({size}): got max_a q(s, a), the greedy value; v_pi averages "
            "over the policy's actions: v(s) = sum_a pi(a|s) q(s, a)"
        )
    expect_close(got, v, f"state_values ({size}): v(s) = sum_a pi(a|s) q(s, a)")

    got = expect_tensor(module.q_transition_matrix(p_t, pi_t), f"q_transition_matrix ({size})")
    expect_shape(got, m.shape, f"q_transition_matrix ({size})")
    own_state = np.einsum("sat,sb->satb", probs, policy).reshape(m.shape)
    if np.allclose(got.numpy(), own_state):
        raise CheckFailed(
            f"q_transition_matrix ({size}): the next action's probability must be "
            "pi(a2|s2), at the next state s2, not pi(a2|s) at the current one"
        )
    expect_close(
        got, m, f"q_transition_matrix ({size}): M[s*A + a, s2*A + a2] = p(s2|s, a) pi(a2|s2)"
    )

    got = expect_tensor(
        module.solve_action_values(p_t, r_t, pi_t, GAMMA), f"solve_action_values ({size})"
    )
    expect_shape(got, (n_states, n_actions), f"solve_action_values ({size})")
    expect_close(got, q, f"solve_action_values ({size}): q_pi", atol=1e-9)


def check(module: ModuleType) -> None:
    for name in ("action_values", "state_values", "q_transition_matrix", "solve_action_values"):
        get_function(module, name)
    for probs, rewards, policy in random_cases(6, 3, small_mdp):
        check_case(module, probs, rewards, policy)
