from __future__ import annotations

import math

import pytest

from rlcourse.stats import mean_and_standard_error


def test_mean_and_standard_error_use_the_sample_standard_deviation() -> None:
    # 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, s^2 = 32 / 7.
    mean, error = mean_and_standard_error([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])
    assert mean == 5.0
    assert math.isclose(error, math.sqrt(32 / 7) / math.sqrt(8))


def test_one_value_has_no_standard_error() -> None:
    with pytest.raises(ValueError, match="at least 2 values"):
        mean_and_standard_error([1.0])
