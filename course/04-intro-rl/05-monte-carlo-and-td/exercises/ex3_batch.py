"""Exercise 3: batch Monte Carlo against batch TD(0): what each converges to on the same data.

Fill in the two functions, then run this file and `rlcourse check 4.5`.
"""

from __future__ import annotations

import gymnasium as gym
import numpy as np

from rlcourse.agents.prediction import play_episode
from rlcourse.envs import RANDOM_WALK_ID
from rlcourse.envs.random_walk import true_values
from rlcourse.episodes import Episode
from rlcourse.mdp import uniform_policy


def batch_mc(episodes: list[Episode], n_states: int, gamma: float) -> np.ndarray:
    """Every-visit Monte Carlo on a fixed batch: V(s) = the mean of all returns G_t observed
    from s in ``episodes``, shape (n_states,); 0 for states never visited."""
    raise NotImplementedError("batch_mc")


def batch_td0(
    episodes: list[Episode],
    n_states: int,
    alpha: float,
    gamma: float,
    tolerance: float = 1e-10,
    max_sweeps: int = 100_000,
) -> np.ndarray:
    """Batch TD(0) from V = 0: each sweep computes alpha * delta_t for every step of every
    episode with the *same* V, adds them up per state, and only then changes V. Repeat until
    the largest change of a sweep is below ``tolerance``; shape (n_states,).

    Raises RuntimeError if that takes more than ``max_sweeps`` sweeps.
    """
    # TODO: a sweep must not use values it changed in the same sweep. Turning the steps
    # into arrays first (states, rewards, next states, 0/1 continues) makes a sweep a
    # few NumPy operations; np.add.at sums the changes of repeated states.
    raise NotImplementedError("batch_td0")


if __name__ == "__main__":
    env = gym.make(RANDOM_WALK_ID, n_states=5)
    env.reset(seed=0)
    rng = np.random.default_rng(0)
    truth = true_values(5)
    for n_episodes in (5, 10, 25, 50):
        mc_errors, td_errors = [], []
        for _ in range(50):
            batch = [play_episode(env, uniform_policy(7, 2), rng) for _ in range(n_episodes)]
            mc = batch_mc(batch, 7, gamma=1.0)
            td = batch_td0(batch, 7, alpha=0.002, gamma=1.0)
            mc_errors.append(np.sqrt(np.mean((mc[1:6] - truth[1:6]) ** 2)))
            td_errors.append(np.sqrt(np.mean((td[1:6] - truth[1:6]) ** 2)))
        print(
            f"{n_episodes:3} episodes: RMS error batch MC {np.mean(mc_errors):.3f}, "
            f"batch TD(0) {np.mean(td_errors):.3f} (mean of 50 batches)"
        )
