"""Check of exercise 1: merge_row_left follows 2048's rule on fixed and seeded rows, and
masked_greedy picks the best legal move, even when every Q-value is negative."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np
import torch

from coursetools.check_helpers import (
    expect_array_equal,
    expect_equal,
    expect_shape,
    expect_tensor,
    get_function,
    random_cases,
)


def reference_merge(row: list[int]) -> tuple[list[int], int]:
    """The rule, written as a stack: a tile merges with the last one kept if that one is
    equal and was not itself made by a merge in this move."""
    kept: list[int] = []
    fresh: list[bool] = []  # was kept[i] made by a merge in this move?
    score = 0
    for value in row:
        if value == 0:
            continue
        if kept and kept[-1] == value and not fresh[-1]:
            kept[-1] += 1
            fresh[-1] = True
            score += 2 ** kept[-1]
        else:
            kept.append(value)
            fresh.append(False)
    return kept + [0] * (len(row) - len(kept)), score


def check_merge(merge_row_left: Callable[..., Any]) -> None:
    fixed = [
        [1, 1, 2, 0],  # 2 2 4: the new 4 must not merge with the old 4
        [1, 1, 1, 1],  # two merges in one row
        [0, 2, 0, 2],  # equal tiles with a gap between them merge
        [1, 1, 1, 0],  # three equal: the two on the left merge
        [3, 2, 1, 0],  # nothing to merge, nothing to slide
        [0, 0, 0, 1],  # slide only
        [2, 1, 1, 0],
    ]
    cases = fixed + random_cases(61, 200, lambda rng: [int(v) for v in rng.integers(0, 4, 4)])
    for row in cases:
        expected_row, expected_score = reference_merge(row)
        got = merge_row_left(list(row))
        expect_equal(len(got), 2, f"merge_row_left({row}) returns (row, score)")
        new_row, score = got
        what = f"merge_row_left({row}) (exponents: {[2**v if v else 0 for v in row]} as tiles)"
        expect_equal(
            list(new_row),
            expected_row,
            f"{what}: the row (slide over gaps, merge each pair once, a merged tile "
            "does not merge again in the same move)",
        )
        expect_equal(int(score), expected_score, f"{what}: the score (2^(k+1) per merge of 2^k)")


def check_masked_greedy(masked_greedy: Callable[..., Any]) -> None:
    q = torch.tensor([[-3.0, -1.0, -2.0, -5.0], [1.0, 4.0, 2.0, 3.0]])
    legal = torch.tensor([[True, False, True, True], [True, False, True, False]])
    got = expect_tensor(masked_greedy(q, legal), "masked_greedy(q, legal)")
    expect_shape(got, (2,), "masked_greedy of a batch of 2 boards: one move per board")
    expect_array_equal(
        got.numpy(),
        np.array([2, 2]),
        "masked_greedy on Q-values [[-3, -1, -2, -5], [1, 4, 2, 3]] with legal "
        "[[T, F, T, T], [T, F, T, F]] (illegal moves must be excluded, not multiplied by 0: "
        "a Q-value of 0 still beats negative ones)",
    )
    for seed, (batch, values, mask) in enumerate(
        random_cases(62, 50, lambda rng: draw_batch(rng)), start=1
    ):
        got = expect_tensor(masked_greedy(values, mask), f"masked_greedy, seeded case {seed}")
        expect_shape(got, (batch,), f"masked_greedy on a batch of {batch}: one move per board")
        expected = np.where(mask.numpy(), values.numpy(), -np.inf).argmax(axis=1)
        expect_array_equal(got.numpy(), expected, f"masked_greedy, seeded case {seed} (B={batch})")


def draw_batch(rng: np.random.Generator) -> tuple[int, torch.Tensor, torch.Tensor]:
    batch = int(rng.integers(3, 9))
    values = torch.tensor(rng.normal(-2.0, 3.0, (batch, 4)), dtype=torch.float32)
    mask = rng.random((batch, 4)) < 0.6
    mask[np.arange(batch), rng.integers(0, 4, batch)] = True  # at least one legal move
    return batch, values, torch.tensor(mask)


def check(module: ModuleType) -> None:
    check_merge(get_function(module, "merge_row_left"))
    check_masked_greedy(get_function(module, "masked_greedy"))
