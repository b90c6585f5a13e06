"""Schedules: a hyperparameter that changes as training goes on (Part 4.4 introduces them).

Part 4.4 lowers epsilon (and Part 4.7 the step size) episode by episode; Part 5.2 lowers
DQN's epsilon environment step by environment step. Both use :class:`LinearSchedule`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Schedule = Callable[[int], float]  # step (or episode) index -> the value to use at that step


# --8<-- [start:linear]
@dataclass(frozen=True)
class LinearSchedule:
    """A value that moves in a straight line from ``start`` to ``end`` over ``duration``
    steps, then stays at ``end``: schedule(t) = start + min(t / duration, 1) (end - start)."""

    start: float
    end: float
    duration: int  # steps (or episodes) to go from start to end; below 1 counts as 1

    def __call__(self, step: int) -> float:
        fraction = min(step / max(self.duration, 1), 1.0)
        return self.start + fraction * (self.end - self.start)


# --8<-- [end:linear]
