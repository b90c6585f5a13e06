"""Dynamic programming on a known tabular model (lesson 4.4 introduces it; 4.6 explains it).

The model comes in Gymnasium's toy-text format, ``P[state][action]``, a list of
``(probability, next_state, reward, terminated)`` tuples, as FrozenLake, CliffWalking,
Taxi (``env.unwrapped.P``) and :class:`rlcourse.envs.gridworld.GridWorldEnv` expose it.

:func:`tabular_mdp` turns it into arrays once:

* ``continue_probs[s, a, s']``: probability of moving to ``s'`` *without* terminating;
* ``expected_rewards[s, a]``: the expected reward of taking ``a`` in ``s``.

A transition that terminates contributes its reward but no future value, which is
exactly the rule "bootstrap on ``terminated`` only". Every Bellman equation below is
written with these two arrays.

A policy is an array ``policy[s, a]`` of action probabilities (rows sum to 1);
:func:`deterministic_policy` builds one from a vector of actions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

# P[state][action] = [(probability, next_state, reward, terminated), ...]
ToyTextModel = Mapping[int, Mapping[int, Sequence[tuple[float, int, float, bool]]]]


@dataclass(frozen=True)
class TabularMDP:
    """A finite MDP as arrays: ``continue_probs`` (S, A, S), ``expected_rewards`` (S, A)."""

    continue_probs: np.ndarray
    expected_rewards: np.ndarray

    @property
    def n_states(self) -> int:
        return self.expected_rewards.shape[0]

    @property
    def n_actions(self) -> int:
        return self.expected_rewards.shape[1]


@dataclass(frozen=True)
class ValueIterationResult:
    values: np.ndarray  # V*(s), shape (S,)
    q_values: np.ndarray  # Q*(s, a), shape (S, A)
    iterations: int


@dataclass(frozen=True)
class PolicyEvaluation:
    """What a policy earns from an initial-state distribution, under a step limit."""

    expected_return: float
    expected_length: float  # expected number of steps, counting a truncated episode's steps
    truncation_probability: float  # probability that the step limit ends the episode


def tabular_mdp(model: ToyTextModel, n_states: int, n_actions: int) -> TabularMDP:
    """Arrays of the toy-text model ``P[s][a]`` (see the module docstring)."""
    continue_probs = np.zeros((n_states, n_actions, n_states))
    expected_rewards = np.zeros((n_states, n_actions))
    for state in range(n_states):
        for action in range(n_actions):
            for probability, next_state, reward, terminated in model[state][action]:
                expected_rewards[state, action] += probability * reward
                if not terminated:
                    continue_probs[state, action, next_state] += probability
    return TabularMDP(continue_probs, expected_rewards)


def deterministic_policy(actions: np.ndarray, n_actions: int) -> np.ndarray:
    """The (S, A) policy matrix that takes ``actions[s]`` in state ``s`` with probability 1."""
    policy = np.zeros((len(actions), n_actions))
    policy[np.arange(len(actions)), actions] = 1.0
    return policy


# --8<-- [start:value_iteration]
def q_from_values(mdp: TabularMDP, values: np.ndarray, gamma: float) -> np.ndarray:
    """Q(s, a) = r(s, a) + gamma * sum_s' p_continue(s' | s, a) V(s'), shape (S, A)."""
    return mdp.expected_rewards + gamma * mdp.continue_probs @ values


def value_iteration(
    mdp: TabularMDP, gamma: float, tolerance: float = 1e-10, max_iterations: int = 100_000
) -> ValueIterationResult:
    """Apply the Bellman optimality operator V <- max_a Q(s, a) until V stops changing.

    With gamma = 1 this converges when every policy that never terminates collects
    unbounded cost (true for step costs), as in Taxi and the gridworld.
    """
    values = np.zeros(mdp.n_states)
    for iteration in range(1, max_iterations + 1):
        q_values = q_from_values(mdp, values, gamma)
        new_values = q_values.max(axis=1)
        change = float(np.max(np.abs(new_values - values)))
        values = new_values
        if change < tolerance:
            return ValueIterationResult(values, q_from_values(mdp, values, gamma), iteration)
    raise RuntimeError(f"value iteration did not converge in {max_iterations} iterations")


# --8<-- [end:value_iteration]


def policy_values(mdp: TabularMDP, policy: np.ndarray, gamma: float) -> np.ndarray:
    """V^pi exactly, by solving the linear Bellman equation (I - gamma P_pi) V = r_pi.

    ``P_pi[s, s'] = sum_a pi(a|s) p_continue(s'|s, a)`` and ``r_pi[s] = sum_a pi(a|s) r(s, a)``.
    Needs gamma < 1, or a policy that terminates with probability 1 from every state;
    otherwise the matrix is singular and NumPy raises ``LinAlgError``.
    """
    transition = np.einsum("sa,sat->st", policy, mdp.continue_probs)
    rewards = np.einsum("sa,sa->s", policy, mdp.expected_rewards)
    return np.linalg.solve(np.eye(mdp.n_states) - gamma * transition, rewards)


# --8<-- [start:evaluate_policy]
def evaluate_policy(
    mdp: TabularMDP,
    policy: np.ndarray,
    initial_distribution: np.ndarray,
    max_steps: int,
    gamma: float = 1.0,
) -> PolicyEvaluation:
    """Expected return and episode length of ``policy`` when episodes stop after ``max_steps``.

    Exact, by backward recursion over the steps left, h = 1 .. max_steps:
        G_h = r_pi + gamma * P_pi G_{h-1}     (expected return with h steps left)
        L_h = 1 + P_pi L_{h-1}                (expected steps taken with h steps left)
        A_h = P_pi A_{h-1}, A_0 = 1           (probability of still running after h steps)
    ``P_pi`` holds only non-terminating transitions, so terminated episodes stop adding.
    """
    transition = np.einsum("sa,sat->st", policy, mdp.continue_probs)  # (S, S)
    rewards = np.einsum("sa,sa->s", policy, mdp.expected_rewards)  # (S,)
    returns = np.zeros(mdp.n_states)
    lengths = np.zeros(mdp.n_states)
    alive = np.ones(mdp.n_states)
    for _ in range(max_steps):
        returns = rewards + gamma * transition @ returns
        lengths = 1.0 + transition @ lengths
        alive = transition @ alive
    return PolicyEvaluation(
        expected_return=float(initial_distribution @ returns),
        expected_length=float(initial_distribution @ lengths),
        truncation_probability=float(initial_distribution @ alive),
    )


# --8<-- [end:evaluate_policy]
