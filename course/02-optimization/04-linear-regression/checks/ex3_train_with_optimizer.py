"""Check for exercise 3: the learner's loop must reproduce gradient descent (run here in
float64) with torch.optim.SGD taking every step; a loop that never zeroes the gradients,
sums instead of averaging, or steps before backward is recognised and named."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_shape,
    expect_tensor,
    expect_type,
    get_function,
    random_cases,
)
from coursetools.file_import import import_file

# The float64 reference and the random data are those of Exercise 2's check.
_EX2 = import_file(Path(__file__).with_name("ex2_train_by_hand.py"), "check_ex2_for_ex3")
descend = _EX2.descend
random_data = _EX2.random_data


@contextmanager
def counted_sgd_steps() -> Iterator[list[int]]:
    """Count the calls to torch.optim.SGD.step while the block runs."""
    calls = [0]
    original = torch.optim.SGD.step

    def counting(self: torch.optim.SGD, *args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return original(self, *args, **kwargs)

    torch.optim.SGD.step = counting
    try:
        yield calls
    finally:
        torch.optim.SGD.step = original


def check_case(module: ModuleType, x: np.ndarray, y: np.ndarray, lr: float, steps: int) -> None:
    train = get_function(module, "train_with_autograd")
    what = f"train_with_autograd(x of shape {x.shape}, y, lr={lr}, steps={steps})"
    with counted_sgd_steps() as calls:
        answer = train(torch.from_numpy(x).float(), torch.from_numpy(y).float(), lr, steps)
    if calls[0] != steps:
        raise CheckFailed(f"{what}: torch.optim.SGD.step ran {calls[0]} times, expected {steps}")
    answer = expect_type(answer, tuple, what)
    if len(answer) != 3:
        raise CheckFailed(f"{what}: expected (w, b, losses)")
    w, b = expect_tensor(answer[0], f"{what}, w"), expect_tensor(answer[1], f"{what}, b")
    losses = expect_type(answer[2], list, f"{what}, losses")
    expect_shape(w, (x.shape[1], 1), f"{what}, w")
    if b.numel() != 1:
        raise CheckFailed(f"{what}, b: expected one number, got shape {tuple(b.shape)}")
    if len(losses) != steps or not all(isinstance(v, float) for v in losses):
        raise CheckFailed(
            f"{what}: losses should be {steps} Python floats, one per step: append "
            "loss.item(), not the loss tensor (which keeps its whole graph alive)"
        )
    got_w = w.detach().double().numpy()
    if np.allclose(losses, losses[0]) and np.allclose(got_w, 0):
        raise CheckFailed(
            f"{what}: w and b never moved: call loss.backward() before optimizer.step(), "
            "so the step has gradients to use"
        )
    if np.allclose(got_w, descend(x, y, lr, steps, "accumulate")[0], rtol=1e-3, atol=1e-4):
        raise CheckFailed(
            f"{what}: the gradients add up across steps: call optimizer.zero_grad() before "
            "each backward() (Part 2.2)"
        )
    expected_w, expected_b, expected_losses = descend(x, y, lr, steps)
    if np.isclose(losses[0], len(x) * expected_losses[0], rtol=1e-4):
        raise CheckFailed(f"{what}: your loss sums the squared errors; the MSE takes their mean")
    expect_close(
        np.array(losses), np.array(expected_losses), f"{what}, losses", atol=1e-5, rtol=1e-4
    )
    expect_close(got_w, expected_w, f"{what}, w", atol=1e-5, rtol=1e-4)
    expect_close(float(b), expected_b, f"{what}, b", atol=1e-5, rtol=1e-4)


def check(module: ModuleType) -> None:
    for x, y in random_cases(43, 5, random_data):
        check_case(module, x, y, lr=0.05, steps=30)
