"""The linear schedule of Parts 4.4 and 5.2."""

from __future__ import annotations

import pytest

from rlcourse.schedules import LinearSchedule


def test_linear_schedule_moves_from_start_to_end_then_stays() -> None:
    schedule = LinearSchedule(1.0, 0.1, duration=10)
    assert [schedule(t) for t in (0, 5, 10, 50)] == pytest.approx([1.0, 0.55, 0.1, 0.1])


def test_a_rising_schedule_and_a_duration_below_one() -> None:
    rising = LinearSchedule(0.0, 2.0, duration=4)
    assert [rising(t) for t in range(6)] == pytest.approx([0.0, 0.5, 1.0, 1.5, 2.0, 2.0])
    instant = LinearSchedule(1.0, 0.0, duration=0)  # counts as 1: at the end from step 1
    assert (instant(0), instant(1)) == (1.0, 0.0)
