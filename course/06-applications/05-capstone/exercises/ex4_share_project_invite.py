"""Exercise 4: the results table of a post you share: one row per policy, best first,
mean ± standard error over seeds, and how many seeds and episodes stand behind it."""

from __future__ import annotations

import numpy as np


def results_table(returns: dict[str, np.ndarray]) -> str:
    """``returns[name]`` (seeds, episodes): evaluation returns of each seed's policy.
    A Markdown table with the header ``| policy | mean return | seeds × episodes |``, its
    separator line, then one row per policy sorted by mean, best first, such as
    ``| agent | -6.41 ± 0.12 | 3 × 100 |``: the mean over seeds of each seed's mean, and its
    standard error over seeds (sample std, ddof=1, over sqrt(seeds)), two decimals."""
    raise NotImplementedError("build the table")
