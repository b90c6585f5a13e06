"""Dynamic programming on toy-text models: hand-solvable MDPs, simulation, and Taxi."""

from __future__ import annotations

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.envs.toy_text.taxi import TaxiEnv

from rlcourse.dp import (
    ToyTextModel,
    deterministic_policy,
    evaluate_policy,
    policy_values,
    q_from_values,
    tabular_mdp,
    value_iteration,
)
from rlcourse.envs.gridworld import RIGHT, UP, GridWorldEnv

# Two states and two actions. In state 0, action 0 stays (reward 1) and action 1 moves
# to state 1 (reward 0); in state 1 both actions end the episode, paying 10 or 4 with
# probability 1/2 each (action 0) or 6 for sure (action 1).
TWO_STATES: ToyTextModel = {
    0: {0: [(1.0, 0, 1.0, False)], 1: [(1.0, 1, 0.0, False)]},
    1: {0: [(0.5, 1, 10.0, True), (0.5, 1, 4.0, True)], 1: [(1.0, 0, 6.0, True)]},
}


def test_tabular_mdp_arrays() -> None:
    mdp = tabular_mdp(TWO_STATES, 2, 2)
    assert mdp.expected_rewards.tolist() == [[1.0, 0.0], [7.0, 6.0]]
    assert mdp.continue_probs[0].tolist() == [[1.0, 0.0], [0.0, 1.0]]
    assert np.all(mdp.continue_probs[1] == 0.0)  # terminating moves carry no future
    assert (mdp.n_states, mdp.n_actions) == (2, 2)


def test_value_iteration_by_hand() -> None:
    # V*(1) = 7. In state 0: staying forever is worth 1 / (1 - 0.9) = 10,
    # moving is worth 0 + 0.9 * 7 = 6.3, so V*(0) = 10 and Q*(0, 1) = 6.3.
    result = value_iteration(tabular_mdp(TWO_STATES, 2, 2), gamma=0.9)
    assert result.values == pytest.approx([10.0, 7.0])
    assert result.q_values == pytest.approx(np.array([[10.0, 6.3], [7.0, 6.0]]))
    # With gamma = 0.5, staying is worth 2 and moving 3.5: the choice flips.
    assert value_iteration(tabular_mdp(TWO_STATES, 2, 2), gamma=0.5).values[0] == pytest.approx(3.5)


def test_policy_values_solve_the_bellman_equation() -> None:
    mdp = tabular_mdp(TWO_STATES, 2, 2)
    policy = np.array([[0.5, 0.5], [0.0, 1.0]])
    values = policy_values(mdp, policy, gamma=0.9)
    # V(1) = 6; V(0) = 0.5 (1 + 0.9 V(0)) + 0.5 (0.9 * 6)  =>  0.55 V(0) = 3.2
    assert values == pytest.approx([3.2 / 0.55, 6.0])
    q = q_from_values(mdp, values, gamma=0.9)
    assert np.einsum("sa,sa->s", policy, q) == pytest.approx(values)


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
    assert long.expected_return == pytest.approx(policy_values(mdp, mixed, 0.9)[0])


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
    taxi = gym.make("Taxi-v4").unwrapped
    assert isinstance(taxi, TaxiEnv)
    mdp = tabular_mdp(taxi.P, 500, 6)
    result = value_iteration(mdp, gamma=1.0)
    # Bellman optimality: Q*(s, a) = r(s, a) + sum_s' p(s'|s, a) max_a' Q*(s', a')
    backup = mdp.expected_rewards + mdp.continue_probs @ result.q_values.max(axis=1)
    assert np.max(np.abs(backup - result.q_values)) < 1e-8
    optimal = deterministic_policy(result.q_values.argmax(axis=1), 6)
    evaluation = evaluate_policy(mdp, optimal, taxi.initial_state_distrib, max_steps=200)
    assert evaluation.truncation_probability == 0.0
    assert evaluation.expected_return == pytest.approx(taxi.initial_state_distrib @ result.values)
    # Every step costs 1 and the final drop-off pays 20: return = 20 - (length - 1).
    assert evaluation.expected_return == pytest.approx(21.0 - evaluation.expected_length)
