"""Exercise 1: design a gridworld of your own and register it with Gymnasium.

Fill in MY_LAYOUT and register_gridworld, then run this file and `rlcourse check 4.7`.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import gymnasium as gym
from gymnasium.utils.env_checker import check_env

from rlcourse.agents.tabular import table_shape
from rlcourse.dp import value_iteration
from rlcourse.envs.gridworld import unwrap_gridworld
from rlcourse.mdp import tabular_mdp

# Your design, in the characters of rlcourse.envs.gridworld (. # S G T). The brief:
# - exactly one S and one G, at least one wall and one trap;
# - the shortest route from S to G (never entering a wall or a trap) has a move from
#   which a sideways slip would fall into a trap;
# - a longer route exists on which no move can slip into a trap.
MY_LAYOUT: tuple[str, ...] = ("S..G",)


def register_gridworld(
    env_id: str,
    layout: Sequence[str],
    step_cost: float,
    trap_penalty: float,
    slip_probability: float,
    max_episode_steps: int,
) -> str:
    """Register rlcourse's GridWorldEnv with these settings under ``env_id``; return the id.

    Use ``gym.register`` with entry_point "rlcourse.envs.gridworld:GridWorldEnv" and the
    settings as ``kwargs`` (the layout as a tuple). Registering the same id with the same
    settings again does nothing. With different settings it raises ValueError: Gymnasium
    would replace the first registration, and environments made before and after would
    silently differ. ``gym.registry[env_id].kwargs`` holds what was registered.
    """
    raise NotImplementedError("register_gridworld")


if __name__ == "__main__":
    env_id = register_gridworld("mygrids/MyGrid-v0", MY_LAYOUT, 1.0, 100.0, 0.1, 200)
    env = gym.make(env_id)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_env(env.unwrapped)
    print(f"{env_id}: check_env raised {len(caught)} warnings")
    for penalty in (5.0, 20.0, 100.0):
        grid = unwrap_gridworld(gym.make(env_id, trap_penalty=penalty))
        optimal = value_iteration(tabular_mdp(grid.P, *table_shape(env)), gamma=1.0)
        start = int(grid.initial_state_distrib.argmax())
        print(f"trap penalty {penalty:>5}: optimal expected return {optimal.values[start]:.3f}")
