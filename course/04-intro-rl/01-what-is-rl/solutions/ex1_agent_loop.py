"""Exercise 1: Simulate an agent-environment loop and print state transitions (solution).

For environments whose states and actions are integers (FrozenLake, Taxi, CliffWalking).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import gymnasium as gym

from rlcourse.episodes import Episode, Step


def run_episode(env: gym.Env[Any, Any], policy: Callable[[int], int], seed: int) -> Episode:
    """Play one episode and return its transitions, printing one line for each.

    - Start with ``env.reset(seed=seed)``; choose every action with ``policy(state)``.
    - After each ``env.step``, record a Step (reward as a float) and print it on
      one line, for example ``t=0 s=0 a=2 r=0.0 s'=1 terminated=False truncated=False``.
    - Stop as soon as ``terminated`` or ``truncated`` is True.
    """
    state, _ = env.reset(seed=seed)
    transitions: Episode = []
    while True:
        action = policy(state)
        next_state, reward, terminated, truncated, _ = env.step(action)
        transition = Step(state, action, float(reward), next_state, terminated, truncated)
        print(
            f"t={len(transitions)} s={state} a={action} r={transition.reward} s'={next_state} "
            f"terminated={terminated} truncated={truncated}"
        )
        transitions.append(transition)
        if terminated or truncated:
            return transitions
        state = next_state


def episode_return(transitions: Episode, gamma: float) -> float:
    """G_0 = R_1 + gamma * R_2 + gamma**2 * R_3 + ..., where R_{t+1} is transitions[t].reward."""
    return sum(gamma**t * transition.reward for t, transition in enumerate(transitions))
