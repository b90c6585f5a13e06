"""Check of exercise 3: against a reference on hand-made runs where the usual slips give
other answers, and on seeded random runs; a wrong answer is matched against those slips."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import CheckFailed, get_function, random_cases


def variant(
    end_steps: np.ndarray,
    returns: np.ndarray,
    target: float,
    window: int,
    strict: bool = False,
    partial: bool = False,
    date_by_first: bool = False,
    index: bool = False,
) -> int:
    """The right answer, or the answer of one usual slip (each flag one slip)."""
    for i in range(len(returns)):
        if i < window - 1 and not partial:
            continue
        mean = returns[max(0, i - window + 1) : i + 1].mean()
        if mean > target or (mean == target and not strict):
            if index:
                return i
            return int(end_steps[max(0, i - window + 1)] if date_by_first else end_steps[i])
    return -1


SLIPS = {
    "index": "that is the episode's index; return its end step, end_steps[i]",
    "strict": "a mean equal to the target has reached it (>=)",
    "partial": "the mean needs a whole window of episodes, from episode window - 1 on",
    "date_by_first": "return the step at which the window's last episode ended",
}


def compare(
    steps_to_reach: Any, end_steps: np.ndarray, returns: np.ndarray, target: float, window: int
) -> None:
    what = (
        f"steps_to_reach(end_steps={end_steps.tolist()}, returns={returns.tolist()}, "
        f"target={target}, window={window})"
    )
    got = steps_to_reach(end_steps.copy(), returns.copy(), target, window)
    if not isinstance(got, int | np.integer):
        raise CheckFailed(f"{what}: expected an int, got {type(got).__name__}")
    right = variant(end_steps, returns, target, window)
    if got == right:
        return
    for slip, hint in SLIPS.items():
        if got == variant(end_steps, returns, target, window, **{slip: True}):
            raise CheckFailed(f"{what}: expected {right}, got {got}: {hint}")
    never = " (-1 when the target is never reached)" if right == -1 else ""
    raise CheckFailed(f"{what}: expected {right}, got {got}{never}")


def run(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, float, int]:
    episodes = int(rng.integers(5, 40))
    returns = np.minimum(500.0, np.cumsum(rng.uniform(0, 30, size=episodes)) + 10).round()
    end_steps = np.cumsum(returns).astype(np.int64)  # one step per unit of reward, as CartPole
    return end_steps, returns, float(rng.choice([50.0, 150.0, 300.0])), int(rng.integers(1, 6))


def check(module: ModuleType) -> None:
    steps_to_reach = get_function(module, "steps_to_reach")
    rising = np.array([10.0, 30.0, 50.0, 20.0, 60.0, 40.0])  # ends at 10, 40, 90, 110, 170, 210
    lucky = np.array([60.0, 10.0, 10.0, 50.0, 50.0, 50.0])  # a good first episode, then slow
    hand_made = [
        (rising, 40.0, 2),  # windows of 2 average 20, 40, 35, 40, 50: exactly 40 counts
        (lucky, 45.0, 3),  # episode 0 alone averages 60; a window of 3 exists from episode 2
        (rising, 49.0, 2),  # episodes 4 and 5 average 50, known when episode 5 ends
        (rising, 1000.0, 2),  # never
    ]
    for returns, target, window in hand_made:
        compare(steps_to_reach, np.cumsum(returns).astype(np.int64), returns, target, window)
    for case in random_cases(63, 12, run):
        compare(steps_to_reach, *case)
