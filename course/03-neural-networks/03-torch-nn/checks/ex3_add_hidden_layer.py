"""Check for exercise 3: the network's layers, its losses against a run of the library's
mlp and fit made here, and its accuracy against one computed here, on random seeds."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch
from sklearn.datasets import make_moons
from torch import nn

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_true,
    expect_type,
    get_function,
    random_cases,
)
from rlcourse.networks import mlp
from rlcourse.training import fit

Case = tuple[list[int], int, int]  # hidden sizes, data seed, torch seed


def data(n: int, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    points, labels = make_moons(n_samples=n, noise=0.2, random_state=seed)
    x = torch.tensor(points, dtype=torch.float32)
    return x, torch.tensor(labels, dtype=torch.float32)[:, None]


def reference(x: torch.Tensor, y: torch.Tensor, hidden: list[int], seed: int) -> list[float]:
    torch.manual_seed(seed)
    model = mlp(2, hidden, 1, nn.Tanh)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
    return fit(model, nn.BCEWithLogitsLoss(), optimizer, x, y, 15)


def random_case(rng: np.random.Generator) -> Case:
    width = int(rng.integers(3, 9))
    hidden = [width] * int(rng.integers(1, 3))
    return hidden, int(rng.integers(1000)), int(rng.integers(1000))


def check_training(module: ModuleType, case: Case) -> nn.Module:
    hidden, data_seed, seed = case
    train_network = get_function(module, "train_network")
    x, y = data(60, data_seed)
    what = f"train_network(hidden_sizes={hidden}, lr=0.05, epochs=15, seed={seed})"
    result = expect_type(train_network(x, y, hidden, 0.05, 15, seed), tuple, what)
    model = expect_type(result[0], nn.Module, f"{what}: the model")
    losses = expect_type(result[1], list, f"{what}: the losses")
    kinds = {type(m) for m in model.modules()}
    expect_true(
        nn.ReLU not in kinds and nn.Tanh in kinds,
        f"{what}: the network has no tanh layers (mlp's default activation is ReLU): pass "
        "nn.Tanh as the activation",
    )
    linears = [m for m in model.modules() if isinstance(m, nn.Linear)]
    expect_equal(
        [m.out_features for m in linears],
        [*hidden, 1],
        f"{what}: the widths of the Linear layers (one per hidden layer, then the output)",
    )
    with torch.no_grad():
        outputs = model(x)
    if bool(((outputs > 0) & (outputs < 1)).all()):
        raise CheckFailed(
            f"{what}: every output lies in (0, 1), like a probability: return logits; "
            "BCEWithLogitsLoss applies the sigmoid itself"
        )
    expected = reference(x, y, hidden, seed)
    expect_equal(len(losses), 15, f"{what}: the number of losses (one per epoch)")
    if not np.allclose(losses[:1], expected[:1], atol=1e-5):
        raise CheckFailed(
            f"{what}: the first loss is {losses[0]:.5f}, expected {expected[0]:.5f}: the "
            "initial weights differ; call torch.manual_seed(seed) before building the network"
        )
    expect_close(np.array(losses), np.array(expected), f"{what}: the losses", atol=1e-5)
    return model


def check_accuracy(module: ModuleType, model: nn.Module, seed: int) -> None:
    accuracy = get_function(module, "accuracy")
    x, y = data(80, seed)
    with torch.no_grad():
        logits = model(x)
    expected = ((logits > 0).float() == y).float().mean().item()
    got = accuracy(model, x, y)
    what = f"accuracy on 80 points of seed {seed}"
    expect_true(
        isinstance(got, float), f"{what}: return a float (.item()), got {type(got).__name__}"
    )
    at_half = ((logits > 0.5).float() == y).float().mean().item()
    if abs(at_half - expected) > 1e-9 and abs(got - at_half) < 1e-9:
        raise CheckFailed(
            f"{what}: expected {expected:.4f}, got {got:.4f}: a logit is compared with 0 "
            "(sigmoid(0) = 0.5); 0.5 is the threshold of a probability"
        )
    expect_close(got, expected, what, atol=1e-6)


def check(module: ModuleType) -> None:
    for case in [([6], 0, 0), ([6, 6], 1, 1), *random_cases(35, 4, random_case)]:
        model = check_training(module, case)
        check_accuracy(module, model, case[1] + 100)
