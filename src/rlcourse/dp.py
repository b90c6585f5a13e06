"""Dynamic programming on a known model (Part 4.2 solves its first Bellman equation with it,
Part 4.4 plans with it, Part 4.6 explains it).

Every function reads the model as a :class:`rlcourse.mdp.TabularMDP`:
``continue_probs[s, a, s']`` leaves out the transitions that end the episode and
``expected_rewards[s, a]`` includes their rewards (the convention is explained in
:mod:`rlcourse.mdp`). So every backup below is r(s, a) + gamma sum_s' p(s' | s, a) v(s'),
with nothing added after a terminating step: the rule "bootstrap on ``terminated`` only".

The Bellman equations are written in PyTorch, on float64 tensors on the CPU: the exact
solve of the expectation equation with ``torch.linalg.solve``, iterative policy
evaluation, action values, greedy policies, policy iteration, value iteration that keeps
every iterate, and the exact finite-horizon evaluation of a policy under a step limit.
A policy is an (S, A) array or tensor of action probabilities, rows summing to 1 (see
:mod:`rlcourse.mdp`). Values come back as float64 tensors of shape (S,) and action values
of shape (S, A); ``.numpy()`` turns one into a NumPy array without copying. The models
are small: a program that calls these functions many times on hundreds of states runs
faster on one thread, ``torch.set_num_threads(1)``, as Part 4.4's Taxi demo does.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import torch

from rlcourse.mdp import TabularMDP

PolicyTable = np.ndarray | torch.Tensor  # pi(a | s), shape (S, A)


# --8<-- [start:policy_dynamics]
def model_tensors(mdp: TabularMDP) -> tuple[torch.Tensor, torch.Tensor]:
    """``continue_probs`` (S, A, S) and ``expected_rewards`` (S, A) as float64 tensors."""
    return (
        torch.as_tensor(mdp.continue_probs, dtype=torch.float64),
        torch.as_tensor(mdp.expected_rewards, dtype=torch.float64),
    )


def policy_dynamics(mdp: TabularMDP, policy: PolicyTable) -> tuple[torch.Tensor, torch.Tensor]:
    """The Markov chain that fixing ``policy`` (S, A) makes of the MDP.

    P_pi[s, s'] = sum_a pi(a|s) p(s'|s, a), shape (S, S): terminating moves are left
    out, so a row sums to the probability of *not* terminating.
    r_pi[s] = sum_a pi(a|s) r(s, a), shape (S,): the expected reward of one step.
    """
    continue_probs, expected_rewards = model_tensors(mdp)
    policy = torch.as_tensor(policy, dtype=torch.float64)
    p_pi = torch.einsum("sa,sat->st", policy, continue_probs)
    r_pi = (policy * expected_rewards).sum(dim=1)
    return p_pi, r_pi


# --8<-- [end:policy_dynamics]


# --8<-- [start:solve_policy_values]
def solve_policy_values(mdp: TabularMDP, policy: PolicyTable, gamma: float) -> torch.Tensor:
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
        return [float((new - old).abs().max()) for old, new in pairwise(self.history)]


def iterative_policy_evaluation(
    mdp: TabularMDP,
    policy: PolicyTable,
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
def action_values(mdp: TabularMDP, values: np.ndarray | torch.Tensor, gamma: float) -> torch.Tensor:
    """q(s, a) = r(s, a) + gamma sum_s' p(s'|s, a) v(s'), shape (S, A).

    ``continue_probs @ values`` is (S, A, S) @ (S,) -> (S, A): one expected next value
    for every pair (s, a) at once.
    """
    continue_probs, expected_rewards = model_tensors(mdp)
    return expected_rewards + gamma * continue_probs @ torch.as_tensor(values, dtype=torch.float64)


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
    initial_policy: PolicyTable,
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
    policy = torch.as_tensor(initial_policy, dtype=torch.float64)
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


# --8<-- [start:value_iteration]
@dataclass(frozen=True)
class ValueIteration(IterativeEvaluation):
    """The iterates of value iteration (values, sweeps, changes as for evaluation)."""

    q_values: torch.Tensor  # q computed from v_K, (S, A)


def value_iteration(
    mdp: TabularMDP, gamma: float, tolerance: float = 1e-10, max_sweeps: int = 100_000
) -> ValueIteration:
    """Apply the Bellman optimality backup v <- max_a q(s, a), from v_0 = 0, until a
    sweep changes no value by ``tolerance`` or more; keep every iterate.

    v_k is the best expected return of an episode cut after k steps. With gamma < 1 the
    final iterate is within gamma * tolerance / (1 - gamma) of v_*. With gamma = 1 it
    converges when every policy that never terminates collects unbounded cost (true for
    step costs), as in Taxi and the gridworld.
    """
    history = [torch.zeros(mdp.n_states, dtype=torch.float64)]
    for _ in range(max_sweeps):
        history.append(action_values(mdp, history[-1], gamma).max(dim=1).values)
        if float((history[-1] - history[-2]).abs().max()) < tolerance:
            return ValueIteration(history, action_values(mdp, history[-1], gamma))
    raise RuntimeError(f"value iteration did not converge in {max_sweeps} sweeps")


# --8<-- [end:value_iteration]


# --8<-- [start:evaluate_policy]
@dataclass(frozen=True)
class PolicyEvaluation:
    """What a policy earns from an initial-state distribution, under a step limit."""

    expected_return: float
    expected_length: float  # expected number of steps, counting a truncated episode's steps
    truncation_probability: float  # probability that the step limit ends the episode


def evaluate_policy(
    mdp: TabularMDP,
    policy: PolicyTable,
    initial_distribution: np.ndarray,
    max_steps: int,
    gamma: float = 1.0,
) -> PolicyEvaluation:
    """Expected return and episode length of ``policy`` when episodes stop after ``max_steps``.

    Exact, by backward recursion over the steps left, h = 1 .. max_steps:
        u_h = r_pi + gamma * P_pi u_{h-1}     (expected return with h steps left)
        l_h = 1 + P_pi l_{h-1}                (expected steps taken with h steps left)
        c_h = P_pi c_{h-1}, c_0 = 1           (probability of still running after h steps)
    (u, l and c, not G and A: those letters are the return and the action everywhere else.)
    ``P_pi`` holds only non-terminating transitions, so terminated episodes stop adding.
    """
    p_pi, r_pi = policy_dynamics(mdp, policy)  # (S, S), (S,)
    returns = torch.zeros(mdp.n_states, dtype=torch.float64)
    lengths = torch.zeros(mdp.n_states, dtype=torch.float64)
    alive = torch.ones(mdp.n_states, dtype=torch.float64)
    for _ in range(max_steps):
        returns = r_pi + gamma * p_pi @ returns
        lengths = 1.0 + p_pi @ lengths
        alive = p_pi @ alive
    start = torch.as_tensor(initial_distribution, dtype=torch.float64)
    return PolicyEvaluation(
        expected_return=float(start @ returns),
        expected_length=float(start @ lengths),
        truncation_probability=float(start @ alive),
    )


# --8<-- [end:evaluate_policy]
