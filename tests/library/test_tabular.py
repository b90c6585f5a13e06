"""Tabular Q-learning and SARSA: hand-computed updates, exploration, and real learning."""

from __future__ import annotations

from collections import Counter

import gymnasium as gym
import numpy as np
import pytest

from rlcourse.agents.tabular import (
    epsilon_greedy_action,
    epsilon_greedy_probabilities,
    greedy_actions,
    make_q_table,
    q_learning_episode,
    q_learning_update,
    sarsa_update,
    table_shape,
    train,
)
from rlcourse.dp import value_iteration
from rlcourse.envs import GRIDWORLD_ID
from rlcourse.envs.gridworld import CLIFF_LAYOUT, RIGHT, GridWorldEnv, unwrap_gridworld
from rlcourse.mdp import tabular_mdp


def test_q_table_shape_and_space_narrowing() -> None:
    env = gym.make(GRIDWORLD_ID)
    assert table_shape(env) == (40, 4)
    q = make_q_table(env, initial_value=2.5)
    assert q.shape == (40, 4) and q.dtype == np.float64 and np.all(q == 2.5)
    with pytest.raises(TypeError):
        table_shape(gym.make("CartPole-v1"))  # Box observations have no table rows


def test_q_learning_update_by_hand() -> None:
    q = np.array([[0.0, 1.0], [4.0, -2.0]])
    td = q_learning_update(
        q, 0, 1, reward=-1.0, next_state=1, terminated=False, alpha=0.5, gamma=0.9
    )
    # target = -1 + 0.9 * max(4, -2) = 2.6; TD error = 2.6 - 1 = 1.6; Q = 1 + 0.5 * 1.6
    assert td == pytest.approx(1.6)
    assert q[0, 1] == pytest.approx(1.8)
    td = q_learning_update(
        q, 1, 0, reward=3.0, next_state=0, terminated=True, alpha=0.25, gamma=0.9
    )
    assert td == pytest.approx(-1.0)  # terminal: target is the reward alone, 3 - 4
    assert q[1, 0] == pytest.approx(3.75)
    assert q[1, 1] == -2.0 and q[0, 0] == 0.0


def test_sarsa_update_by_hand() -> None:
    q = np.array([[0.0, 1.0], [4.0, -2.0]])
    td = sarsa_update(q, 0, 1, -1.0, 1, 1, terminated=False, alpha=0.5, gamma=0.9)
    # target = -1 + 0.9 * Q(1, 1) = -2.8 (not the max): TD error = -3.8
    assert td == pytest.approx(-3.8)
    assert q[0, 1] == pytest.approx(1.0 - 1.9)
    sarsa_update(q, 1, 1, 5.0, 0, 0, terminated=True, alpha=1.0, gamma=0.9)
    assert q[1, 1] == pytest.approx(5.0)


def test_epsilon_greedy_matches_its_probabilities() -> None:
    rng = np.random.default_rng(0)
    row = np.array([1.0, 3.0, 3.0, -1.0])  # actions 1 and 2 tie
    assert {epsilon_greedy_action(row, 0.0, rng) for _ in range(200)} == {1, 2}
    draws = 20_000
    counts = Counter(epsilon_greedy_action(row, 0.2, rng) for _ in range(draws))
    expected = epsilon_greedy_probabilities(row[None, :], 0.2)[0]
    assert expected == pytest.approx([0.05, 0.45, 0.45, 0.05])
    for action in range(4):
        assert counts[action] / draws == pytest.approx(expected[action], abs=0.015)
    table = np.random.default_rng(1).normal(size=(6, 3))
    assert epsilon_greedy_probabilities(table, 0.3).sum(axis=1) == pytest.approx(np.ones(6))


def test_greedy_actions_take_the_lowest_of_tied_actions() -> None:
    q = np.array([[0.0, 0.0], [1.0, 2.0], [5.0, 5.0]])
    assert greedy_actions(q).tolist() == [0, 1, 0]


def test_truncation_still_bootstraps() -> None:
    # A one-step time limit: the episode is truncated, not terminated, so the update
    # must still add gamma * max_a Q(s', a).
    env = gym.make(GRIDWORLD_ID, layout=("S..G",), max_episode_steps=1)
    q = np.zeros((4, 4))
    q[1] = [0.0, 2.0, 0.0, 0.0]
    q[0] = [-5.0, 0.0, -5.0, -5.0]  # the greedy first move is right, to state 1
    env.reset(seed=0)
    stats = q_learning_episode(
        env, q, alpha=1.0, gamma=0.5, epsilon=0.0, rng=np.random.default_rng(0)
    )
    assert stats.length == 1
    assert q[0, RIGHT] == pytest.approx(-1.0 + 0.5 * 2.0)


def test_q_learning_finds_q_star_on_a_deterministic_grid() -> None:
    env = gym.make(GRIDWORLD_ID, layout=("S..", ".#.", "..G"), goal_reward=5.0)
    q, history = train(
        env, "q_learning", 1000, alpha=0.5, gamma=0.9, epsilon=0.5, seed=0, progress=False
    )
    grid = unwrap_gridworld(env)
    optimal = value_iteration(tabular_mdp(grid.P, *table_shape(env)), gamma=0.9)
    acting = [s for s in range(9) if grid.cell(s) in ".S"]
    assert np.max(np.abs(q[acting] - optimal.q_values.numpy()[acting])) < 1e-3
    assert len(history.returns) == 1000 and history.total_steps == sum(history.lengths)


def _greedy_route_length(grid: GridWorldEnv, q: np.ndarray) -> int:
    state, steps = 30, 0
    while steps < 100:
        _, state, _, terminated = grid.P[state][int(np.argmax(q[state]))][0]
        steps += 1
        if terminated:
            break
    return steps


def test_sarsa_takes_the_safer_route_on_the_cliff() -> None:
    env = gym.make(GRIDWORLD_ID, layout=CLIFF_LAYOUT)
    grid = unwrap_gridworld(env)
    args = {"episodes": 1000, "alpha": 0.1, "gamma": 1.0, "epsilon": 0.1, "seed": 0}
    q_learning, q_history = train(env, "q_learning", progress=False, **args)
    sarsa, s_history = train(env, "sarsa", progress=False, **args)
    assert _greedy_route_length(grid, q_learning) == 11  # along the traps: the optimum
    assert 11 < _greedy_route_length(grid, sarsa) < 100  # a longer route that still arrives
    assert np.mean(s_history.returns[-200:]) > np.mean(q_history.returns[-200:])


def test_training_is_reproducible() -> None:
    env = gym.make(GRIDWORLD_ID, layout=CLIFF_LAYOUT, slip_probability=0.1)
    first, _ = train(env, "sarsa", 50, 0.5, 0.9, 0.2, seed=7, progress=False)
    second, _ = train(env, "sarsa", 50, 0.5, 0.9, 0.2, seed=7, progress=False)
    other, _ = train(env, "sarsa", 50, 0.5, 0.9, 0.2, seed=8, progress=False)
    assert np.array_equal(first, second) and not np.array_equal(first, other)
