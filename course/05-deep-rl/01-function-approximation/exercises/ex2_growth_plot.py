"""Exercise 2: plot how the Q-table of a grid grows with the observation's length.

Fill in ``plot_table_growth``, then run this file and `rlcourse check 5.1`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401  (you will need it)
import numpy as np


def plot_table_growth(bins: Sequence[int], max_dims: int, n_actions: int, path: Path) -> np.ndarray:
    """Table entries bins[i] ** d * n_actions for d = 1 .. max_dims, plotted and returned.

    Returns a float64 array of shape (len(bins), max_dims) whose entry [i, d - 1] is the
    number of entries of a table with bins[i] intervals on each of d numbers. Saves at
    ``path`` a figure with one line per number of bins (x: d, y: entries on a log scale),
    labelled axes, a title and a legend.
    """
    # TODO: compute the entries, then draw one line per number of bins
    raise NotImplementedError("plot_table_growth")


if __name__ == "__main__":
    print(plot_table_growth([2, 5, 10], 8, 4, Path("growth.png"))[:, -1])
