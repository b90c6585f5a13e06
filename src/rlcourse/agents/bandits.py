"""Multi-armed bandits and three ways to play them (Part 4.3 introduces them).

A k-armed Bernoulli bandit pays 1 with probability q*(a) when arm a is pulled and 0
otherwise. An agent keeps two numbers per arm, the pull count N(a) and the sample
average Q(a) of the rewards it saw; epsilon-greedy, UCB1 and Thompson sampling differ
only in how they turn those numbers into the next pull.

Everything is vectorised over independent runs: an agent's statistics are arrays of
shape (runs, k), and one call of a policy chooses the next arm of every run at once,
so a thousand runs cost about as much as a few NumPy operations per step. The arrays
live in NumPy rather than PyTorch because nothing here needs gradients, and NumPy's
``Generator`` has the Beta sampler that Thompson sampling needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from tqdm import tqdm


# --8<-- [start:bandit]
@dataclass(frozen=True)
class BernoulliBandit:
    means: np.ndarray  # (k,) q*(a): the probability that arm a pays 1

    @property
    def n_arms(self) -> int:
        return len(self.means)

    @property
    def best_arm(self) -> int:
        return int(np.argmax(self.means))

    @property
    def best_mean(self) -> float:
        return float(np.max(self.means))

    @property
    def gaps(self) -> np.ndarray:
        """(k,) Δ(a) = max_b q*(b) − q*(a): what one pull of arm a costs in expectation."""
        return self.best_mean - self.means

    def pull(self, arms: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """Rewards for pulling ``arms`` (any shape of arm indices): 1.0 with probability q*(arm)."""
        return (rng.random(arms.shape) < self.means[arms]).astype(np.float64)


# --8<-- [end:bandit]


# --8<-- [start:statistics]
@dataclass
class ArmStatistics:
    """What an agent knows after its pulls so far, for each of ``runs`` independent runs."""

    counts: np.ndarray  # (runs, k) N(a): how often arm a was pulled
    values: np.ndarray  # (runs, k) Q(a): average reward of those pulls (0 before the first)

    @classmethod
    def empty(cls, runs: int, n_arms: int) -> ArmStatistics:
        return cls(np.zeros((runs, n_arms), dtype=np.int64), np.zeros((runs, n_arms)))

    def update(self, arms: np.ndarray, rewards: np.ndarray) -> None:
        """Record reward ``rewards[i]`` for arm ``arms[i]`` of run i (both of shape (runs,))."""
        rows = np.arange(len(arms))
        self.counts[rows, arms] += 1
        # Q_n = Q_{n-1} + (R_n - Q_{n-1}) / n, n the count just incremented: the sample
        # average, updated one reward at a time.
        self.values[rows, arms] += (rewards - self.values[rows, arms]) / self.counts[rows, arms]


# --8<-- [end:statistics]

# A policy maps (statistics, pulls made so far in each run, generator) to the next arm of
# every run, an int array of shape (runs,). Only UCB1 reads the number of pulls.
Policy = Callable[[ArmStatistics, int, np.random.Generator], np.ndarray]


# --8<-- [start:policies]
def argmax_random_ties(scores: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Index of the largest score in each row of ``scores`` (runs, k), ties broken at random.

    np.argmax alone returns the first maximum, which would favour low-numbered arms
    whenever estimates are equal (as they all are before the first pull).
    """
    is_max = scores == scores.max(axis=1, keepdims=True)
    # A uniform draw for each tied entry, -1 for the others: the largest draw is a
    # uniformly random choice among the tied arms.
    return np.argmax(np.where(is_max, rng.random(scores.shape), -1.0), axis=1)


def epsilon_greedy(epsilon: float) -> Policy:
    """With probability ε a uniformly random arm, otherwise an arm with the highest Q(a)."""

    def choose(stats: ArmStatistics, pulls: int, rng: np.random.Generator) -> np.ndarray:
        runs, n_arms = stats.values.shape
        explore = rng.random(runs) < epsilon
        random_arms = rng.integers(n_arms, size=runs)
        return np.where(explore, random_arms, argmax_random_ties(stats.values, rng))

    return choose


