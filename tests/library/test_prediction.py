"""Monte Carlo and TD(0) prediction: hand-computed updates, convergence, and improvement."""

from __future__ import annotations

import itertools

import gymnasium as gym
import numpy as np
import pytest

from rlcourse.agents.prediction import (
    discounted_returns,
    epsilon_soft,
    mc_update,
    play_episode,
    rms_error,
    td0_episode_update,
    td0_update,
)
from rlcourse.agents.tabular import greedy_actions
from rlcourse.dp import action_values, evaluate_policy, solve_policy_values
from rlcourse.envs import GRIDWORLD_ID, RANDOM_WALK_ID
from rlcourse.envs.gridworld import GridWorldEnv
from rlcourse.envs.random_walk import LEFT, RIGHT, true_values
from rlcourse.episodes import Step
from rlcourse.mdp import deterministic_policy, tabular_mdp, uniform_policy

# A -> B -> A -> C -> end: states 1, 2, 1, 3, terminal 0; rewards 1, 0, 2, 4.
REVISIT = [
    Step(1, RIGHT, 1.0, 2, False),
    Step(2, LEFT, 0.0, 1, False),
    Step(1, RIGHT, 2.0, 3, False),
    Step(3, RIGHT, 4.0, 0, True),
]


def test_discounted_returns_by_hand() -> None:
    returns = discounted_returns(REVISIT, gamma=0.5)
    # G_3 = 4; G_2 = 2 + 0.5 * 4 = 4; G_1 = 0 + 0.5 * 4 = 2; G_0 = 1 + 0.5 * 2 = 2
    np.testing.assert_allclose(returns, [2.0, 2.0, 4.0, 4.0])
    assert discounted_returns([], gamma=0.9).shape == (0,)


def test_first_visit_and_every_visit_monte_carlo_by_hand() -> None:
    first = np.zeros(4)
    mc_update(first, REVISIT, alpha=0.5, gamma=0.5, first_visit=True)
    # state 1 only at t = 0 (G = 2); state 2: G_1 = 2; state 3: G_3 = 4
    np.testing.assert_allclose(first, [0.0, 1.0, 1.0, 2.0])
    every = np.zeros(4)
    mc_update(every, REVISIT, alpha=0.5, gamma=0.5, first_visit=False)
    # state 1 twice: 0 -> 1 (towards G_0 = 2), then 1 -> 2.5 (towards G_2 = 4)
    np.testing.assert_allclose(every, [0.0, 2.5, 1.0, 2.0])


def test_td0_update_bootstraps_except_after_termination() -> None:
    values = np.array([0.0, 1.0, 3.0, 5.0])
    error = td0_update(values, Step(1, RIGHT, 1.0, 2, False), alpha=0.5, gamma=0.9)
    # delta = 1 + 0.9 * 3 - 1 = 2.7; V(1) = 1 + 0.5 * 2.7
    assert error == pytest.approx(2.7)
    assert values[1] == pytest.approx(2.35)
    error = td0_update(values, Step(3, RIGHT, 4.0, 2, True), alpha=0.5, gamma=0.9)
    assert error == pytest.approx(-1.0)  # terminal: target is 4 alone, not 4 + 0.9 * V(2)
    assert values[3] == pytest.approx(4.5)
    assert values[2] == 3.0


def test_td0_on_an_episode_applies_the_steps_in_order() -> None:
    values = np.zeros(4)
    td0_episode_update(values, REVISIT, alpha=1.0, gamma=0.5)
    # alpha = 1 copies each target: V1 = 1 + 0.5 V2 = 1; V2 = 0 + 0.5 V1 = 0.5;
    # V1 = 2 + 0.5 V3 = 2; V3 = 4.
    np.testing.assert_allclose(values, [0.0, 2.0, 0.5, 4.0])


def test_a_truncated_episode_still_bootstraps_its_last_step() -> None:
    values = np.array([0.0, 0.0, 10.0])
    td0_episode_update(values, [Step(1, RIGHT, 0.0, 2, False)], alpha=1.0, gamma=1.0)
    assert values[1] == 10.0


