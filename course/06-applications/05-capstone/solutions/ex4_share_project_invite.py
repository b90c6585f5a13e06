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
    rows = []
    for name, table in returns.items():
        per_seed = table.mean(axis=1)  # one number per seed: seeds are the independent runs
        mean = float(per_seed.mean())
        error = float(per_seed.std(ddof=1) / np.sqrt(len(per_seed)))
        rows.append(
            (mean, f"| {name} | {mean:.2f} ± {error:.2f} | {table.shape[0]} × {table.shape[1]} |")
        )
    rows.sort(key=lambda row: row[0], reverse=True)
    header = ["| policy | mean return | seeds × episodes |", "|---|---|---|"]
    return "\n".join(header + [line for _, line in rows])
