"""Exercise 1: Simulate an agent-environment loop and print state transitions.

For environments whose states and actions are integers (FrozenLake, Taxi, CliffWalking).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import gymnasium as gym

from rlcourse.episodes import Episode


def run_episode(env: gym.Env[Any, Any], policy: Callable[[int], int], seed: int) -> Episode:
    """Play one episode and return its transitions, printing one line for each.

    - Start with ``env.reset(seed=seed)``; choose every action with ``policy(state)``.
    - After each ``env.step``, record a Step (reward as a float) and print it on
      one line, for example ``t=0 s=0 a=2 r=0.0 s'=1 terminated=False truncated=False``.
    - Stop as soon as ``terminated`` or ``truncated`` is True.
    """
    raise NotImplementedError("reset, then loop: act, step, record, print, stop at the end")


def episode_return(transitions: Episode, gamma: float) -> float:
    """G_0 = R_1 + gamma * R_2 + gamma**2 * R_3 + ..., where R_{t+1} is transitions[t].reward."""
    raise NotImplementedError("discount the rewards and add them up")
