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

# A river (row 2) between the start and the goal, with a bridge at column 3. The way
# round the river's east end runs along walls, so no move there can slip into it.
MY_LAYOUT: tuple[str, ...] = (
    "S.......",
    "........",
    "TTT.TT#.",
    "......#.",
    "G.......",
)


def register_gridworld(
    env_id: str,
    layout: Sequence[str],
    step_cost: float,
    trap_penalty: float,
    slip_probability: float,
    max_episode_steps: int,
) -> str:
    """Register rlcourse's GridWorldEnv with these settings under ``env_id``; return the id.

    Registering the same id with the same settings again does nothing. With different
    settings it raises ValueError: Gymnasium would replace the first registration, and
    environments made before and after would silently differ.
    """
    kwargs = {
        "layout": tuple(layout),
        "step_cost": step_cost,
        "trap_penalty": trap_penalty,
        "slip_probability": slip_probability,
    }
    if env_id in gym.registry:
        spec = gym.registry[env_id]
        if spec.kwargs != kwargs or spec.max_episode_steps != max_episode_steps:
            raise ValueError(f"{env_id} is already registered with other settings: {spec.kwargs}")
        return env_id
    gym.register(
        id=env_id,
        entry_point="rlcourse.envs.gridworld:GridWorldEnv",
        kwargs=kwargs,
        max_episode_steps=max_episode_steps,
    )
    return env_id


if __name__ == "__main__":
    env_id = register_gridworld("mygrids/River-v0", MY_LAYOUT, 1.0, 100.0, 0.1, 200)
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
