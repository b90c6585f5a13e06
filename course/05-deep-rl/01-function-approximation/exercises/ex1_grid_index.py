"""Exercise 1: a grid over any number of observation numbers, and the size of its table.

Fill in the two functions, then run this file and `rlcourse check 5.1`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

BYTES_PER_ENTRY = 8  # a float64 Q-value


def grid_index(
    observation: np.ndarray, low: np.ndarray, high: np.ndarray, bins: Sequence[int]
) -> int:
    """The table row of ``observation``, shape (d,).

    Number i is cut into ``bins[i]`` equal intervals between ``low[i]`` and ``high[i]``;
    a value outside goes into the nearest end interval. The d interval numbers c_i are
    written as one integer in a mixed base: ((c_0 * bins[1] + c_1) * bins[2] + c_2) ...
    """
    raise NotImplementedError("grid_index")


def table_megabytes(bins: Sequence[int], n_actions: int) -> float:
    """The memory of a float64 Q-table with one row per grid cell, in MB (10^6 bytes)."""
    # TODO: 1000 bins on each of 8 numbers is 10^24 rows: more than an int64 holds
    raise NotImplementedError("table_megabytes")


if __name__ == "__main__":
    # Acrobot-v1: 6 numbers (two cosines, two sines, two angular velocities), 3 actions.
    low = np.array([-1.0, -1.0, -1.0, -1.0, -12.6, -28.3])
    observation = np.array([1.0, 0.0, 0.5, 0.9, 0.0, 30.0])
    print("row:", grid_index(observation, low, -low, [10] * 6))
    for n in (10, 20, 50):
        print(f"Acrobot, {n} bins per number: {table_megabytes([n] * 6, 3):,.0f} MB")
