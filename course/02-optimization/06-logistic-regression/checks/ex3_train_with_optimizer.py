"""Check for exercise 3: the model trained through fit must land where gradient descent
(run here in float64) lands, starting from zero with the loss log 2; targets of the wrong
shape are named; largest_difference is checked on random weights."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import numpy as np
import torch
from torch import nn

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_type,
    get_function,
    random_cases,
)
from coursetools.file_import import import_file

# The float64 reference and the random data are those of Exercise 2's check.
_EX2 = import_file(Path(__file__).with_name("ex2_logistic_by_hand.py"), "check_ex2_for_ex3")
descend = _EX2.descend
random_data = _EX2.random_data


def check_training(module: ModuleType, x: np.ndarray, y: np.ndarray) -> None:
    train = get_function(module, "train_with_optimizer")
    lr, epochs = 0.3, 40
    what = f"train_with_optimizer(x of shape {x.shape}, y, lr={lr}, epochs={epochs})"
    try:
        answer = train(torch.from_numpy(x).float(), torch.from_numpy(y).float(), lr, epochs)
    except ValueError as error:
        if "Target size" in str(error):
            raise CheckFailed(
                f"{what}: BCEWithLogitsLoss refused the targets ({error}); the model's "
                "logits have shape (n, 1): pass y.unsqueeze(1)"
            ) from None
        raise
    answer = expect_type(answer, tuple, what)
    if len(answer) != 2:
        raise CheckFailed(f"{what}: expected (model, losses)")
    model = expect_type(answer[0], nn.Linear, f"{what}, model")
    losses = expect_type(answer[1], list, f"{what}, losses")
    if len(losses) != epochs:
        raise CheckFailed(f"{what}: expected {epochs} losses, one per epoch, got {len(losses)}")
    log_sigmoid = _EX2.log_sigmoid
    twice = -(y * log_sigmoid(np.array(0.5)) + (1 - y) * log_sigmoid(np.array(-0.5))).mean()
    if np.isclose(losses[0], twice, rtol=1e-4):
        raise CheckFailed(
            f"{what}: the first loss is {losses[0]:.4f}, that of sigmoid(0) = 0.5 fed to "
            "BCEWithLogitsLoss: it applies the sigmoid itself; give it the logits"
        )
    if not np.isclose(losses[0], np.log(2), rtol=1e-4):
        raise CheckFailed(
            f"{what}: the first epoch's loss is {losses[0]:.4f}, expected log 2 = 0.6931: "
            "start from weight = 0 and bias = 0 (nn.init.zeros_), not PyTorch's random start"
        )
    expected_w, expected_b = descend(x, y, lr, epochs)
    got_w = model.weight.detach().double().numpy()
    expect_close(got_w, expected_w[None, :], f"{what}, model.weight", atol=1e-4, rtol=1e-3)
    expect_close(float(model.bias), expected_b, f"{what}, model.bias", atol=1e-4, rtol=1e-3)


def check_difference(module: ModuleType, rng: np.random.Generator) -> None:
    largest_difference = get_function(module, "largest_difference")
    d = int(rng.integers(1, 4))
    model = nn.Linear(d, 1)
    w, b = torch.from_numpy(rng.normal(0, 1, d)).float(), torch.tensor(rng.normal())
    got = expect_type(largest_difference(model, w, b), float, "largest_difference(model, w, b)")
    gaps = np.abs(
        np.append(model.weight.detach()[0].numpy() - w.numpy(), model.bias.item() - b.item())
    )
    expect_close(got, float(gaps.max()), f"largest_difference for d = {d}", atol=1e-6, rtol=1e-5)


def check(module: ModuleType) -> None:
    for x, y in random_cases(64, 3, random_data):
        check_training(module, x, y)
    rng = np.random.default_rng(65)
    for _ in range(6):
        check_difference(module, rng)
