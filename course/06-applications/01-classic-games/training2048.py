"""The 2048 that Demo 1's DQN trains on (Part 6.1): the library's game, seen through a
wrapper that changes three things: what the agent observes, what it is paid, and what an
invalid move costs.

The game underneath (``rlcourse.envs.game2048``) is unchanged, and so is its score, which
``info["score"]`` still reports: the random player and the corner rule play the same game,
and every player is judged by the same number.
"""

from __future__ import annotations

import math
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium.envs.registration import register, registry

from rlcourse.envs import GAME_2048_ID
from rlcourse.envs.game2048 import MAX_EXPONENT

TRAINING_2048_ID = "lesson61/Game2048Training-v0"
CELLS = 16
EXPONENTS = MAX_EXPONENT + 1  # 0 (empty) to 17: the values one cell can hold


# --8<-- [start:one_hot]
def one_hot_board(exponents: np.ndarray) -> np.ndarray:
    """(16,) exponents -> (16 * 18,) float32: for each cell, a 1 at its exponent.

    A network reads a 1 at "this cell holds a 64" as a feature of its own: two cells can
    merge when their 1s sit at the same place, a comparison the raw exponents 6 and 6
    leave to the network to discover.
    """
    encoded = np.zeros((CELLS, EXPONENTS), dtype=np.float32)
    encoded[np.arange(CELLS), exponents.astype(np.int64)] = 1.0
    return encoded.reshape(-1)


# --8<-- [end:one_hot]


class TrainingBoard(gym.Wrapper[np.ndarray, np.int64, np.ndarray, np.int64]):
    """2048 for a learner: one-hot observation; reward log2(1 + the move's score); an
    invalid move costs ``invalid_penalty`` and leaves the board as it was, and
    ``max_invalid`` invalid moves in a row lose the game (so a greedy agent stuck on one
    cannot play for ever)."""

    def __init__(
        self, env: gym.Env[np.ndarray, np.int64], invalid_penalty: float, max_invalid: int
    ) -> None:
        super().__init__(env)
        self.observation_space = gym.spaces.Box(0.0, 1.0, (CELLS * EXPONENTS,), np.float32)
        self.invalid_penalty = invalid_penalty
        self.max_invalid = max_invalid
        self.invalid_in_a_row = 0
        self.last: tuple[np.ndarray, dict[str, Any]] = (np.zeros(CELLS, np.float32), {})

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[np.ndarray, dict[str, Any]]:
        observation, info = self.env.reset(seed=seed, options=options)
        self.invalid_in_a_row = 0
        self.last = (observation, info)
        return one_hot_board(observation), info

    # --8<-- [start:step]
    def step(self, action: np.int64) -> tuple[np.ndarray, float, bool, bool, dict[str, Any]]:
        observation, info = self.last
        if not info["legal_moves"][action]:
            # The library's game would end here; the learner pays and plays on instead.
            self.invalid_in_a_row += 1
            lost = self.invalid_in_a_row >= self.max_invalid
            return one_hot_board(observation), -self.invalid_penalty, lost, False, info
        observation, score, terminated, truncated, info = self.env.step(action)
        self.invalid_in_a_row = 0
        self.last = (observation, info)
        # A merge of two 512s scores 1024, of two 2s only 4: the logarithm (10 and 2.3)
        # keeps the big merges from drowning the small ones in the loss.
        reward = math.log2(1.0 + float(score))
        return one_hot_board(observation), reward, terminated, truncated, info

    # --8<-- [end:step]


def make_training_board(
    invalid_penalty: float = 1.0, max_invalid: int = 5, **kwargs: Any
) -> TrainingBoard:
    """What gym.make calls: the wrapped game (``kwargs`` go to the game, e.g. render_mode),
    built from this module whatever name it was imported under."""
    return TrainingBoard(gym.make(GAME_2048_ID, **kwargs), invalid_penalty, max_invalid)


if TRAINING_2048_ID not in registry:
    register(id=TRAINING_2048_ID, entry_point=make_training_board)