def test_play_episode_records_a_full_random_walk() -> None:
    env = gym.make(RANDOM_WALK_ID)
    env.reset(seed=0)
    rng = np.random.default_rng(0)
    episode = play_episode(env, uniform_policy(7, 2), rng)
    assert episode[0].state == 3 and episode[-1].terminated
    assert all(not step.terminated for step in episode[:-1])
    for before, after in itertools.pairwise(episode):
        assert after.state == before.next_state
        assert abs(before.next_state - before.state) == 1
    assert episode[-1].next_state in (0, 6)
    assert sum(step.reward for step in episode) == (episode[-1].next_state == 6)


def test_play_episode_follows_a_deterministic_policy() -> None:
    env = gym.make(RANDOM_WALK_ID)
    env.reset(seed=0)
    always_right = deterministic_policy(np.full(7, RIGHT), 2)
    episode = play_episode(env, always_right, np.random.default_rng(0))
    assert [step.state for step in episode] == [3, 4, 5]
    assert [step.action for step in episode] == [RIGHT] * 3


def test_play_episode_marks_a_time_limit_as_truncated() -> None:
    env = gym.make(RANDOM_WALK_ID, max_episode_steps=2)
    env.reset(seed=0)
    always_right = deterministic_policy(np.full(7, RIGHT), 2)
    episode = play_episode(env, always_right, np.random.default_rng(0))
    assert [(step.terminated, step.truncated) for step in episode] == [
        (False, False),
        (False, True),
    ]


@pytest.mark.parametrize("method", ["mc", "td"])
def test_both_methods_converge_to_the_true_random_walk_values(method: str) -> None:
    env = gym.make(RANDOM_WALK_ID)
    env.reset(seed=1)
    rng = np.random.default_rng(1)
    policy = uniform_policy(7, 2)
    values = np.full(7, 0.5)
    values[[0, 6]] = 0.0
    for episode_index in range(3000):
        alpha = 0.1 / (1 + episode_index / 100)  # shrinking steps average the noise away
        episode = play_episode(env, policy, rng)
        if method == "mc":
            mc_update(values, episode, alpha, gamma=1.0)
        else:
            td0_episode_update(values, episode, alpha, gamma=1.0)
    assert rms_error(values, true_values(), np.arange(1, 6)) < 0.03


def test_rms_error() -> None:
    assert rms_error(np.array([0.0, 1.0, 3.0]), np.array([9.0, 0.0, 0.0]), np.array([1, 2])) == (
        pytest.approx(np.sqrt(5.0))
    )


def test_improvement_is_one_step_of_lookahead() -> None:
    grid = GridWorldEnv(layout=("S.G",), goal_reward=0.0)
    mdp = tabular_mdp(grid.P, 3, 4)
    exact = solve_policy_values(mdp, uniform_policy(3, 4), gamma=1.0)
    actions = greedy_actions(action_values(mdp, exact, gamma=1.0))
    assert actions[0] == 1 and actions[1] == 1  # right, towards the goal


def test_improving_the_random_policy_on_a_slippery_grid_does_not_make_it_worse() -> None:
    env = gym.make(GRIDWORLD_ID, layout=("....", "..T.", ".T..", "S..G"), slip_probability=0.2)
    grid = env.unwrapped
    assert isinstance(grid, GridWorldEnv)
    mdp = tabular_mdp(grid.P, 16, 4)
    random_policy = uniform_policy(16, 4)
    start = grid.initial_state_distrib
    before = evaluate_policy(mdp, random_policy, start, 200).expected_return
    values = solve_policy_values(mdp, random_policy, 1.0)
    improved = deterministic_policy(greedy_actions(action_values(mdp, values, 1.0)), 4)
    after = evaluate_policy(mdp, improved, start, 200).expected_return
    assert after > before + 5.0  # the policy improvement theorem, with a wide margin


def test_epsilon_soft_rows_are_distributions_that_favour_the_given_action() -> None:
    policy = epsilon_soft(np.array([2, 0]), n_actions=4, epsilon=0.2)
    np.testing.assert_allclose(policy.sum(axis=1), 1.0)
    np.testing.assert_allclose(policy[0], [0.05, 0.05, 0.85, 0.05])
    np.testing.assert_allclose(epsilon_soft(np.array([1]), 2, 0.0), [[0.0, 1.0]])
