"""The moving average that smooths the learning curves of Parts 4.4, 4.7 and 5.2."""

from __future__ import annotations

import numpy as np
import pytest

from rlcourse.curves import moving_average


def test_moving_average_by_hand() -> None:
    averages = moving_average([1.0, 2.0, 3.0, 10.0], window=2)
    assert averages.tolist() == [1.5, 2.5, 6.5]
    assert moving_average([4, 8], window=1).tolist() == [4.0, 8.0]  # ints become floats
    assert moving_average(np.arange(5.0), window=5).tolist() == [2.0]


def test_each_entry_is_the_mean_of_its_window() -> None:
    values = np.random.default_rng(0).normal(size=50)
    averages = moving_average(values, window=7)
    assert len(averages) == 50 - 7 + 1
    for i in (0, 20, 43):
        assert averages[i] == pytest.approx(values[i : i + 7].mean())


def test_a_window_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="window must be at least 1"):
        moving_average([1.0, 2.0], window=0)
