"""Exercise 3: Compare models with and without regularization.

Demo 3 prints a mean and a standard error per setting. Decide, from those numbers, which
regularisers really help: a difference of two means counts when it is larger than twice
its standard error. Run `rlcourse check 3.7`.
"""

from __future__ import annotations

from collections.abc import Callable

from rlcourse.stats import mean_and_standard_error  # noqa: F401 (you will need it)

TrainAndScore = Callable[[float, float, int], float]  # (p, weight_decay, seed) -> accuracy


def compare(
    train_and_score: TrainAndScore, settings: dict[str, tuple[float, float]], seeds: int
) -> dict[str, tuple[float, float]]:
    """For each setting name -> (p, weight_decay), the validation accuracy over seeds
    0 .. seeds - 1 as (mean, standard error)."""
    raise NotImplementedError(
        "one train_and_score(p, weight_decay, seed) per seed, then mean_and_standard_error"
    )


def helps(summary: dict[str, tuple[float, float]], baseline: str) -> list[str]:
    """The settings whose mean beats the baseline's by more than twice the standard error
    of the difference, sqrt(se_a^2 + se_b^2), in the order of ``summary``."""
    raise NotImplementedError("mean - baseline mean > 2 * sqrt(se^2 + baseline se^2)")