def ucb1(stats: ArmStatistics, pulls: int, rng: np.random.Generator) -> np.ndarray:
    """Q(a) + sqrt(2 ln t / N(a)) with t = pulls so far; every arm is pulled once first.

    The bonus assumes rewards in [0, 1] (Hoeffding's inequality); rewards in [lo, hi]
    need the bonus multiplied by hi - lo.
    """
    played = np.maximum(stats.counts, 1)  # only to avoid dividing by 0; see the where below
    index = stats.values + np.sqrt(2.0 * np.log(max(pulls, 1)) / played)
    # An arm never pulled has an unbounded index, so each run tries every arm once
    # (in random order) before the bonus means anything.
    return argmax_random_ties(np.where(stats.counts == 0, np.inf, index), rng)


def thompson_sampling(stats: ArmStatistics, pulls: int, rng: np.random.Generator) -> np.ndarray:
    """Draw θ(a) ~ Beta(1 + successes, 1 + failures) for each arm, pull the largest draw.

    Beta(1, 1) is the uniform prior over q*(a); with 0/1 rewards the posterior after S
    successes and F failures is Beta(1 + S, 1 + F). S = N(a) Q(a) up to rounding.
    """
    successes = stats.counts * stats.values
    failures = stats.counts - successes
    samples = rng.beta(1.0 + successes, 1.0 + failures)  # (runs, k) one posterior draw per arm
    return np.argmax(samples, axis=1)  # continuous draws: ties have probability 0


# --8<-- [end:policies]


# --8<-- [start:simulate]
@dataclass(frozen=True)
class History:
    arms: np.ndarray  # (runs, steps) the arm pulled at each step, int16 to save memory
    rewards: np.ndarray  # (runs, steps) the reward it paid, float32 (0 or 1 here)
    final: ArmStatistics  # the agent's statistics after the last step

    def regret(self, bandit: BernoulliBandit) -> np.ndarray:
        """(runs, steps) cumulative regret Σ_{s<=t} Δ(A_s) of each run after each step."""
        return np.cumsum(bandit.gaps[self.arms], axis=1)

    def optimal(self, bandit: BernoulliBandit) -> np.ndarray:
        """(runs, steps) bool: whether each pull was of the best arm."""
        return self.arms == bandit.best_arm


def simulate(
    bandit: BernoulliBandit,
    policy: Policy,
    steps: int,
    runs: int,
    rng: np.random.Generator,
    desc: str | None = None,
) -> History:
    """Play ``policy`` for ``steps`` pulls in each of ``runs`` independent runs."""
    stats = ArmStatistics.empty(runs, bandit.n_arms)
    arms = np.zeros((runs, steps), dtype=np.int16)
    rewards = np.zeros((runs, steps), dtype=np.float32)
    for t in tqdm(range(steps), desc=desc, disable=desc is None, leave=False):
        chosen = policy(stats, t, rng)  # t pulls made so far in every run
        paid = bandit.pull(chosen, rng)
        stats.update(chosen, paid)
        arms[:, t] = chosen
        rewards[:, t] = paid
    return History(arms, rewards, stats)


# --8<-- [end:simulate]


# --8<-- [start:band]
def mean_and_half_width(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean over runs (axis 0) and 1.96 standard errors: a 95% normal confidence interval.

    The standard error of a mean of n independent runs is s / sqrt(n), with s the sample
    standard deviation (ddof=1). Both results have the shape of ``values[0]``.
    """
    runs = values.shape[0]
    mean = values.mean(axis=0)
    standard_error = values.std(axis=0, ddof=1) / np.sqrt(runs)
    return mean, 1.96 * standard_error


# --8<-- [end:band]


def strategy_rng(seed: int, name: str) -> np.random.Generator:
    """A generator for one strategy: its runs depend on ``seed`` and its own name only.

    The name's bytes join the seed as extra entropy, so two strategies get independent
    streams, and a strategy's runs come out the same in every demo that plays it.
    """
    return np.random.default_rng([seed, *name.encode()])
