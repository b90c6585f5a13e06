"""Check of exercise 2: wrap-around, the newest transition in row 0, uniform rows, flags
apart, copies of the caller's arrays, and a sampler that follows its seed."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_between,
    expect_dtype,
    expect_equal,
    expect_seeded,
    expect_shape,
    expect_true,
    get_function,
    random_cases,
)


def add_numbered(buffer: Any, numbers: range) -> None:
    """Transition i: observation (i, -i), action i % 2, reward i, next observation + 1,
    terminated when i == 5, truncated when i == 4."""
    for i in numbers:
        observation = np.array([i, -i], dtype=np.float32)
        buffer.add(observation, i % 2, float(i), observation + 1, i == 5, i == 4)


def expect_rows_consistent(batch: Any, context: str) -> None:
    """Every field of a row belongs to the same numbered transition."""
    rewards = batch.rewards
    rows = f"rewards {rewards[:6].tolist()}..."
    if not torch.equal(batch.observations[:, 0], rewards) or not torch.equal(
        batch.observations[:, 1], -rewards
    ):
        raise CheckFailed(
            f"{context}: observations do not belong to their rewards' transitions ({rows})"
        )
    if not torch.equal(batch.next_observations, batch.observations + 1):
        raise CheckFailed(f"{context}: next_observations do not belong to their rows' observations")
    expect_true(
        torch.equal(batch.actions, rewards.long() % 2),
        f"{context}: actions do not belong to their rows: {batch.actions[:6].tolist()} for {rows}",
    )
    if bool((batch.terminated[rewards == 4] == 1.0).any()):
        raise CheckFailed(
            f"{context}: terminated is 1.0 on the transition with reward 4, which was "
            "truncated by a time limit, not terminated: keep the two flags apart"
        )
    expect_true(
        torch.equal(batch.terminated, (rewards == 5).float()),
        f"{context}: terminated should be 1.0 exactly on the transition with reward 5, "
        f"got {batch.terminated[:6].tolist()} for {rows}",
    )
    expect_true(
        torch.equal(batch.truncated, (rewards == 4).float()),
        f"{context}: truncated should be 1.0 exactly on the transition with reward 4 "
        f"(keep it apart from terminated), got {batch.truncated[:6].tolist()} for {rows}",
    )


def expect_fields(batch: Any, rows: int) -> None:
    for name in ("observations", "next_observations"):
        expect_shape(getattr(batch, name), (rows, 2), f"batch.{name}")
        expect_dtype(getattr(batch, name), torch.float32, f"batch.{name}")
    for name, dtype in (
        ("actions", torch.int64),
        ("rewards", torch.float32),
        ("terminated", torch.float32),
        ("truncated", torch.float32),
    ):
        expect_shape(getattr(batch, name), (rows,), f"batch.{name}")
        expect_dtype(getattr(batch, name), dtype, f"batch.{name}")


def check_numbered(buffer_class: Callable[..., Any]) -> None:
    buffer = buffer_class(capacity=4, observation_size=2, seed=0)
    expect_equal(len(buffer), 0, "len(buffer) before any add")

    add_numbered(buffer, range(2))
    expect_equal(len(buffer), 2, "len(buffer) after 2 adds (capacity 4)")
    batch = buffer.sample(16)
    expect_equal(
        float(batch.rewards[0]),
        1.0,
        "sample(16) after adding rewards 0, 1: row 0's reward "
        "(row 0 must be the newest transition)",
    )
    # Every added transition has next_observation[0] = i + 1 >= 1; an empty slot holds 0.
    expect_true(
        bool((batch.next_observations[:, 0] >= 1).all()),
        "sample(16) after 2 adds into capacity 4: some rows come from slots that hold no "
        "transition yet (draw indices below len(buffer), not below capacity)",
    )
    expect_rows_consistent(batch, "sample(16) after 2 adds")

    add_numbered(buffer, range(2, 6))
    expect_equal(len(buffer), 4, "len(buffer) after 6 adds into capacity 4")
    batch = buffer.sample(400)
    expect_fields(batch, 400)
    rewards = batch.rewards
    expect_equal(
        float(rewards[0]),
        5.0,
        "after adding rewards 0..5 into 4 slots, row 0's reward "
        "(the newest transition; after a wrap-around it is not in the last slot)",
    )
    stored = set(rewards.tolist())
    expect_true(
        stored == {2.0, 3.0, 4.0, 5.0},
        f"after adding rewards 0..5 into 4 slots, expected sampled rewards {{2, 3, 4, 5}} "
        f"(0 and 1 were overwritten), got {sorted(stored)}",
    )
    for value in (2.0, 3.0, 4.0, 5.0):
        count = int((rewards[1:] == value).sum())
        expect_between(count, 50, 150, f"rows 1..399 with reward {value:g} (uniform: about 100)")
    expect_rows_consistent(batch, "sample(400) after 6 adds")


def check_random_fills(buffer_class: Callable[..., Any]) -> None:
    """Random capacities and numbers of adds against a list of the last ``capacity``."""

    def case(rng: np.random.Generator) -> tuple[int, int]:
        return int(rng.integers(1, 9)), int(rng.integers(1, 30))

    for capacity, adds in random_cases(2, 6, case):
        buffer = buffer_class(capacity=capacity, observation_size=2, seed=3)
        add_numbered(buffer, range(adds))
        kept = list(range(adds))[-capacity:]
        context = f"capacity {capacity} after {adds} adds (rewards 0..{adds - 1})"
        expect_equal(len(buffer), len(kept), f"len(buffer), {context}")
        batch = buffer.sample(200)
        expect_equal(float(batch.rewards[0]), float(kept[-1]), f"row 0's reward, {context}")
        drawn = {int(reward) for reward in batch.rewards.tolist()}
        expect_true(
            drawn == set(kept),
            f"{context}: expected the sampled rewards to be the stored {kept}, got {sorted(drawn)}",
        )


def check_copies(buffer_class: Callable[..., Any]) -> None:
    """A caller that reuses one array for every observation must not change what is stored."""
    buffer = buffer_class(capacity=8, observation_size=2, seed=0)
    observation = np.zeros(2, dtype=np.float32)
    for i in range(3):
        observation[:] = (i, -i)  # the same array, changed in place
        buffer.add(observation, i % 2, float(i), observation + 1, False, False)
    observation[:] = (99, 99)
    batch = buffer.sample(64)
    expect_true(
        bool((batch.observations[:, 0] == batch.rewards).all()),
        "the caller reused one observation array and changed it in place after add(): your "
        "buffer's stored observations changed with it, so add() keeps references; copy the "
        "values into the buffer's own arrays",
    )


def check(module: ModuleType) -> None:
    buffer_class = get_function(module, "CombinedReplayBuffer")
    check_numbered(buffer_class)
    check_random_fills(buffer_class)
    check_copies(buffer_class)

    def rewards_drawn(seed: int) -> torch.Tensor:
        buffer = buffer_class(capacity=16, observation_size=2, seed=seed)
        add_numbered(buffer, range(16))
        return buffer.sample(32).rewards

    expect_seeded(rewards_drawn, "the rewards of sample(32) from buffers made with seed=…")

    try:
        buffer_class(capacity=3, observation_size=2, seed=0).sample(1)
    except ValueError:
        pass
    else:
        raise CheckFailed("sample(1) on an empty buffer: expected a ValueError, nothing was raised")
