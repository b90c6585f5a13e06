"""Exercise 1: a cleaning robot paid for every mess it cleans, which can also make messes.

Fill in ``reset`` and ``step``, then run this file and `rlcourse check 7.4`.
"""

from __future__ import annotations

from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium.spaces import Discrete
from gymnasium.utils.env_checker import check_env

from rlcourse.agents.tabular import greedy_actions, train
from rlcourse.schedules import LinearSchedule

LEFT, RIGHT, CLEAN, TIP = 0, 1, 2, 3  # TIP knocks the bin over: a mess where the robot is


class CleaningRobot(gym.Env[Any, Any]):
    """A corridor of ``n_cells`` cells, each clean or messy. The observation is one integer,
    ``position + n_cells * messes``, where bit i of ``messes`` is 1 when cell i is messy.

    reset: the robot at cell 0, the messes drawn uniformly among the non-empty patterns,
    ``self.np_random.integers(1, 2 ** n_cells)``. step: LEFT and RIGHT move one cell (at an
    end of the corridor the robot stays); CLEAN removes the mess under the robot and pays
    ``reward_per_clean`` if there was one (0 otherwise); TIP makes a mess under the robot
    if the cell was clean, paying 0. The episode terminates when no mess is left.
    ``info["messes"]`` is the number of messy cells after the step.
    """

    def __init__(self, n_cells: int = 4, reward_per_clean: float = 1.0) -> None:
        self.n_cells, self.reward_per_clean = n_cells, reward_per_clean
        self.observation_space = Discrete(n_cells * 2**n_cells)
        self.action_space = Discrete(4)
        self.position, self.messes = 0, 0

    def observation(self) -> int:
        return self.position + self.n_cells * self.messes

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[int, dict[str, Any]]:
        # TODO: seed self.np_random, put the robot at cell 0, draw the messes
        raise NotImplementedError("CleaningRobot.reset")

    def step(self, action: int) -> tuple[int, float, bool, bool, dict[str, Any]]:
        # TODO: move, clean or tip; the reward; terminated when no mess is left
        raise NotImplementedError("CleaningRobot.step")


def final_messes(env: gym.Env[Any, Any], q: np.ndarray, episodes: int, seed: int) -> float:
    """Mean number of messes left at the end of ``episodes`` greedy episodes (given)."""
    actions = greedy_actions(q)
    left = 0
    for episode in range(episodes):
        state, info = env.reset(seed=seed + episode)
        done = False
        while not done:
            state, _, terminated, truncated, info = env.step(int(actions[state]))
            done = terminated or truncated
        left += info["messes"]
    return left / episodes


if __name__ == "__main__":
    gym.register("cleaning/Robot-v0", entry_point=f"{__name__}:CleaningRobot", max_episode_steps=50)
    env = gym.make("cleaning/Robot-v0")
    check_env(env.unwrapped)
    q, history = train(env, "q_learning", 3000, 0.1, 0.99, LinearSchedule(1.0, 0.05, 1500), 0)
    print(f"last 100 training episodes: {np.mean(history.returns[-100:]):.1f} paid per episode")
    print(f"messes left after 100 greedy episodes: {final_messes(env, q, 100, 10_000):.2f}")
