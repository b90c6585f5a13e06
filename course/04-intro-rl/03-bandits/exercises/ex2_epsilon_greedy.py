"""Exercise 2: Implement epsilon-greedy policy and track arm selections.

One run of an epsilon-greedy agent, written step by step: the probabilities it acts
with (ties included), drawing an arm from them, learning from the reward, and a record
of which arms it selected.
"""

from __future__ import annotations

import numpy as np


def epsilon_greedy_probabilities(values: np.ndarray, epsilon: float) -> np.ndarray:
    """(k,) probability of choosing each arm, given the estimates Q (k,).

    With probability epsilon the agent picks one of the k arms uniformly; otherwise it
    picks uniformly among the arms whose estimate equals the maximum.
    """
    raise NotImplementedError("the probability of each arm, ties sharing the greedy part")


def choose_arm(values: np.ndarray, epsilon: float, rng: np.random.Generator) -> int:
    """One arm drawn with epsilon_greedy_probabilities(values, epsilon)."""
    raise NotImplementedError("draw an arm with those probabilities")


def run_epsilon_greedy(
    means: np.ndarray, epsilon: float, steps: int, rng: np.random.Generator
) -> np.ndarray:
    """(steps,) int64: the arm pulled at each step of one run on a Bernoulli bandit.

    Arm a pays 1 with probability means[a], else 0. Estimates start at 0 and are sample
    averages, updated with Q <- Q + (R - Q) / N after each pull.
    """
    raise NotImplementedError("choose, pull, update the estimate, record the arm")


def selection_fractions(arms: np.ndarray, n_arms: int) -> np.ndarray:
    """(steps, k): row t is the fraction of the first t + 1 pulls that went to each arm."""
    raise NotImplementedError("running fraction of the pulls of each arm")


if __name__ == "__main__":
    history = run_epsilon_greedy(np.array([0.2, 0.5, 0.8]), 0.1, 1000, np.random.default_rng(0))
    print("fractions after 10, 100, 1000 pulls:")
    print(selection_fractions(history, 3)[[9, 99, 999]].round(3))
