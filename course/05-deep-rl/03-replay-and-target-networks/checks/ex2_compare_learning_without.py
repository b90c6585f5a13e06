"""Check of exercise 2: uniform slots below size that follow the generator, and the newest
slots in order, across the wrap-around and in a buffer not yet full."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_array_equal,
    expect_seeded,
    expect_true,
    get_function,
    random_cases,
)


def newest(position: int, size: int, capacity: int, count: int) -> np.ndarray:
    """The reference: walk back from the newest slot, then put the slots oldest first."""
    slots = []
    slot = position
    for _ in range(min(count, size)):
        slot = capacity - 1 if slot == 0 else slot - 1
        slots.append(slot)
    return np.array(slots[::-1], dtype=np.int64)


def make_case(rng: np.random.Generator) -> tuple[int, int, int, int]:
    capacity = int(rng.integers(6, 40))
    size = int(rng.integers(1, capacity + 1))
    position = size % capacity if size < capacity else int(rng.integers(0, capacity))
    return position, size, capacity, int(rng.integers(1, capacity + 5))


def check_without_replay(minibatch_indices: object) -> None:
    assert callable(minibatch_indices)
    rng = np.random.default_rng(0)
    fixed = [(2, 10, 10, 4), (7, 7, 10, 3), (3, 3, 10, 8), (0, 10, 10, 5)]
    for position, size, capacity, count in fixed + random_cases(5, 30, make_case):
        got = np.asarray(minibatch_indices(position, size, capacity, count, False, rng))
        expected = newest(position, size, capacity, count)
        context = (
            f"minibatch_indices(position={position}, size={size}, capacity={capacity}, "
            f"batch_size={count}, replay=False)"
        )
        if got.size and (got.min() < 0 or got.max() >= capacity):
            raise CheckFailed(
                f"{context} gave {got.tolist()}: slots run from 0 to capacity - 1; "
                "wrap with % capacity"
            )
        if got.size > size:
            raise CheckFailed(
                f"{context} gave {got.size} slots, but only {size} hold a transition: take "
                "min(batch_size, size) of them"
            )
        if got.size == expected.size and np.array_equal(got, expected[::-1]) and got.size > 1:
            raise CheckFailed(
                f"{context} gave {got.tolist()}, newest first: return them oldest first"
            )
        expect_array_equal(got, expected, context)


def check_with_replay(minibatch_indices: object) -> None:
    assert callable(minibatch_indices)
    for position, size, capacity, count in [(3, 3, 10, 500), (4, 10, 10, 500), (9, 30, 50, 500)]:
        rng = np.random.default_rng(7)
        got = np.asarray(minibatch_indices(position, size, capacity, count, True, rng))
        context = (
            f"minibatch_indices(position={position}, size={size}, capacity={capacity}, replay=True)"
        )
        expect_true(
            got.shape == (count,), f"{context}: expected {count} slots, got shape {got.shape}"
        )
        if got.max() >= size:
            raise CheckFailed(
                f"{context} drew slot {got.max()}, which holds no transition yet: draw below size"
            )
        expect_true(
            len(set(got.tolist())) == size,
            f"{context}: {count} draws hit only {len(set(got.tolist()))} of the {size} "
            "stored slots; draw uniformly",
        )
        expected = np.random.default_rng(7).integers(0, size, size=count)
        expect_array_equal(
            got, expected, f"{context}, drawn as rng.integers(0, size, size=batch_size)"
        )
    expect_seeded(
        lambda seed: np.asarray(
            minibatch_indices(0, 20, 20, 16, True, np.random.default_rng(seed))
        ),
        "minibatch_indices(..., replay=True)",
    )


def check(module: ModuleType) -> None:
    minibatch_indices = get_function(module, "minibatch_indices")
    check_without_replay(minibatch_indices)
    check_with_replay(minibatch_indices)
