"""Exercise 3: Compare models with and without regularization."""

from __future__ import annotations

import math
from collections.abc import Callable

from rlcourse.stats import mean_and_standard_error

TrainAndScore = Callable[[float, float, int], float]  # (p, weight_decay, seed) -> accuracy


def compare(
    train_and_score: TrainAndScore, settings: dict[str, tuple[float, float]], seeds: int
) -> dict[str, tuple[float, float]]:
    """For each setting name -> (p, weight_decay), the validation accuracy over seeds
    0 .. seeds - 1 as (mean, standard error)."""
    summary: dict[str, tuple[float, float]] = {}
    for name, (p, decay) in settings.items():
        scores = [train_and_score(p, decay, seed) for seed in range(seeds)]
        summary[name] = mean_and_standard_error(scores)
    return summary


def helps(summary: dict[str, tuple[float, float]], baseline: str) -> list[str]:
    """The settings whose mean beats the baseline's by more than twice the standard error
    of the difference, sqrt(se_a^2 + se_b^2), in the order of ``summary``."""
    base_mean, base_se = summary[baseline]
    winners = []
    for name, (mean, se) in summary.items():
        if name != baseline and mean - base_mean > 2 * math.sqrt(se**2 + base_se**2):
            winners.append(name)
    return winners
