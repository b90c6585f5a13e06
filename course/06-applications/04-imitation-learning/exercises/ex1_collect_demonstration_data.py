"""Exercise 1: demonstrations with injected noise. The expert labels every state, but with
probability ``noise`` a random action is taken instead of its own, so the cart visits
states a perfect expert never shows (the idea behind DART, Laskey et al., 2017).

Fill in ``collect``, run `rlcourse check 6.4`, then run this file to compare the states
that noise 0 and noise 0.3 reach.
"""

from __future__ import annotations

from collections.abc import Callable

import gymnasium as gym
import numpy as np

Expert = Callable[[np.ndarray], int]  # one observation (4,) -> an action


def collect(
    env: gym.Env[np.ndarray, int], expert: Expert, steps: int, noise: float, seed: int
) -> tuple[np.ndarray, np.ndarray]:
    """Play ``steps`` steps from ``env.reset(seed=seed)``; return the states (steps, 4)
    float32 and the expert's label of each (steps,) int64.

    At every step, draw u = rng.random() from a generator ``np.random.default_rng(seed)``; if
    u < noise, take the random action int(rng.integers(2)), else the expert's. When an
    episode ends (terminated or truncated), reset without a seed and go on.
    """
    # TODO: the generator, two arrays to fill, a seeded reset; then for each step: record
    # the state and the expert's label, draw u, act, and reset when the episode ends
    raise NotImplementedError("collect")


if __name__ == "__main__":
    weights = np.array([0.1, 0.5, 1.0, 0.5])  # Demo 1's expert

    def expert(observation: np.ndarray) -> int:
        return int(observation @ weights > 0)

    for noise in (0.0, 0.3):
        states, labels = collect(gym.make("CartPole-v1"), expert, 500, noise, seed=0)
        print(
            f"noise {noise}: largest |x| {np.abs(states[:, 0]).max():.3f}, "
            f"largest |theta| {np.abs(states[:, 2]).max():.3f}"
        )
