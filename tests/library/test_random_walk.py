"""The random-walk chain: a valid Gymnasium environment whose true values are known."""

from __future__ import annotations

import warnings
from typing import Any

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.spaces import Discrete
from gymnasium.utils.env_checker import check_env

from rlcourse.dp import solve_policy_values
from rlcourse.envs import RANDOM_WALK_ID
from rlcourse.envs.random_walk import LEFT, RIGHT, RandomWalkEnv, state_names, true_values
from rlcourse.mdp import tabular_mdp, uniform_policy


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"n_states": 19, "left_reward": -1.0}, {"n_states": 1, "render_mode": "ansi"}],
)
def test_passes_the_gymnasium_env_checker_without_warnings(kwargs: dict[str, Any]) -> None:
    env = gym.make(RANDOM_WALK_ID, **kwargs)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any checker warning fails the test
        check_env(env.unwrapped)


def test_registration_and_spaces() -> None:
    env = gym.make(RANDOM_WALK_ID)
    assert env.spec is not None and env.spec.max_episode_steps == 1000
    assert isinstance(env.unwrapped, RandomWalkEnv)
    assert env.observation_space == Discrete(7)
    assert env.action_space == Discrete(2)


def test_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError, match="odd"):
        RandomWalkEnv(n_states=4)
    with pytest.raises(ValueError, match="render_mode"):
        RandomWalkEnv(render_mode="rgb_array")


def test_model_moves_one_state_and_pays_at_the_ends() -> None:
    walk = RandomWalkEnv(left_reward=-2.0, right_reward=3.0)
    assert walk.P[3][LEFT] == [(1.0, 2, 0.0, False)]
    assert walk.P[3][RIGHT] == [(1.0, 4, 0.0, False)]
    assert walk.P[1][LEFT] == [(1.0, 0, -2.0, True)]
    assert walk.P[5][RIGHT] == [(1.0, 6, 3.0, True)]
    for end in (0, 6):
        assert walk.P[end][LEFT] == walk.P[end][RIGHT] == [(1.0, end, 0.0, True)]


def test_episodes_start_in_the_middle_and_step_follows_the_model() -> None:
    env = gym.make(RANDOM_WALK_ID, n_states=5)
    state, info = env.reset(seed=3)
    assert (state, info) == (3, {})
    assert env.step(RIGHT)[:4] == (4, 0.0, False, False)
    assert env.step(RIGHT)[:4] == (5, 0.0, False, False)
    assert env.step(RIGHT)[:4] == (6, 1.0, True, False)
    state, _ = env.reset()
    assert state == 3
    assert env.step(LEFT)[:3] == (2, 0.0, False)


def test_a_policy_that_never_ends_is_truncated_by_the_time_limit() -> None:
    env = gym.make(RANDOM_WALK_ID, max_episode_steps=10)
    env.reset(seed=0)
    actions = [RIGHT, LEFT] * 5  # C -> D -> C -> D ... forever
    outcomes = [env.step(action) for action in actions]
    assert not any(terminated for _, _, terminated, _, _ in outcomes)
    assert outcomes[-1][3] is True  # truncated after 10 steps


@pytest.mark.parametrize(
    ("n_states", "left", "right"), [(5, 0.0, 1.0), (19, -1.0, 1.0), (3, 2.0, 5.0)]
)
def test_closed_form_values_agree_with_dynamic_programming(
    n_states: int, left: float, right: float
) -> None:
    walk = RandomWalkEnv(n_states=n_states, left_reward=left, right_reward=right)
    mdp = tabular_mdp(walk.P, n_states + 2, 2)
    exact = solve_policy_values(mdp, uniform_policy(n_states + 2, 2), gamma=1.0).numpy()
    np.testing.assert_allclose(true_values(n_states, left, right), exact, atol=1e-12)


def test_classic_values_are_sixths() -> None:
    np.testing.assert_allclose(true_values()[1:6], np.arange(1, 6) / 6)
    assert true_values()[0] == true_values()[6] == 0.0


def test_state_names_and_text_rendering() -> None:
    assert state_names(5) == ["A", "B", "C", "D", "E"]
    assert state_names(27)[0] == "s1"
    walk = RandomWalkEnv(render_mode="ansi")
    walk.reset(seed=0)
    assert walk.render() == "[L] .  .  o  .  . [R]\n"
    assert RandomWalkEnv().render() is None


def test_random_policy_ends_on_the_right_with_probability_one_half() -> None:
    env = gym.make(RANDOM_WALK_ID)
    env.reset(seed=0)
    env.action_space.seed(0)
    rights = 0
    episodes = 4000
    for _ in range(episodes):
        env.reset()
        done, reward = False, 0.0
        while not done:
            _, reward, terminated, truncated, _ = env.step(env.action_space.sample())
            done = terminated or truncated
        rights += reward == 1.0
    # V(C) = 1/2; the standard error of 4000 coin flips is 0.0079, so 0.03 is 3.8 of them.
    assert abs(rights / episodes - 0.5) < 0.03
