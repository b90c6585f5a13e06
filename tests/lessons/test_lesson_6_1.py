"""Lesson 6.1: the board Demo 1's DQN trains on is a valid environment that keeps the
game's rules and score, and changes only the observation, the reward and the invalid-move
rule."""

from __future__ import annotations

from typing import Any

import gymnasium as gym
import numpy as np
import pytest

from coursetools.file_import import import_file
from coursetools.lessons import load
from rlcourse.envs import GAME_2048_ID

LESSON = load("6.1")


@pytest.fixture(scope="module")
def training() -> Any:
    return import_file(LESSON.folder / "training2048.py")


def test_observations_lie_in_the_space_and_follow_the_seed(training: Any) -> None:
    def game(seed: int) -> list[np.ndarray]:
        board = training.make_training_board()
        board.action_space.seed(seed)
        observation, _ = board.reset(seed=seed)
        seen = [observation]
        for _ in range(40):
            observation, *_ = board.step(board.action_space.sample())
            assert board.observation_space.contains(observation)
            seen.append(observation)
        return seen

    assert all(np.array_equal(a, b) for a, b in zip(game(1), game(1), strict=True))
    assert not all(np.array_equal(a, b) for a, b in zip(game(1), game(2), strict=True))


def test_one_hot_has_a_single_one_per_cell_at_its_exponent(training: Any) -> None:
    exponents = np.random.default_rng(0).integers(0, 18, size=16)
    encoded = training.one_hot_board(exponents.astype(np.float32)).reshape(16, 18)
    assert encoded.sum(axis=1).tolist() == [1.0] * 16
    assert encoded.argmax(axis=1).tolist() == exponents.tolist()


def test_legal_moves_play_the_library_game_move_for_move(training: Any) -> None:
    board, game = training.make_training_board(), gym.make(GAME_2048_ID)
    observation, info = board.reset(seed=3)
    raw, _ = game.reset(seed=3)
    rng = np.random.default_rng(3)
    done = False
    while not done:
        action = int(rng.choice(np.flatnonzero(info["legal_moves"])))
        observation, reward, terminated, truncated, info = board.step(np.int64(action))
        raw, raw_reward, raw_terminated, _, raw_info = game.step(action)
        assert np.array_equal(observation, training.one_hot_board(raw))
        assert reward == pytest.approx(np.log2(1 + float(raw_reward)))
        assert (terminated, info["score"]) == (raw_terminated, raw_info["score"])
        done = terminated or truncated


def test_an_invalid_move_costs_the_penalty_and_too_many_in_a_row_lose(training: Any) -> None:
    board = training.make_training_board(invalid_penalty=7.0, max_invalid=3)
    seed = 0
    observation, info = board.reset(seed=seed)
    while info["legal_moves"].all():  # find a start with an invalid move (two tiles in a corner)
        seed += 1
        observation, info = board.reset(seed=seed)
    invalid = int(np.flatnonzero(~info["legal_moves"])[0])
    for count in range(1, 4):
        after, reward, terminated, truncated, _ = board.step(np.int64(invalid))
        assert np.array_equal(after, observation), "an invalid move leaves the board as it was"
        assert reward == -7.0 and not truncated
        assert terminated == (count == 3)
