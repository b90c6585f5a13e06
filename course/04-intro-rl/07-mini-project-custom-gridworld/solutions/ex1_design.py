"""Exercise 1: design a gridworld of your own and write it as a Gymnasium environment."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

import gymnasium as gym
from gymnasium.spaces import Discrete
from gymnasium.utils.env_checker import check_env

from rlcourse.dp import value_iteration
from rlcourse.envs.gridworld import GridWorldEnv
from rlcourse.mdp import tabular_mdp

# A river (row 2) between the start and the goal, with a bridge at column 3. The way
# round the river's east end runs along walls, so no move there can slip into it.
MY_LAYOUT: tuple[str, ...] = (
    "S.......",
    "........",
    "TTT.TT#.",
    "......#.",
    "G.......",
)
MOVES = ((-1, 0), (0, 1), (1, 0), (0, -1))  # (row, column) change of up, right, down, left


class SlipperyGrid(gym.Env[Any, Any]):
    """A gridworld. Observation: the agent's cell, row * n_cols + col. Actions: 0 up,
    1 right, 2 down, 3 left. Every episode starts on the S cell.

    A move goes where it is aimed with probability 1 - slip_probability, and 90 degrees to
    either side with slip_probability / 2 each; a move into a wall or off the grid leaves
    the agent where it is. Entering G ends the episode with reward goal_reward, entering T
    ends it with reward -trap_penalty; every other move pays -step_cost. All randomness
    comes from self.np_random, which reset(seed=...) seeds.
    """

    def __init__(
        self,
        layout: Sequence[str] = MY_LAYOUT,
        step_cost: float = 1.0,
        goal_reward: float = 0.0,
        trap_penalty: float = 100.0,
        slip_probability: float = 0.1,
    ) -> None:
        self.layout = tuple(layout)
        self.n_rows, self.n_cols = len(self.layout), len(self.layout[0])
        self.step_cost, self.goal_reward = step_cost, goal_reward
        self.trap_penalty, self.slip_probability = trap_penalty, slip_probability
        self.start = "".join(self.layout).index("S")
        self.state = self.start
        self.observation_space = Discrete(self.n_rows * self.n_cols)
        self.action_space = Discrete(len(MOVES))

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[int, dict[str, Any]]:
        super().reset(seed=seed)  # seeds self.np_random
        self.state = self.start
        return self.state, {}

    def step(self, action: int) -> tuple[int, float, bool, bool, dict[str, Any]]:
        draw = self.np_random.random()
        side = self.slip_probability / 2
        if draw < side:
            direction = (action + 1) % 4  # slipped 90 degrees clockwise
        elif draw < 2 * side:
            direction = (action + 3) % 4  # slipped 90 degrees anticlockwise
        else:
            direction = action
        row, col = divmod(self.state, self.n_cols)
        d_row, d_col = MOVES[direction]
        inside = 0 <= row + d_row < self.n_rows and 0 <= col + d_col < self.n_cols
        if inside and self.layout[row + d_row][col + d_col] != "#":
            row, col = row + d_row, col + d_col
        self.state = row * self.n_cols + col
        cell = self.layout[row][col]
        if cell == "G":
            return self.state, self.goal_reward, True, False, {}
        if cell == "T":
            return self.state, -self.trap_penalty, True, False, {}
        return self.state, -self.step_cost, False, False, {}


if __name__ == "__main__":
    # "module:Class": this file's class, whether it runs as a script or is imported
    gym.register("mygrids/MyGrid-v0", entry_point=f"{__name__}:SlipperyGrid", max_episode_steps=200)
    env = gym.make("mygrids/MyGrid-v0")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_env(env.unwrapped)
    print(f"check_env on your SlipperyGrid: {len(caught)} warnings")
    for penalty in (5.0, 20.0, 100.0):
        model = GridWorldEnv(MY_LAYOUT, trap_penalty=penalty, slip_probability=0.1)
        n_states = model.n_rows * model.n_cols
        optimal = value_iteration(tabular_mdp(model.P, n_states, 4), gamma=1.0)
        start = int(model.initial_state_distrib.argmax())
        print(f"trap penalty {penalty:>5}: optimal expected return {optimal.values[start]:.3f}")
