"""Dynamic programming (rlcourse.dp): hand-solved models, the Bellman equations of Part 4.6,
the finite-horizon evaluation of Part 4.4, a slippery grid against simulation, and Taxi."""

from __future__ import annotations

from itertools import pairwise

import gymnasium as gym
import numpy as np
import pytest
import torch
from gymnasium.envs.toy_text.taxi import TaxiEnv

from rlcourse.dp import (
    action_values,
    evaluate_policy,
    greedy_policy,
    iterative_policy_evaluation,
    policy_dynamics,
    policy_iteration,
    solve_policy_values,
    value_iteration,
)
from rlcourse.envs.gridworld import RIGHT, UP, GridWorldEnv
from rlcourse.mdp import TabularMDP, ToyTextModel, deterministic_policy, tabular_mdp

# Two states and two actions. In state 0, action 0 stays (reward 1) and action 1 moves
# to state 1 (reward 0); in state 1 both actions end the episode, paying 10 or 4 with
# probability 1/2 each (action 0) or 6 for sure (action 1).
TWO_STATES: ToyTextModel = {
    0: {0: [(1.0, 0, 1.0, False)], 1: [(1.0, 1, 0.0, False)]},
    1: {0: [(0.5, 1, 10.0, True), (0.5, 1, 4.0, True)], 1: [(1.0, 0, 6.0, True)]},
}

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


def slippery_grid() -> TabularMDP:
    env = GridWorldEnv(
        layout=("S..#", ".T..", "...G"), goal_reward=5.0, trap_penalty=5.0, slip_probability=0.2
    )
    return tabular_mdp(env.P, 12, 4)


def test_policy_dynamics_averages_the_model_over_actions() -> None:
    p_pi, r_pi = policy_dynamics(small_mdp(), UNIFORM)
    assert p_pi.dtype == r_pi.dtype == torch.float64
    assert p_pi.tolist() == [[0.5, 0.5, 0.0], [0.25, 0.0, 0.0], [0.0, 0.0, 0.0]]
    assert r_pi.tolist() == [0.5, 2.5, 0.0]  # state 1: (4 + 0.5 * 2) / 2
    # A NumPy policy is the same policy.
    p_numpy, _ = policy_dynamics(small_mdp(), np.full((3, 2), 0.5))
    assert torch.equal(p_numpy, p_pi)


def test_exact_values_match_hand_solutions() -> None:
    # v0 = 0.5 + 0.9 (0.5 v0 + 0.5 v1), v1 = 2.5 + 0.9 * 0.25 v0
    # => 0.55 v0 = 0.5 + 0.45 (2.5 + 0.225 v0) => v0 = 1.625 / 0.44875
    values = solve_policy_values(small_mdp(), UNIFORM, gamma=0.9)
    v0 = 1.625 / 0.44875
    assert values.tolist() == pytest.approx([v0, 2.5 + 0.225 * v0, 0.0])
    # V(1) = 6; V(0) = 0.5 (1 + 0.9 V(0)) + 0.5 (0.9 * 6)  =>  0.55 V(0) = 3.2
    policy = np.array([[0.5, 0.5], [0.0, 1.0]])
    two = solve_policy_values(tabular_mdp(TWO_STATES, 2, 2), policy, gamma=0.9)
    assert two.tolist() == pytest.approx([3.2 / 0.55, 6.0])


def test_a_policy_that_never_terminates_has_no_undiscounted_value() -> None:
    # Always "up" from the top-left corner bumps into the border forever.
    no_slip = GridWorldEnv(layout=("S..#", ".T..", "...G"))
    stuck = tabular_mdp(no_slip.P, 12, 4)
    up = deterministic_policy(np.full(12, UP), 4)
    with pytest.raises(RuntimeError, match="singular"):  # torch.linalg.LinAlgError
        solve_policy_values(stuck, up, gamma=1.0)
    assert torch.isfinite(solve_policy_values(slippery_grid(), up, gamma=0.9)).all()


def test_iterative_evaluation_converges_to_the_exact_values_within_its_bound() -> None:
    mdp = slippery_grid()
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


def test_action_values_are_one_step_of_lookahead_and_average_back_to_v() -> None:
    mdp = slippery_grid()
    policy = torch.full((12, 4), 0.25, dtype=torch.float64)
    values = solve_policy_values(mdp, policy, 0.9)
    q = action_values(mdp, values, 0.9)
    assert q.shape == (12, 4)
    s, a = 4, RIGHT  # by the definition, one entry at a time
    expected = mdp.expected_rewards[s, a] + 0.9 * mdp.continue_probs[s, a] @ values.numpy()
    assert float(q[s, a]) == pytest.approx(expected, abs=1e-12)
    assert (policy * q).sum(dim=1).numpy() == pytest.approx(values.numpy(), abs=1e-12)


def test_greedy_policy_is_one_hot_and_breaks_ties_low() -> None:
    q = torch.tensor([[1.0, 3.0, 2.0], [5.0, 5.0, 0.0]])
    assert greedy_policy(q).tolist() == [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]]
    assert greedy_policy(q).dtype == torch.float64


def test_greedy_improvement_never_lowers_a_value() -> None:
    mdp = slippery_grid()
    random_policy = torch.full((12, 4), 0.25, dtype=torch.float64)
    v_random = solve_policy_values(mdp, random_policy, 0.9)
    improved = greedy_policy(action_values(mdp, v_random, 0.9))
    v_improved = solve_policy_values(mdp, improved, 0.9)
    assert torch.all(v_improved >= v_random - 1e-12)
    assert torch.any(v_improved > v_random + 1e-3)


