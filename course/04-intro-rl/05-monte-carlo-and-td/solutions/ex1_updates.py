"""Exercise 1: every-visit Monte Carlo with sample averages, and TD(0), written yourself.

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


def every_visit_mc_average(
    values: np.ndarray, counts: np.ndarray, episode: Episode, gamma: float
) -> None:
    """Every-visit Monte Carlo with a sample average per state, in place.

    For each time t: N(S_t) <- N(S_t) + 1, then V(S_t) <- V(S_t) + (G_t - V(S_t)) / N(S_t),
    where G_t = R_{t+1} + gamma * G_{t+1} and G_T = 0. ``values`` and ``counts`` both have
    shape (n_states,); ``counts`` holds the visits of earlier episodes and is updated too.
    """
    following = 0.0
    returns: list[float] = []
    for step in reversed(episode):  # G_t needs the rewards after t: compute backwards
        following = step.reward + gamma * following
        returns.append(following)
    returns.reverse()
    for step, g in zip(episode, returns, strict=True):
        counts[step.state] += 1
        values[step.state] += (g - values[step.state]) / counts[step.state]


def td0_episode(values: np.ndarray, episode: Episode, alpha: float, gamma: float) -> list[float]:
    """TD(0) on every step of ``episode`` in order, in place; returns the TD errors.

    delta_t = R_{t+1} + gamma * V(S_{t+1}) - V(S_t), without the gamma * V(S_{t+1}) term
    when the step terminated. An episode cut by a time limit ends with a step that did
    not terminate: that step still bootstraps.
    """
    errors: list[float] = []
    for step in episode:
        future = 0.0 if step.terminated else gamma * values[step.next_state]
        delta = step.reward + future - values[step.state]
        values[step.state] += alpha * delta
        errors.append(float(delta))
    return errors


if __name__ == "__main__":
    # The 19-state walk with -1 on the left end: true values run from -0.9 to 0.9.
    env = gym.make(RANDOM_WALK_ID, n_states=19, left_reward=-1.0)
    env.reset(seed=0)
    rng = np.random.default_rng(0)
    policy = uniform_policy(21, 2)
    mc_values, counts, td_values = np.zeros(21), np.zeros(21), np.zeros(21)
    for _ in range(2000):
        episode = play_episode(env, policy, rng)
        every_visit_mc_average(mc_values, counts, episode, gamma=1.0)
        td0_episode(td_values, episode, alpha=0.05, gamma=1.0)
    truth = true_values(19, left_reward=-1.0)
    print("true  ", np.round(truth[1:-1], 2))
    print("MC    ", np.round(mc_values[1:-1], 2))
    print("TD(0) ", np.round(td_values[1:-1], 2))
