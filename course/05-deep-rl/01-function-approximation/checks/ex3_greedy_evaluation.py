"""Check of exercise 3: greedy evaluation on the slippery FrozenLake with random tables
(some rows left at zero), against a reference that replays the same seeded episodes."""

from __future__ import annotations

import math
from types import ModuleType

import gymnasium as gym
import numpy as np

from coursetools.check_helpers import CheckFailed, expect_true, get_function, random_cases


def reference(
    q: np.ndarray, episodes: int, seed: int, reseed_each: bool = False
) -> tuple[np.ndarray, int, int]:
    """Returns, steps and steps from an all-zero row of the greedy policy."""
    env = gym.make("FrozenLake-v1", is_slippery=True)
    returns = np.zeros(episodes)
    steps, unseen = 0, 0
    state, _ = env.reset(seed=seed)
    for episode in range(episodes):
        if reseed_each:
            state, _ = env.reset(seed=seed)
        done = False
        while not done:
            steps += 1
            unseen += int(not np.any(q[state]))
            state, reward, terminated, truncated, _ = env.step(int(np.argmax(q[state])))
            returns[episode] += float(reward)
            done = terminated or truncated
        state, _ = env.reset()
    return returns, steps, unseen


# An optimal policy of the slippery 4 x 4 lake (0 left, 1 down, 2 right, 3 up).
GOOD_ACTIONS = np.array([0, 3, 3, 3, 0, 0, 0, 0, 3, 1, 0, 0, 0, 2, 1, 0])


def random_table(rng: np.random.Generator) -> tuple[np.ndarray, int]:
    q = rng.uniform(0.0, 0.5, size=(16, 4))
    q[np.arange(16), GOOD_ACTIONS] += 1.0  # a good policy, so that many episodes succeed
    never_updated = rng.random(16) < 0.3
    never_updated[0] = False  # the start state: every episode visits it
    q[never_updated] = 0.0
    return q, int(rng.integers(1000))


def check(module: ModuleType) -> None:
    evaluate_greedy = get_function(module, "evaluate_greedy")
    episodes = 60
    for q, seed in random_cases(53, 4, random_table):
        what = f"evaluate_greedy(FrozenLake, q, {episodes}, seed={seed})"
        got = evaluate_greedy(gym.make("FrozenLake-v1", is_slippery=True), q, episodes, seed)
        for field in ("mean_return", "standard_error", "unseen_fraction"):
            expect_true(hasattr(got, field), f"{what}: the result has no field {field!r}")
        returns, steps, unseen = reference(q, episodes, seed)
        replayed, replayed_steps, replayed_unseen = reference(q, episodes, seed, reseed_each=True)
        if (
            math.isclose(got.mean_return, replayed.mean(), abs_tol=1e-9)
            and math.isclose(got.unseen_fraction, replayed_unseen / replayed_steps, abs_tol=1e-9)
            and replayed_steps != steps
        ):
            raise CheckFailed(
                f"{what}: every episode replays the first one: seed only the first reset, so "
                "that each later env.reset() starts a fresh episode"
            )
        if not math.isclose(got.mean_return, returns.mean(), abs_tol=1e-9):
            raise CheckFailed(
                f"{what}: expected mean return {returns.mean():.4f}, got {got.mean_return!r}; "
                "act with int(np.argmax(q[state])) until terminated or truncated"
            )
        se = returns.std(ddof=1) / math.sqrt(episodes)
        if not math.isclose(got.standard_error, se, rel_tol=1e-6, abs_tol=1e-12):
            if math.isclose(
                got.standard_error, returns.std(ddof=0) / math.sqrt(episodes), rel_tol=1e-6
            ):
                hint = "that uses the population standard deviation: use ddof=1, the sample one"
            elif math.isclose(got.standard_error, returns.std(ddof=1), rel_tol=1e-6):
                hint = "that is the standard deviation: divide it by sqrt(n)"
            else:
                hint = "the standard error is s / sqrt(n)"
            raise CheckFailed(
                f"{what}: expected standard error {se:.5f}, got {got.standard_error!r}; {hint}"
            )
        if not math.isclose(got.unseen_fraction, unseen / steps, abs_tol=1e-9):
            zero_rows = float(np.mean(~np.any(q, axis=1)))
            hint = (
                "that is the share of zero rows in the table; count the steps the agent takes "
                "from such a row"
                if math.isclose(got.unseen_fraction, zero_rows, abs_tol=1e-9)
                else "at each step, before env.step, count whether q[state] is all zeros; "
                "divide by the steps of all the episodes"
            )
            raise CheckFailed(
                f"{what}: expected unseen fraction {unseen / steps:.4f}, "
                f"got {got.unseen_fraction!r}; {hint}"
            )
