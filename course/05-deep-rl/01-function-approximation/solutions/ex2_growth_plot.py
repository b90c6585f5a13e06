"""Exercise 2: plot how the Q-table of a grid grows with the observation's length.

Fill in ``plot_table_growth``, then run this file and `rlcourse check 5.1`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np


def plot_table_growth(bins: Sequence[int], max_dims: int, n_actions: int, path: Path) -> np.ndarray:
    """Table entries bins[i] ** d * n_actions for d = 1 .. max_dims, plotted and returned.

    Returns a float64 array of shape (len(bins), max_dims) whose entry [i, d - 1] is the
    number of entries of a table with bins[i] intervals on each of d numbers. Saves at
    ``path`` a figure with one line per number of bins (x: d, y: entries on a log scale),
    labelled axes, a title and a legend.
    """
    dims = np.arange(1, max_dims + 1)
    # float64 powers: 20 ** 15 is past what an int64 holds.
    entries = np.array([float(b) ** dims * n_actions for b in bins])
    fig, ax = plt.subplots()
    for b, row in zip(bins, entries, strict=True):
        ax.plot(dims, row, marker="o", label=f"{b} bins per number")
    ax.set_yscale("log")
    ax.set_xlabel("numbers in one observation (d)")
    ax.set_ylabel("Q-table entries")
    ax.set_title("Q-table entries against the observation's length")
    ax.legend()
    fig.savefig(path)
    plt.close(fig)
    return entries


if __name__ == "__main__":
    print(plot_table_growth([2, 5, 10], 8, 4, Path("growth.png"))[:, -1])
