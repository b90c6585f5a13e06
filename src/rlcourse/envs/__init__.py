"""The course's own environments, registered with Gymnasium on import (Part 4.4 introduces
the first, the gridworld).

``import rlcourse.envs`` makes ``gym.make("rlcourse/GridWorld-v0")`` work; keyword
arguments of :class:`~rlcourse.envs.gridworld.GridWorldEnv` (``layout``,
``slip_probability``, ...) pass through ``gym.make``.
"""

from __future__ import annotations

from gymnasium.envs.registration import register, registry

from rlcourse.envs.gridworld import GridWorldEnv

__all__ = ["GRIDWORLD_ID", "GridWorldEnv"]

GRIDWORLD_ID = "rlcourse/GridWorld-v0"

if GRIDWORLD_ID not in registry:
    register(
        id=GRIDWORLD_ID,
        entry_point="rlcourse.envs.gridworld:GridWorldEnv",
        max_episode_steps=200,
    )

RANDOM_WALK_ID = "rlcourse/RandomWalk-v0"

if RANDOM_WALK_ID not in registry:
    register(
        id=RANDOM_WALK_ID,
        entry_point="rlcourse.envs.random_walk:RandomWalkEnv",
        max_episode_steps=1000,
    )
