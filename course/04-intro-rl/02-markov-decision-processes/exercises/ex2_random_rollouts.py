"""Exercise 2: Simulate a random policy in the MDP and track rewards.

Write the simulation yourself, without ``rlcourse.mdp.sample_episode`` or
``rlcourse.mdp.discounted_return``: read ``mdp.transitions`` directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from rlcourse.mdp import MDP


@dataclass(frozen=True)
class RewardLog:
    """What the random policy collected, one entry per episode."""

    totals: np.ndarray  # sum of the rewards, shape (episodes,)
    returns: np.ndarray  # discounted return G_0 with mdp.gamma, shape (episodes,)
    lengths: np.ndarray  # number of steps, shape (episodes,), integers


def discounted_return(rewards: Sequence[float], gamma: float) -> float:
    """G_0 = rewards[0] + gamma * rewards[1] + gamma**2 * rewards[2] + ... (0.0 if empty)."""
    raise NotImplementedError("sum gamma**k * rewards[k]")


def random_episode_rewards(
    mdp: MDP, rng: np.random.Generator, max_steps: int = 1000
) -> list[float]:
    """The rewards R_1, R_2, ... of one episode of the uniformly random policy.

    Start in ``mdp.start_state``. In each state pick an action uniformly at random with
    ``rng`` (every action of ``mdp.actions`` equally likely), then draw the outcome
    from ``mdp.transitions[state][action]`` with its probabilities, also with ``rng``.
    Stop when the next state is in ``mdp.terminal_states``, or after ``max_steps`` steps.
    """
    raise NotImplementedError("loop: choose an action, draw an outcome, record its reward")


def track_random_policy(mdp: MDP, episodes: int, seed: int) -> RewardLog:
    """Run ``episodes`` episodes with ``rng = np.random.default_rng(seed)`` and log each one.

    The same seed must give the same log.
    """
    raise NotImplementedError("one generator, many episodes; fill the three arrays")
