"""Part 6.1's classic games: 2048, Snake and Tic-Tac-Toe, valid Gymnasium environments that
follow their rules and their seeds."""

from __future__ import annotations

import warnings

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

from rlcourse.envs import GAME_2048_ID, SNAKE_ID, TICTACTOE_ID
from rlcourse.envs.game2048 import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Game2048Env,
    legal_moves,
    merge_row_left,
    slide,
)
from rlcourse.envs.snake import SnakeEnv, move_snake
from rlcourse.envs.tictactoe import TicTacToeEnv, winner


@pytest.mark.parametrize("env_id", [GAME_2048_ID, SNAKE_ID, TICTACTOE_ID])
def test_passes_the_gymnasium_env_checker_without_warnings(env_id: str) -> None:
    env = gym.make(env_id, render_mode="rgb_array")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any checker warning fails the test
        check_env(env.unwrapped)


@pytest.mark.parametrize("env_id", [GAME_2048_ID, SNAKE_ID, TICTACTOE_ID])
def test_renders_rgb_frames(env_id: str) -> None:
    env = gym.make(env_id, render_mode="rgb_array")
    env.reset(seed=0)
    env.step(0)
    frame = env.render()
    assert isinstance(frame, np.ndarray) and frame.dtype == np.uint8
    assert frame.ndim == 3 and frame.shape[2] == 3 and frame.std() > 0


def random_game(env_id: str, seed: int) -> list[np.ndarray]:
    """The observations of one game whose actions come from a generator seeded apart."""
    env = gym.make(env_id)
    observation, _ = env.reset(seed=seed)
    actions = np.random.default_rng(1)
    seen, done = [observation], False
    while not done:
        observation, _, terminated, truncated, _ = env.step(int(actions.integers(3)))
        seen.append(observation)
        done = terminated or truncated
    return seen


@pytest.mark.parametrize("env_id", [GAME_2048_ID, SNAKE_ID])
def test_the_seed_fixes_the_game_and_another_seed_changes_it(env_id: str) -> None:
    first, again = random_game(env_id, 5), random_game(env_id, 5)
    assert len(first) == len(again)
    assert all(np.array_equal(a, b) for a, b in zip(first, again, strict=True))
    others = [random_game(env_id, seed) for seed in range(6, 10)]
    assert any(
        len(other) != len(first) or not np.array_equal(other[0], first[0]) for other in others
    )


def test_a_2048_row_merges_each_tile_once_and_scores_the_new_tiles() -> None:
    assert merge_row_left([1, 1, 2, 0]) == ([2, 2, 0, 0], 4)
    assert merge_row_left([1, 1, 1, 1]) == ([2, 2, 0, 0], 8)
    assert merge_row_left([0, 2, 0, 2]) == ([3, 0, 0, 0], 8)
    assert merge_row_left([1, 1, 1, 0]) == ([2, 1, 0, 0], 4)
    assert merge_row_left([3, 2, 1, 0]) == ([3, 2, 1, 0], 0)


def test_2048_moves_point_the_right_way() -> None:
    board = np.zeros((4, 4), dtype=np.int64)
    board[0, 0] = board[0, 1] = 1  # two 2s in the top-left corner
    assert slide(board, LEFT)[0][0].tolist() == [2, 0, 0, 0]
    assert slide(board, RIGHT)[0][0].tolist() == [0, 0, 0, 2]
    down, score = slide(board, DOWN)
    assert down[3].tolist() == [1, 1, 0, 0] and score == 0
    assert legal_moves(board).tolist() == [False, True, True, True]  # up changes nothing
    assert np.array_equal(slide(board, UP)[0], board)


def test_2048_adds_a_tile_after_a_move_and_ends_on_an_invalid_one() -> None:
    env = Game2048Env()
    env.reset(seed=0)
    env.board = np.zeros((4, 4), dtype=np.int64)
    env.board[3, 0] = env.board[3, 1] = 1
    observation, reward, terminated, _, info = env.step(LEFT)
    assert reward == 4.0 and not terminated and info["score"] == 4
    assert observation[12] == 2 and int((observation > 0).sum()) == 2  # merged 4 + a new tile
    board = np.array([[1, 2, 1, 2], [2, 1, 2, 1], [1, 2, 1, 2], [2, 1, 2, 1]])
    env.board = board.copy()
    _, reward, terminated, _, info = env.step(UP)
    assert terminated and reward == 0.0 and info["invalid"]


def test_the_snake_eats_grows_and_dies() -> None:
    body = [(2, 2), (2, 1), (2, 0)]
    moved, ate, died = move_snake(body, 1, (5, 5), size=6)  # right, no apple
    assert moved == [(2, 3), (2, 2), (2, 1)] and not ate and not died
    moved, ate, died = move_snake(body, 1, (2, 3), size=6)  # right, onto the apple
    assert moved == [(2, 3), (2, 2), (2, 1), (2, 0)] and ate and not died
    assert move_snake([(0, 0), (0, 1)], 0, (5, 5), size=6)[2]  # up into the wall
    ring = [(1, 1), (1, 2), (2, 2), (2, 1)]
    assert not move_snake(ring, 2, (5, 5), size=6)[2]  # into the cell its tail leaves
    assert move_snake(ring, 1, (5, 5), size=6)[2]  # into its own neck


def test_snake_rewards_and_hunger() -> None:
    env = SnakeEnv(size=6, hunger=5)
    env.reset(seed=0)
    env.apple = (3, 4)  # one step right of the head at (3, 3)
    _, reward, terminated, _, info = env.step(0)
    assert reward == 1.0 and not terminated and info["apples"] == 1 and info["length"] == 4
    env.apple = (0, 0)
    rewards = [env.step(1)[1] for _ in range(4)]  # four left turns: a tight circle
    assert rewards == [0.0, 0.0, 0.0, 0.0]
    assert env.step(1)[1:3] == (-1.0, True)  # the fifth step without an apple starves it


def test_tictactoe_players_alternate_and_the_mover_is_paid() -> None:
    env = TicTacToeEnv()
    _, info = env.reset(seed=0)
    assert info["to_move"] == 1
    rewards = []
    for cell in (0, 3, 1, 4):  # X takes 0 and 1, O takes 3 and 4
        _, reward, terminated, _, info = env.step(cell)
        rewards.append(reward)
        assert not terminated
    _, reward, terminated, _, info = env.step(2)  # X completes the top row
    assert rewards == [0.0] * 4 and reward == 1.0 and terminated and info["winner"] == 1
    env.reset()
    env.step(4)
    _, reward, terminated, _, info = env.step(4)  # O plays on X's cell
    assert reward == -1.0 and terminated and info["illegal"]
    assert winner((1, 2, 1, 1, 2, 2, 2, 1, 1)) == 0


def test_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError, match="render_mode"):
        Game2048Env(render_mode="human")
    with pytest.raises(ValueError, match="size"):
        SnakeEnv(size=3)
    with pytest.raises(ValueError, match="render_mode"):
        TicTacToeEnv(render_mode="ansi")
