"""Check of exercise 3: batch MC and batch TD(0) on a small batch where they disagree, and
on random batches.

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

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_shape,
    expect_type,
    get_function,
    random_cases,
)
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


def certainty_equivalence(
    batch: list[Episode], n_states: int, gamma: float, through_ends: bool = False
) -> np.ndarray:
    """V of the reward process estimated by counting: solve (I - gamma P) V = r.
    ``through_ends`` counts terminated steps as moves too (the usual mistake)."""
    visits = np.zeros(n_states)
    reward_sums = np.zeros(n_states)
    moves = np.zeros((n_states, n_states))  # non-terminating transitions only
    for episode in batch:
        for step in episode:
            visits[step.state] += 1
            reward_sums[step.state] += step.reward
            if through_ends or not step.terminated:
                moves[step.state, step.next_state] += 1
    seen = visits > 0
    rewards = np.where(seen, reward_sums / np.maximum(visits, 1), 0.0)
    transitions = moves / np.maximum(visits, 1)[:, None]
    return np.linalg.solve(np.eye(n_states) - gamma * transitions, rewards)


def mean_returns(batch: list[Episode], n_states: int, gamma: float) -> np.ndarray:
    """Every-visit batch MC written plainly: all returns of each state, averaged."""
    returns: list[list[float]] = [[] for _ in range(n_states)]
    for episode in batch:
        for t, step in enumerate(episode):
            following = sum(gamma**k * later.reward for k, later in enumerate(episode[t:]))
            returns[step.state].append(following)
    return np.array([np.mean(seen) if seen else 0.0 for seen in returns])


def random_batch(rng: np.random.Generator) -> list[Episode]:
    """Five random walks over states 1..3 (state 4 never visited). A walk's last step
    terminates with next_state 1, a state with a value of its own: it must not count."""
    batch: list[Episode] = []
    for _ in range(5):
        states = [int(s) for s in rng.integers(1, 4, size=int(rng.integers(1, 6)))]
        batch.append(
            [
                Step(
                    s,
                    0,
                    float(rng.integers(0, 3)),
                    states[t + 1] if t + 1 < len(states) else 1,
                    t + 1 == len(states),
                )
                for t, s in enumerate(states)
            ]
        )
    return batch


def check_mc(batch_mc: Callable[..., Any]) -> None:
    # gamma 0.5. Returns from X: episode 1: 0 + 0.5 * 0 = 0; episode 4: 0 + 0.5 * 1 = 0.5.
    # From Y: 0, 1, 1, then in episode 4: G_0 = 0 + 0.5 * 0.5 = 0.25 and G_2 = 1.
    what = "batch_mc(BATCH, 4 states, gamma 0.5)"
    values = expect_type(batch_mc(BATCH, 4, 0.5), np.ndarray, what)
    expect_shape(values, (4,), what)
    if np.isnan(values[3]):
        raise CheckFailed(f"{what}: V(Z) is NaN: a state never visited gets 0, not 0 / 0")
    expected = np.array([0.0, (0.0 + 0.5) / 2, (0.0 + 1.0 + 1.0 + 0.25 + 1.0) / 5, 0.0])
    first_visit_y = (0.0 + 1.0 + 1.0 + 0.25) / 4
    if np.isclose(values[2], first_visit_y):
        raise CheckFailed(
            f"{what}: V(Y) = {values[2]:.4g} averages only the first visit of each episode; "
            "every-visit MC averages all five returns from Y"
        )
    expect_close(values, expected, f"{what}: mean return per state, 0 for Z (never visited)")
    for number, batch in enumerate(random_cases(54, 2, random_batch), start=1):
        expect_close(
            batch_mc(batch, 5, 0.8),
            mean_returns(batch, 5, 0.8),
            f"batch_mc(random batch {number}, 5 states, gamma 0.8)",
        )


def check_td(batch_td0: Callable[..., Any]) -> None:
    cases = [("BATCH", BATCH, 4, 1.0), ("BATCH", BATCH, 4, 0.5)] + [
        (f"random batch {number}", batch, 5, 0.5)
        for number, batch in enumerate(random_cases(55, 2, random_batch), start=1)
    ]
    for name, batch, n_states, gamma in cases:
        what = f"batch_td0({name}, {n_states} states, alpha 0.05, gamma {gamma})"
        values = expect_type(batch_td0(batch, n_states, 0.05, gamma), np.ndarray, what)
        expected = certainty_equivalence(batch, n_states, gamma)
        through = certainty_equivalence(batch, n_states, gamma, through_ends=True)
        if np.allclose(values, through, atol=1e-6) and not np.allclose(expected, through):
            raise CheckFailed(
                f"{what}: the steps that terminated added gamma * V(next state); an episode's "
                "last step has no future value"
            )
        expect_close(
            values,
            expected,
            f"{what}: the values of the reward process the batch suggests (each sweep adds "
            "alpha * delta of every step of every episode, all computed with the same V)",
            atol=1e-6,
        )
    try:
        batch_td0(BATCH, 4, 0.05, 1.0, max_sweeps=3)
    except RuntimeError:
        return
    raise CheckFailed(
        "batch_td0(BATCH, ..., max_sweeps=3): expected a RuntimeError (3 sweeps are far from "
        "enough to converge), nothing was raised"
    )


def check(module: ModuleType) -> None:
    check_mc(get_function(module, "batch_mc"))
    check_td(get_function(module, "batch_td0"))
