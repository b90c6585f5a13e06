"""The Bellman equations of lesson 4.6 in PyTorch: exact, iterative, greedy, optimal."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest
import torch

from rlcourse.dp import (
    TabularMDP,
    ToyTextModel,
    action_values,
    greedy_policy,
    iterative_policy_evaluation,
    policy_dynamics,
    policy_iteration,
    policy_values,
    q_from_values,
    solve_policy_values,
    tabular_mdp,
    value_iteration,
    value_iteration_history,
)
from rlcourse.envs.gridworld import GridWorldEnv

# Two states and two actions, plus a terminal state 2. Action 0 in state 0 stays (+1);
# action 1 moves to state 1 (0). In state 1, action 0 ends the episode with +4, and
# action 1 goes back to state 0 with +2 or ends with 0, each with probability 1/2.
SMALL: ToyTextModel = {
    0: {0: [(1.0, 0, 1.0, False)], 1: [(1.0, 1, 0.0, False)]},
    1: {0: [(1.0, 2, 4.0, True)], 1: [(0.5, 0, 2.0, False), (0.5, 2, 0.0, True)]},
    2: {0: [(1.0, 2, 0.0, True)], 1: [(1.0, 2, 0.0, True)]},
}
UNIFORM = torch.full((3, 2), 0.5, dtype=torch.float64)


def small_mdp() -> TabularMDP:
    return tabular_mdp(SMALL, 3, 2)


def slippery_grid() -> tuple[GridWorldEnv, TabularMDP]:
    env = GridWorldEnv(
        layout=("S..#", ".T..", "...G"), goal_reward=5.0, trap_penalty=5.0, slip_probability=0.2
    )
    return env, tabular_mdp(env.P, 12, 4)


def test_policy_dynamics_averages_the_model_over_actions() -> None:
    p_pi, r_pi = policy_dynamics(small_mdp(), UNIFORM)
    assert p_pi.dtype == r_pi.dtype == torch.float64
    assert p_pi.tolist() == [[0.5, 0.5, 0.0], [0.25, 0.0, 0.0], [0.0, 0.0, 0.0]]
    assert r_pi.tolist() == [0.5, 2.5, 0.0]  # state 1: (4 + 0.5 * 2) / 2


def test_exact_values_match_a_hand_solution() -> None:
    # v0 = 0.5 + 0.9 (0.5 v0 + 0.5 v1), v1 = 2.5 + 0.9 * 0.25 v0
    # => 0.55 v0 = 0.5 + 0.45 (2.5 + 0.225 v0) => v0 = 1.625 / 0.44875
    values = solve_policy_values(small_mdp(), UNIFORM, gamma=0.9)
    v0 = 1.625 / 0.44875
    assert values.tolist() == pytest.approx([v0, 2.5 + 0.225 * v0, 0.0])


def test_exact_values_agree_with_the_numpy_solver() -> None:
    _, mdp = slippery_grid()
    rng = np.random.default_rng(0)
    policy = rng.dirichlet(np.ones(4), size=12)  # a random stochastic policy, (12, 4)
    values = solve_policy_values(mdp, torch.from_numpy(policy), gamma=0.95)
    assert values.numpy() == pytest.approx(policy_values(mdp, policy, 0.95), abs=1e-12)


def test_a_policy_that_never_terminates_has_no_undiscounted_value() -> None:
    # Always "up" from the top-left corner bumps into the border forever.
    _, mdp = slippery_grid()
    no_slip = GridWorldEnv(layout=("S..#", ".T..", "...G"))
    stuck = tabular_mdp(no_slip.P, 12, 4)
    up = torch.zeros(12, 4, dtype=torch.float64)
    up[:, 0] = 1.0
    with pytest.raises(RuntimeError, match="singular"):  # torch.linalg.LinAlgError
        solve_policy_values(stuck, up, gamma=1.0)
    assert torch.isfinite(solve_policy_values(mdp, up, gamma=0.9)).all()


def test_iterative_evaluation_converges_to_the_exact_values_within_its_bound() -> None:
    _, mdp = slippery_grid()
    policy = torch.full((12, 4), 0.25, dtype=torch.float64)
    gamma, tolerance = 0.9, 1e-8
    run = iterative_policy_evaluation(mdp, policy, gamma, tolerance)
    exact = solve_policy_values(mdp, policy, gamma)
    assert run.sweeps == len(run.changes) == len(run.history) - 1
    assert run.changes[-1] < tolerance <= run.changes[-2]
    error = float((run.values - exact).abs().max())
    assert 0.0 < error <= gamma * tolerance / (1 - gamma)
    # A contraction: each sweep shrinks the change by at least the factor gamma.
    ratios = np.array(run.changes[1:]) / np.array(run.changes[:-1])
    assert np.all(ratios <= gamma + 1e-9)
    with pytest.raises(RuntimeError, match="did not converge"):
        iterative_policy_evaluation(mdp, policy, gamma, tolerance, max_sweeps=5)


def test_action_values_match_q_from_values_and_average_back_to_v() -> None:
    _, mdp = slippery_grid()
    policy = torch.full((12, 4), 0.25, dtype=torch.float64)
    values = solve_policy_values(mdp, policy, 0.9)
    q = action_values(mdp, values, 0.9)
    assert q.shape == (12, 4)
    assert q.numpy() == pytest.approx(q_from_values(mdp, values.numpy(), 0.9), abs=1e-12)
    assert (policy * q).sum(dim=1).numpy() == pytest.approx(values.numpy(), abs=1e-12)


def test_greedy_policy_is_one_hot_and_breaks_ties_low() -> None:
    q = torch.tensor([[1.0, 3.0, 2.0], [5.0, 5.0, 0.0]])
    assert greedy_policy(q).tolist() == [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]]
    assert greedy_policy(q).dtype == torch.float64


def test_greedy_improvement_never_lowers_a_value() -> None:
    _, mdp = slippery_grid()
    random_policy = torch.full((12, 4), 0.25, dtype=torch.float64)
    v_random = solve_policy_values(mdp, random_policy, 0.9)
    improved = greedy_policy(action_values(mdp, v_random, 0.9))
    v_improved = solve_policy_values(mdp, improved, 0.9)
    assert torch.all(v_improved >= v_random - 1e-12)
    assert torch.any(v_improved > v_random + 1e-3)


def test_policy_iteration_and_value_iteration_find_the_same_optimum() -> None:
    _, mdp = slippery_grid()
    gamma = 0.9
    optimum = value_iteration(mdp, gamma)  # the NumPy implementation of lesson 4.4
    result = policy_iteration(mdp, gamma, torch.full((12, 4), 0.25, dtype=torch.float64))
    assert result.values.numpy() == pytest.approx(optimum.values, abs=1e-8)
    for older, newer in pairwise(result.value_history):
        assert torch.all(newer >= older - 1e-12)  # each round improves every state
    assert 2 <= len(result.value_history) <= 10

    history = value_iteration_history(mdp, gamma, tolerance=1e-10)
    assert history.values.numpy() == pytest.approx(optimum.values, abs=1e-8)
    assert history.q_values.numpy() == pytest.approx(optimum.q_values, abs=1e-8)
    assert history.sweeps == len(history.changes)
    # v_1 = max_a r(s, a): the best one-step return.
    assert history.history[1].numpy() == pytest.approx(mdp.expected_rewards.max(axis=1))
    # ||v_{k+1} - v_k|| <= gamma^k ||v_1 - v_0||: the contraction bound of the lesson.
    bound = history.changes[0] * gamma ** np.arange(history.sweeps)
    assert np.all(np.array(history.changes) <= bound + 1e-12)
