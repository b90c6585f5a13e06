"""Exercise 3: batch Monte Carlo against batch TD(0): what each converges to on the same data.

Fill in the two functions, then run this file and `rlcourse check 4.5`.
"""

from __future__ import annotations

import gymnasium as gym
import numpy as np

from rlcourse.agents.prediction import discounted_returns, play_episode
from rlcourse.envs import RANDOM_WALK_ID
from rlcourse.envs.random_walk import true_values
from rlcourse.episodes import Episode
from rlcourse.mdp import uniform_policy


def batch_mc(episodes: list[Episode], n_states: int, gamma: float) -> np.ndarray:
    """Every-visit Monte Carlo on a fixed batch: V(s) = the mean of all returns G_t observed
    from s in ``episodes``, shape (n_states,); 0 for states never visited."""
    totals = np.zeros(n_states)
    counts = np.zeros(n_states)
    for episode in episodes:
        for step, g in zip(episode, discounted_returns(episode, gamma), strict=True):
            totals[step.state] += g
            counts[step.state] += 1
    return np.divide(totals, counts, out=np.zeros(n_states), where=counts > 0)


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
    steps = [step for episode in episodes for step in episode]
    states = np.array([s.state for s in steps])
    rewards = np.array([s.reward for s in steps])
    next_states = np.array([s.next_state for s in steps])
    continues = np.array([0.0 if s.terminated else 1.0 for s in steps])
    values = np.zeros(n_states)
    for _ in range(max_sweeps):
        deltas = rewards + gamma * continues * values[next_states] - values[states]  # (steps,)
        change = np.zeros(n_states)
        np.add.at(change, states, alpha * deltas)  # sums repeated states, unlike change[s] +=
        values += change
        if np.max(np.abs(change)) < tolerance:
            return values
    raise RuntimeError(f"batch TD(0) did not converge in {max_sweeps} sweeps")


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
