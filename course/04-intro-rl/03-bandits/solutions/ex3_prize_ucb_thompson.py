"""Exercise 3: Compare UCB and Thompson Sampling on the same problem.

The problem is Exercise 1's prize machines: arm a pays v(a) coins with probability
p(a). The prizes are known (they are printed on the machines); the probabilities are not.
"""

from __future__ import annotations

import numpy as np


def ucb1_indices(
    counts: np.ndarray, values: np.ndarray, pulls: int, reward_ranges: np.ndarray
) -> np.ndarray:
    """(k,) UCB1 index of each arm: Q(a) + c(a) sqrt(2 ln t / N(a)), with t = ``pulls``.

    Arm a's rewards lie in [0, c(a)], c = ``reward_ranges``; an arm with N(a) = 0 has
    index +inf, so that it is pulled before any arm is pulled twice.
    """
    played = np.maximum(counts, 1)  # avoids dividing by 0; unplayed arms are replaced below
    bonus = reward_ranges * np.sqrt(2 * np.log(max(pulls, 1)) / played)
    return np.where(counts == 0, np.inf, values + bonus)


def thompson_draws(
    wins: np.ndarray, losses: np.ndarray, prizes: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """(k,) one posterior draw of each arm's expected payout v(a) θ(a).

    θ(a) ~ Beta(1 + wins[a], 1 + losses[a]): the posterior of p(a) under a uniform prior.
    """
    return prizes * rng.beta(1 + wins, 1 + losses)


def play_ucb1(
    win_probs: np.ndarray,
    prizes: np.ndarray,
    reward_ranges: np.ndarray,
    steps: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """(steps,) int64: the arms UCB1 pulls in one run on the prize machines.

    Arm a pays prizes[a] with probability win_probs[a], else 0. At step t (t pulls made
    so far), pull an arm with the largest ucb1_indices(counts, values, t, reward_ranges),
    ties broken at random; values are the sample averages of each arm's payouts.
    """
    counts = np.zeros(len(prizes), dtype=np.int64)
    values = np.zeros(len(prizes))
    arms = np.zeros(steps, dtype=np.int64)
    for t in range(steps):
        index = ucb1_indices(counts, values, t, reward_ranges)
        arm = int(rng.choice(np.flatnonzero(index == index.max())))
        reward = prizes[arm] if rng.random() < win_probs[arm] else 0.0
        counts[arm] += 1
        values[arm] += (reward - values[arm]) / counts[arm]
        arms[t] = arm
    return arms


def play_thompson(
    win_probs: np.ndarray, prizes: np.ndarray, steps: int, rng: np.random.Generator
) -> np.ndarray:
    """(steps,) int64: the arms Thompson sampling pulls in one run on the prize machines.

    Pull the arm with the largest of thompson_draws(wins, losses, prizes, rng), then count
    the pull as a win (it paid its prize) or a loss (it paid 0) of that arm.
    """
    wins = np.zeros(len(prizes))
    losses = np.zeros(len(prizes))
    arms = np.zeros(steps, dtype=np.int64)
    for t in range(steps):
        arm = int(np.argmax(thompson_draws(wins, losses, prizes, rng)))
        won = rng.random() < win_probs[arm]
        # Conjugacy: Beta(α, β) and a win give Beta(α + 1, β); a loss gives Beta(α, β + 1).
        wins[arm] += won
        losses[arm] += not won
        arms[t] = arm
    return arms


if __name__ == "__main__":
    probabilities = np.array([0.5, 0.2, 0.9])
    prize_values = np.array([2.0, 10.0, 1.0])
    expected = probabilities * prize_values
    gaps = expected.max() - expected  # Δ(a): the regret of one pull of arm a
    rng = np.random.default_rng(0)
    one_range = np.full(3, prize_values.max())  # every arm's rewards lie in [0, 10]
    for name, ranges in (("one range for all arms", one_range), ("each arm's range", prize_values)):
        runs = [play_ucb1(probabilities, prize_values, ranges, 1000, rng) for _ in range(50)]
        print(f"UCB1, {name}: mean regret {np.mean([gaps[arms].sum() for arms in runs]):.1f}")
    runs = [play_thompson(probabilities, prize_values, 1000, rng) for _ in range(50)]
    print(f"Thompson sampling: mean regret {np.mean([gaps[arms].sum() for arms in runs]):.1f}")
