"""Exercise 1 of Part 6.3: many random-walk price paths at once, as one array.

Write ``random_walk`` as its docstring says (no loop over paths), then run this file and
`rlcourse check 6.3`.
"""

from __future__ import annotations

import numpy as np


def random_walk(
    rng: np.random.Generator,
    paths: int,
    steps: int,
    start: float = 100.0,
    volatility: float = 0.01,
) -> np.ndarray:
    """(paths, steps + 1) prices: row i is one path P_0 = start, P_1, ..., P_steps.

    Each step multiplies the price by exp(volatility * eps - volatility^2 / 2) with eps a
    standard normal drawn from ``rng``, so E[P_{t+1} | P_t] = P_t (a martingale) and the
    prices stay positive. Draw every number from ``rng``.
    """
    log_returns = volatility * rng.standard_normal((paths, steps)) - volatility**2 / 2
    log_prices = np.cumsum(log_returns, axis=1)  # along time, within each path
    return start * np.exp(np.concatenate([np.zeros((paths, 1)), log_prices], axis=1))


if __name__ == "__main__":
    prices = random_walk(np.random.default_rng(0), paths=10_000, steps=100, volatility=0.02)
    ratios = prices[:, 1:] / prices[:, :-1]
    print(f"prices {prices.shape}, mean of P_(t+1) / P_t = {ratios.mean():.5f} (a martingale: 1)")
    print(f"mean of P_T = {prices[:, -1].mean():.2f}, median = {np.median(prices[:, -1]):.2f}")