def test_value_iteration_by_hand() -> None:
    # V*(1) = 7. In state 0: staying forever is worth 1 / (1 - 0.9) = 10,
    # moving is worth 0 + 0.9 * 7 = 6.3, so V*(0) = 10 and Q*(0, 1) = 6.3.
    result = value_iteration(tabular_mdp(TWO_STATES, 2, 2), gamma=0.9)
    assert result.values.tolist() == pytest.approx([10.0, 7.0])
    assert result.q_values.numpy() == pytest.approx(np.array([[10.0, 6.3], [7.0, 6.0]]))
    # With gamma = 0.5, staying is worth 2 and moving 3.5: the choice flips.
    flipped = value_iteration(tabular_mdp(TWO_STATES, 2, 2), gamma=0.5)
    assert float(flipped.values[0]) == pytest.approx(3.5)
    with pytest.raises(RuntimeError, match="did not converge"):
        value_iteration(tabular_mdp(TWO_STATES, 2, 2), gamma=0.9, max_sweeps=3)


def test_policy_iteration_and_value_iteration_find_the_same_optimum() -> None:
    mdp = slippery_grid()
    gamma = 0.9
    result = policy_iteration(mdp, gamma, torch.full((12, 4), 0.25, dtype=torch.float64))
    for older, newer in pairwise(result.value_history):
        assert torch.all(newer >= older - 1e-12)  # each round improves every state
    assert 2 <= len(result.value_history) <= 10

    optimum = value_iteration(mdp, gamma, tolerance=1e-10)
    assert optimum.values.numpy() == pytest.approx(result.values.numpy(), abs=1e-8)
    assert optimum.sweeps == len(optimum.changes)
    # v_1 = max_a r(s, a): the best one-step return.
    assert optimum.history[1].numpy() == pytest.approx(mdp.expected_rewards.max(axis=1))
    # ||v_{k+1} - v_k|| <= gamma^k ||v_1 - v_0||: the contraction bound of Part 4.6.
    bound = optimum.changes[0] * gamma ** np.arange(optimum.sweeps)
    assert np.all(np.array(optimum.changes) <= bound + 1e-12)
    # Bellman optimality: q* = r + gamma P max_a q*.
    q_star = optimum.q_values
    assert torch.allclose(q_star, action_values(mdp, q_star.max(dim=1).values, gamma), atol=1e-8)


def test_evaluate_policy_counts_steps_and_respects_the_limit() -> None:
    mdp = tabular_mdp(TWO_STATES, 2, 2)
    start = np.array([1.0, 0.0])
    move = deterministic_policy(np.array([1, 0]), 2)
    result = evaluate_policy(mdp, move, start, max_steps=50)
    assert result.expected_return == pytest.approx(7.0)  # move (0), then 10 or 4
    assert result.expected_length == pytest.approx(2.0)
    assert result.truncation_probability == 0.0
    stay = deterministic_policy(np.array([0, 0]), 2)
    result = evaluate_policy(mdp, stay, start, max_steps=50)
    assert (result.expected_return, result.expected_length) == pytest.approx((50.0, 50.0))
    assert result.truncation_probability == 1.0
    # A long horizon with gamma < 1 reaches the infinite-horizon values.
    mixed = np.array([[0.5, 0.5], [0.0, 1.0]])
    long = evaluate_policy(mdp, mixed, start, max_steps=2000, gamma=0.9)
    assert long.expected_return == pytest.approx(float(solve_policy_values(mdp, mixed, 0.9)[0]))


def test_exact_evaluation_matches_simulation_on_a_slippery_grid() -> None:
    env = GridWorldEnv(layout=("S...", ".T..", "...G"), slip_probability=0.2)
    mdp = tabular_mdp(env.P, 12, 4)
    actions = np.full(12, RIGHT)
    actions[[3, 7]] = 2  # down the right-hand column
    actions[[4, 8]] = UP  # back to the top row, away from the trap
    exact = evaluate_policy(mdp, deterministic_policy(actions, 4), env.initial_state_distrib, 30)
    env.reset(seed=0)
    returns, lengths = [], []
    for _ in range(4000):
        state, _ = env.reset()
        total, steps, done = 0.0, 0, False
        while not done and steps < 30:
            state, reward, done, _, _ = env.step(int(actions[state]))
            total += reward
            steps += 1
        returns.append(total)
        lengths.append(steps)
    # 4000 episodes: standard errors are about 0.2 (return) and 0.04 (length).
    assert np.mean(returns) == pytest.approx(exact.expected_return, abs=1.0)
    assert np.mean(lengths) == pytest.approx(exact.expected_length, abs=0.2)


def test_taxi_optimum_satisfies_bellman_optimality() -> None:
    # Taxi's drop-off terminates into a state whose own model is not absorbing: only the
    # terminated flag, not the next state, says that nothing follows.
    taxi = gym.make("Taxi-v4").unwrapped
    assert isinstance(taxi, TaxiEnv)
    mdp = tabular_mdp(taxi.P, 500, 6)
    result = value_iteration(mdp, gamma=1.0)
    backup = action_values(mdp, result.q_values.max(dim=1).values, gamma=1.0)
    assert float((backup - result.q_values).abs().max()) < 1e-8
    optimal = deterministic_policy(result.q_values.argmax(dim=1).numpy(), 6)
    evaluation = evaluate_policy(mdp, optimal, taxi.initial_state_distrib, max_steps=200)
    assert evaluation.truncation_probability == 0.0
    expected = float(taxi.initial_state_distrib @ result.values.numpy())
    assert evaluation.expected_return == pytest.approx(expected)
    # Every step costs 1 and the final drop-off pays 20: return = 20 - (length - 1).
    assert evaluation.expected_return == pytest.approx(21.0 - evaluation.expected_length)
