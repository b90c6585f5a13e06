"""Check of exercise 3: batch MC and batch TD(0) on a small batch where they disagree.

Batch TD(0) converges to the values of the Markov reward process that the batch itself
suggests (transition frequencies and average rewards: the "certainty-equivalence"
estimate). The check computes that by solving a linear system, independently of any
sweeping, and compares.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import expect_close, expect_type, get_function
from rlcourse.episodes import Episode, Step

# States: 0 terminal, 1 = X, 2 = Y, 3 = Z (never visited). X always moves to Y with
# reward 0; Y ends with reward 1 three times out of five, otherwise with 0 or moves
# back to X.
BATCH: list[Episode] = [
    [Step(1, 0, 0.0, 2, False), Step(2, 0, 0.0, 0, True)],
    [Step(2, 0, 1.0, 0, True)],
    [Step(2, 0, 1.0, 0, True)],
    [Step(2, 0, 0.0, 1, False), Step(1, 0, 0.0, 2, False), Step(2, 0, 1.0, 0, True)],
]


def certainty_equivalence(batch: list[Episode], n_states: int, gamma: float) -> np.ndarray:
    """V of the reward process estimated by counting: solve (I - gamma P) V = r."""
    visits = np.zeros(n_states)
    reward_sums = np.zeros(n_states)
    moves = np.zeros((n_states, n_states))  # non-terminating transitions only
    for episode in batch:
        for step in episode:
            visits[step.state] += 1
            reward_sums[step.state] += step.reward
            if not step.terminated:
                moves[step.state, step.next_state] += 1
    seen = visits > 0
    rewards = np.where(seen, reward_sums / np.maximum(visits, 1), 0.0)
    transitions = moves / np.maximum(visits, 1)[:, None]
    return np.linalg.solve(np.eye(n_states) - gamma * transitions, rewards)


def check_mc(batch_mc: Callable[..., Any]) -> None:
    # gamma 0.5. Returns from X: episode 1: 0 + 0.5 * 0 = 0; episode 4: 0 + 0.5 * 1 = 0.5.
    # From Y: 0, 1, 1, then in episode 4: G_0 = 0 + 0.5 * 0.5 = 0.25 and G_2 = 1.
    what = "batch_mc(BATCH, 4 states, gamma 0.5)"
    values = expect_type(batch_mc(BATCH, 4, 0.5), np.ndarray, what)
    expected = np.array([0.0, (0.0 + 0.5) / 2, (0.0 + 1.0 + 1.0 + 0.25 + 1.0) / 5, 0.0])
    expect_close(values, expected, f"{what}: mean return per state, 0 for Z (never visited)")


def check_td(batch_td0: Callable[..., Any]) -> None:
    for gamma in (1.0, 0.5):
        what = f"batch_td0(BATCH, 4 states, alpha 0.05, gamma {gamma})"
        values = expect_type(batch_td0(BATCH, 4, 0.05, gamma), np.ndarray, what)
        expect_close(
            values,
            certainty_equivalence(BATCH, 4, gamma),
            f"{what}: the values of the reward process the batch suggests "
            "(X -> Y with reward 0; Y ends with 1 three times in five, moves to X once)",
            atol=1e-6,
        )


def check(module: ModuleType) -> None:
    check_mc(get_function(module, "batch_mc"))
    check_td(get_function(module, "batch_td0"))
