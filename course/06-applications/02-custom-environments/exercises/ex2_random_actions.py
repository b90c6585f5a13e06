"""Exercise 2: register an environment under an id, make it with gym.make, and measure
what random actions earn in it.

Write ``register_once`` and ``random_returns``, then run this file (beside your
ex1_thermostat.py) and `rlcourse check 6.2`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import gymnasium as gym
import numpy as np

EntryPoint = str | Callable[..., gym.Env[Any, Any]]  # what gym.register accepts


def register_once(env_id: str, entry_point: EntryPoint, max_episode_steps: int) -> str:
    """Register ``entry_point`` (a class, or "module:Class") under ``env_id`` with a time limit of
    ``max_episode_steps``, unless the id is already registered; return ``env_id``.
    Registering an id twice makes Gymnasium warn that it overrides the first."""
    raise NotImplementedError("register_once")


def random_returns(env_id: str, episodes: int, seed: int) -> list[float]:
    """The return of each of ``episodes`` episodes of ``gym.make(env_id)`` with actions
    drawn by ``env.action_space.sample()``. Seed the action space with ``seed`` and the
    first reset only (later resets continue the environment's generator), and end an
    episode when it terminates or is truncated."""
    raise NotImplementedError("random_returns")


if __name__ == "__main__":
    # ex1_thermostat.py must lie beside this file: Python finds it as a module.
    thermostat = register_once("exercise62/Thermostat-v0", "ex1_thermostat:Thermostat", 144)
    returns = np.array(random_returns(thermostat, 200, seed=0))
    print(f"random heater over one day (144 steps): return {returns.mean():.1f} per episode")
