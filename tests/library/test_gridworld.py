"""The gridworld: a real Gymnasium environment whose model P matches its step()."""

from __future__ import annotations

import warnings
from collections import Counter
from typing import Any

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.spaces import Discrete
from gymnasium.utils.env_checker import check_env

from rlcourse.envs import GRIDWORLD_ID
from rlcourse.envs.gridworld import (
    CLIFF_LAYOUT,
    DOWN,
    LEFT,
    MAZE_LAYOUT,
    RIGHT,
    UP,
    GridWorldEnv,
    unwrap_gridworld,
)


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"layout": MAZE_LAYOUT, "slip_probability": 0.2}, {"layout": ("S.G",), "goal_reward": 1}],
)
def test_passes_the_gymnasium_env_checker_without_warnings(kwargs: dict[str, Any]) -> None:
    env = gym.make(GRIDWORLD_ID, **kwargs)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any checker warning fails the test
        check_env(env.unwrapped)


def test_spaces_registration_and_metadata() -> None:
    env = gym.make(GRIDWORLD_ID)
    grid = unwrap_gridworld(env)
    assert env.spec is not None and env.spec.max_episode_steps == 200
    assert isinstance(env.observation_space, Discrete)
    assert env.observation_space.n == len(CLIFF_LAYOUT) * len(CLIFF_LAYOUT[0])
    assert env.action_space == Discrete(4)
    assert grid.metadata["render_fps"] > 0
    assert set(grid.metadata["render_modes"]) == {"ansi", "rgb_array"}


def test_model_rows_are_probability_distributions() -> None:
    grid = GridWorldEnv(layout=MAZE_LAYOUT, slip_probability=0.3)
    for state, by_action in grid.P.items():
        for action, outcomes in by_action.items():
            assert sum(p for p, *_ in outcomes) == pytest.approx(1.0), (state, action)
            assert len({s for _, s, _, _ in outcomes}) == len(outcomes), "outcomes are merged"


def test_moves_walls_traps_goal_and_rewards() -> None:
    layout = ("S.#", ".TG")
    grid = GridWorldEnv(layout=layout, step_cost=0.5, goal_reward=7.0, trap_penalty=30.0)
    assert grid.P[0][RIGHT] == [(1.0, 1, -0.5, False)]
    assert grid.P[1][RIGHT] == [(1.0, 1, -0.5, False)]  # a wall: stay, pay the step
    assert grid.P[0][UP] == [(1.0, 0, -0.5, False)]  # the border: stay, pay the step
    assert grid.P[1][DOWN] == [(1.0, 4, -30.0, True)]  # into the trap
    assert grid.P[3][RIGHT] == [(1.0, 4, -30.0, True)]
    assert grid.P[2][LEFT] == [(1.0, 2, 0.0, True)]  # wall cells are absorbing
    for action in range(4):
        assert grid.P[5][action] == [(1.0, 5, 0.0, True)]  # so is the goal
    grid = GridWorldEnv(layout=(".S.G",), goal_reward=7.0)
    assert grid.P[2][RIGHT] == [(1.0, 3, 7.0, True)]


def test_slip_goes_sideways() -> None:
    grid = GridWorldEnv(layout=("...", ".S.", "..G"), slip_probability=0.2)
    outcomes = {s: p for p, s, _, _ in grid.P[4][UP]}
    assert outcomes == pytest.approx({1: 0.8, 5: 0.1, 3: 0.1})  # up; right or left by slip


def test_step_samples_from_the_model() -> None:
    env = GridWorldEnv(layout=("...", ".S.", "..G"), slip_probability=0.4)
    env.reset(seed=3)
    counts: Counter[int] = Counter()
    draws = 4000
    for _ in range(draws):
        env.state = 4  # the centre, so every draw starts from the same state
        next_state, reward, terminated, truncated, info = env.step(UP)
        counts[next_state] += 1
        assert reward == -1.0 and not terminated and not truncated and info["prob"] > 0
    expected = {s: p for p, s, _, _ in env.P[4][UP]}
    for state, probability in expected.items():
        assert counts[state] / draws == pytest.approx(probability, abs=0.03)


def test_reset_is_seeded_by_np_random_only() -> None:
    env = GridWorldEnv(layout=("S...", "...S", "G..."))
    starts = {env.reset(seed=seed)[0] for seed in range(40)}
    assert starts == {0, 7}
    first = [env.reset(seed=5)[0]] + [env.reset()[0] for _ in range(10)]
    again = [env.reset(seed=5)[0]] + [env.reset()[0] for _ in range(10)]
    assert first == again
    assert env.initial_state_distrib[[0, 7]].tolist() == [0.5, 0.5]


def test_rgb_and_ansi_rendering_show_the_agent() -> None:
    env = GridWorldEnv(layout=("S.", ".G"), render_mode="rgb_array", cell_size=10)
    env.reset(seed=0)
    env.step(RIGHT)
    frame = env.render()
    assert isinstance(frame, np.ndarray)
    assert frame.shape == (20, 20, 3) and frame.dtype == np.uint8
    assert tuple(frame[5, 15]) != tuple(frame[5, 5])  # agent at (0, 1), floor at (0, 0)
    text_env = GridWorldEnv(layout=("S.", ".G"), render_mode="ansi")
    text_env.reset(seed=0)
    text_env.step(DOWN)
    assert text_env.render() == "S.\nAG\n"
    assert GridWorldEnv().render() is None


def test_to_grid_and_bad_layouts() -> None:
    grid = GridWorldEnv(layout=("S#", ".G"))
    shaped = grid.to_grid(np.arange(4.0))
    assert np.isnan(shaped[0, 1]) and shaped[1, 0] == 2.0
    for bad in [(), ("S.", "."), ("..",), ("S.X",)]:
        with pytest.raises(ValueError):
            GridWorldEnv(layout=bad)
    with pytest.raises(ValueError):
        GridWorldEnv(slip_probability=1.5)
