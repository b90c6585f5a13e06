"""Exercise 2: Assign rewards to agent actions in a toy environment (solution).

Demo 2 rewarded the *cell entered*. Here the reward depends on the *action taken*:
each action has a cost, paid whatever the outcome (on the slippery lake the outcome
is random, the cost is not). On FrozenLake think of it as effort: climbing back up
the slope costs more than sliding down.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import gymnasium as gym

LEFT, DOWN, RIGHT, UP = 0, 1, 2, 3


class ActionCosts(gym.Wrapper[int, int, int, int]):
    """Reward = the environment's reward - ``costs[action]``.

    Observations, ``terminated`` and ``truncated`` pass through unchanged; the
    environment's own reward is kept in ``info["env_reward"]``.
    """

    def __init__(self, env: gym.Env[int, int], costs: Sequence[float]) -> None:
        super().__init__(env)
        self.costs = list(costs)  # costs[a] for action a

    def step(self, action: int) -> tuple[int, float, bool, bool, dict[str, Any]]:
        next_state, env_reward, terminated, truncated, info = self.env.step(action)
        reward = float(env_reward) - self.costs[action]
        return next_state, reward, terminated, truncated, {**info, "env_reward": env_reward}


def plan_return(env: gym.Env[int, int], plan: Sequence[int], seed: int) -> float:
    """The total (undiscounted) reward of playing ``plan`` after ``env.reset(seed=seed)``.

    Stop early if the episode terminates or is truncated before the plan runs out.
    """
    env.reset(seed=seed)
    total = 0.0
    for action in plan:
        _, reward, terminated, truncated, _ = env.step(action)
        total += float(reward)
        if terminated or truncated:
            break
    return total
