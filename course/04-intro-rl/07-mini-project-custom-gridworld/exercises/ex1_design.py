"""Exercise 1: design a gridworld of your own and write it as a Gymnasium environment.

Fill in MY_LAYOUT and SlipperyGrid, then run this file and `rlcourse check 4.7`.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

import gymnasium as gym
from gymnasium.spaces import Discrete  # noqa: F401 (you will need it)
from gymnasium.utils.env_checker import check_env

from rlcourse.dp import value_iteration
from rlcourse.envs.gridworld import GridWorldEnv
from rlcourse.mdp import tabular_mdp

# Your design, in the characters . # S G T (floor, wall, start, goal, trap). The brief:
# - exactly one S and one G, at least one wall and one trap;
# - the shortest route from S to G (never entering a wall or a trap) has a move from
#   which a sideways slip would fall into a trap;
# - a longer route exists on which no move can slip into a trap.
MY_LAYOUT: tuple[str, ...] = ("S..G",)
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
        # TODO: self.observation_space and self.action_space, both Discrete
        raise NotImplementedError("SlipperyGrid.__init__: the two spaces")

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[int, dict[str, Any]]:
        # TODO: super().reset(seed=seed) seeds self.np_random; then back to the start
        raise NotImplementedError("SlipperyGrid.reset")

    def step(self, action: int) -> tuple[int, float, bool, bool, dict[str, Any]]:
        # TODO: draw the direction (slips included), move unless blocked, then reward and end
        raise NotImplementedError("SlipperyGrid.step")


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
