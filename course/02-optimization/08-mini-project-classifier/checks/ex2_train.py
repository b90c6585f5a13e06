"""Check for exercise 2: the loss against a float64 reference on random logits, with
torch's own cross-entropy forbidden; then the trained network against one the check
builds from the same seed and trains with SGD through fit, and the seed's effect."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_seeded,
    expect_tensor,
    expect_type,
    forbidden_torch,
    get_function,
    random_cases,
)
from rlcourse.networks import mlp
from rlcourse.training import fit

SHORTCUTS = [
    F.cross_entropy,
    F.nll_loss,
    torch.log_softmax,
    torch.Tensor.log_softmax,
    F.log_softmax,
]
REFUSAL = (
    "your code called torch's {name}: write the loss from torch.logsumexp and the labels' logits"
)


def random_logits(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    n, k = int(rng.integers(4, 12)), int(rng.integers(2, 5))
    return rng.normal(0, 3, (n, k)), rng.integers(0, k, n)


def check_loss(module: ModuleType, z: np.ndarray, y: np.ndarray) -> None:
    cross_entropy = get_function(module, "cross_entropy")
    what = f"cross_entropy(logits of shape {z.shape}, y)"
    with forbidden_torch(SHORTCUTS, REFUSAL):
        got = expect_tensor(cross_entropy(torch.from_numpy(z).float(), torch.from_numpy(y)), what)
    if got.numel() != 1:
        raise CheckFailed(f"{what}: expected one number (the mean), got shape {tuple(got.shape)}")
    top = z.max(axis=1)
    per_row = top + np.log(np.exp(z - top[:, None]).sum(axis=1)) - z[np.arange(len(y)), y]
    expected, value = per_row.mean(), got.item()
    if np.isclose(value, -expected, rtol=1e-4):
        raise CheckFailed(
            f"{what}: got {value:.4f}, expected {expected:.4f}; mind the minus sign: the "
            "loss is logsumexp minus the label's logit"
        )
    if np.isclose(value, per_row.sum(), rtol=1e-4):
        raise CheckFailed(f"{what}: got {value:.4f}, the sum over the rows; fit expects the mean")
    expect_close(value, float(expected), what, atol=1e-4, rtol=1e-4)


def flat(model: nn.Module) -> torch.Tensor:
    return torch.cat([p.detach().flatten() for p in model.parameters()])


def train_data(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, tuple[int, ...]]:
    n, d = int(rng.integers(20, 40)), int(rng.integers(2, 4))
    x = rng.normal(0, 1, (n, d))
    y = (np.sin(2 * x[:, 0]) + x[:, 1] > 0).astype(np.int64)
    return x, y, tuple(int(h) for h in rng.integers(3, 8, int(rng.integers(1, 3))))


def check_training(
    module: ModuleType, x: np.ndarray, y: np.ndarray, hidden: tuple[int, ...]
) -> None:
    train = get_function(module, "train_network")
    lr, epochs = 0.3, 20
    inputs, labels = torch.from_numpy(x).float(), torch.from_numpy(y)
    what = (
        f"train_network(x of shape {x.shape}, y, hidden_sizes={hidden}, lr={lr}, "
        f"epochs={epochs}, seed=3)"
    )

    def run(seed: int) -> torch.Tensor:
        answer = expect_type(train(inputs, labels, hidden, lr, epochs, seed), tuple, what)
        return flat(expect_type(answer[0], nn.Module, f"{what}, model"))

    torch.manual_seed(3)
    reference = mlp(x.shape[1], hidden, 2)
    fit(
        reference,
        F.cross_entropy,
        torch.optim.SGD(reference.parameters(), lr=lr),
        inputs,
        labels,
        epochs,
    )
    got = run(3)
    if got.numel() != flat(reference).numel():
        raise CheckFailed(
            f"{what}: your network has {got.numel()} parameters, mlp({x.shape[1]}, {hidden}, 2) "
            f"has {flat(reference).numel()}: pass hidden_sizes on to mlp"
        )
    expect_seeded(
        run, f"{what}: call torch.manual_seed(seed) before mlp(...) builds the network, and"
    )
    expect_close(
        got,
        flat(reference),
        f"{what}: the parameters after SGD with your loss, compared with the check's",
        atol=1e-4,
        rtol=1e-3,
    )


def check(module: ModuleType) -> None:
    for z, y in random_cases(82, 6, random_logits):
        check_loss(module, z, y)
    for x, y, hidden in random_cases(83, 2, train_data):
        check_training(module, x, y, hidden)
