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

The second half of the module (lesson 4.6) writes the Bellman equations in PyTorch, on
float64 tensors: the exact solve of the Bellman expectation equation with
``torch.linalg.solve``, iterative policy evaluation, action values, greedy policies,
policy iteration, and value iteration that keeps every iterate. There a policy is a
float64 tensor of shape (S, A).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import torch

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


# Bellman equations in PyTorch (lesson 4.6).


# --8<-- [start:policy_dynamics]
def model_tensors(mdp: TabularMDP) -> tuple[torch.Tensor, torch.Tensor]:
    """``continue_probs`` (S, A, S) and ``expected_rewards`` (S, A) as float64 tensors."""
    return (
        torch.as_tensor(mdp.continue_probs, dtype=torch.float64),
        torch.as_tensor(mdp.expected_rewards, dtype=torch.float64),
    )


def policy_dynamics(mdp: TabularMDP, policy: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """The Markov chain that fixing ``policy`` (S, A) makes of the MDP.

    P_pi[s, s'] = sum_a pi(a|s) p_continue(s'|s, a), shape (S, S): terminating moves
    are left out, so a row sums to the probability of *not* terminating.
    r_pi[s] = sum_a pi(a|s) r(s, a), shape (S,): the expected reward of one step.
    """
    continue_probs, expected_rewards = model_tensors(mdp)
    policy = policy.to(torch.float64)
    p_pi = torch.einsum("sa,sat->st", policy, continue_probs)
    r_pi = (policy * expected_rewards).sum(dim=1)
    return p_pi, r_pi


# --8<-- [end:policy_dynamics]


# --8<-- [start:solve_policy_values]
def solve_policy_values(mdp: TabularMDP, policy: torch.Tensor, gamma: float) -> torch.Tensor:
    """v_pi exactly, shape (S,): the solution of (I - gamma P_pi) v = r_pi.

    ``torch.linalg.solve`` factorizes the (S, S) matrix (LU) instead of inverting it.
    The matrix is invertible when gamma < 1, or when the policy terminates with
    probability 1 from every state. Otherwise it is singular: the solve raises
    ``torch.linalg.LinAlgError``, or, when rounding hides the singularity, returns huge
    meaningless numbers.
    """
    p_pi, r_pi = policy_dynamics(mdp, policy)
    identity = torch.eye(mdp.n_states, dtype=torch.float64)
    return torch.linalg.solve(identity - gamma * p_pi, r_pi)


# --8<-- [end:solve_policy_values]


# --8<-- [start:iterative_policy_evaluation]
def sup_norm_changes(history: list[torch.Tensor]) -> list[float]:
    """||v_{k+1} - v_k||_inf for each pair of consecutive iterates."""
    return [float((new - old).abs().max()) for old, new in pairwise(history)]


@dataclass(frozen=True)
class IterativeEvaluation:
    history: list[torch.Tensor]  # v_0 = 0, v_1, ..., v_K, each of shape (S,)

    @property
    def values(self) -> torch.Tensor:
        """The last iterate v_K, shape (S,)."""
        return self.history[-1]

    @property
    def sweeps(self) -> int:
        """K, the number of Bellman backups applied."""
        return len(self.history) - 1

    @property
    def changes(self) -> list[float]:
        """||v_{k+1} - v_k||_inf for k = 0 .. K-1."""
        return sup_norm_changes(self.history)


def iterative_policy_evaluation(
    mdp: TabularMDP,
    policy: torch.Tensor,
    gamma: float,
    tolerance: float = 1e-10,
    max_sweeps: int = 10_000,
) -> IterativeEvaluation:
    """Apply the Bellman expectation backup v <- r_pi + gamma P_pi v, from v_0 = 0, until
    a sweep changes no state's value by ``tolerance`` or more.

    Every sweep updates all states at once from the previous iterate. With gamma < 1,
    stopping when ||v_{k+1} - v_k||_inf < tolerance guarantees
    ||v_{k+1} - v_pi||_inf <= gamma * tolerance / (1 - gamma).
    """
    p_pi, r_pi = policy_dynamics(mdp, policy)
    history = [torch.zeros(mdp.n_states, dtype=torch.float64)]
    for _ in range(max_sweeps):
        history.append(r_pi + gamma * p_pi @ history[-1])  # (S, S) @ (S,) -> (S,)
        if float((history[-1] - history[-2]).abs().max()) < tolerance:
            return IterativeEvaluation(history)
    raise RuntimeError(f"policy evaluation did not converge in {max_sweeps} sweeps")


# --8<-- [end:iterative_policy_evaluation]


# --8<-- [start:action_values]
def action_values(mdp: TabularMDP, values: torch.Tensor, gamma: float) -> torch.Tensor:
    """q(s, a) = r(s, a) + gamma sum_s' p_continue(s'|s, a) v(s'), shape (S, A).

    The PyTorch twin of :func:`q_from_values`: (S, A, S) @ (S,) -> (S, A).
    """
    continue_probs, expected_rewards = model_tensors(mdp)
    return expected_rewards + gamma * continue_probs @ values.to(torch.float64)


def greedy_policy(q_values: torch.Tensor) -> torch.Tensor:
    """The deterministic policy that takes argmax_a q(s, a) in every state, as a float64
    one-hot table of shape (S, A). Ties go to the lowest action index (torch.argmax)."""
    best = q_values.argmax(dim=1)  # (S,)
    n_actions = q_values.shape[1]
    return torch.nn.functional.one_hot(best, n_actions).to(torch.float64)


# --8<-- [end:action_values]


# --8<-- [start:policy_iteration]
@dataclass(frozen=True)
class PolicyIterationResult:
    policy: torch.Tensor  # the final policy, (S, A): greedy, unless the initial one was optimal
    values: torch.Tensor  # its values, (S,)
    value_history: list[torch.Tensor]  # v of every policy evaluated, the initial one first


def policy_iteration(
    mdp: TabularMDP,
    gamma: float,
    initial_policy: torch.Tensor,
    tolerance: float = 1e-9,
    max_rounds: int = 1000,
) -> PolicyIterationResult:
    """Evaluate the policy exactly, make it greedy with respect to its own q_pi, repeat.

    Stops when no action is better than the policy by more than ``tolerance`` in any
    state, max_a q_pi(s, a) - v_pi(s) <= tolerance: then v_pi satisfies the Bellman
    optimality equation, so the policy is optimal. Every policy met is evaluated with
    :func:`solve_policy_values`, so with gamma = 1 each of them must end episodes with
    probability 1.
    """
    policy = initial_policy.to(torch.float64)
    history: list[torch.Tensor] = []
    for _ in range(max_rounds):
        values = solve_policy_values(mdp, policy, gamma)
        history.append(values)
        q_values = action_values(mdp, values, gamma)
        if float((q_values.max(dim=1).values - values).max()) <= tolerance:
            return PolicyIterationResult(policy, values, history)
        policy = greedy_policy(q_values)
    raise RuntimeError(f"policy iteration did not converge in {max_rounds} rounds")


# --8<-- [end:policy_iteration]


# --8<-- [start:value_iteration_history]
@dataclass(frozen=True)
class ValueIterationHistory(IterativeEvaluation):
    """The iterates of value iteration (values, sweeps, changes as for evaluation)."""

    q_values: torch.Tensor  # q computed from v_K, (S, A)


def value_iteration_history(
    mdp: TabularMDP, gamma: float, tolerance: float = 1e-10, max_sweeps: int = 10_000
) -> ValueIterationHistory:
    """Apply the Bellman optimality backup v <- max_a q(s, a), from v_0 = 0, until a
    sweep changes no value by ``tolerance`` or more; keep every iterate.

    v_k is the best expected return of an episode cut after k steps. With gamma < 1 the
    final iterate is within gamma * tolerance / (1 - gamma) of v_*.
    """
    history = [torch.zeros(mdp.n_states, dtype=torch.float64)]
    for _ in range(max_sweeps):
        history.append(action_values(mdp, history[-1], gamma).max(dim=1).values)
        if float((history[-1] - history[-2]).abs().max()) < tolerance:
            return ValueIterationHistory(history, action_values(mdp, history[-1], gamma))
    raise RuntimeError(f"value iteration did not converge in {max_sweeps} sweeps")


# --8<-- [end:value_iteration_history]
