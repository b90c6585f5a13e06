"""Check for exercise 2: the network's layers, its training on a small ten-class problem
(seeded), and the batched accuracy against one computed here in eval mode."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np
import torch
from torch import nn

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_seeded,
    expect_shape,
    expect_tensor,
    expect_true,
    expect_type,
    get_function,
    random_cases,
)


def templates_problem(seed: int, n: int) -> tuple[torch.Tensor, torch.Tensor]:
    """``n`` 6x6 "images" of ten classes: each class a fixed random template plus noise."""
    generator = torch.Generator().manual_seed(seed)
    templates = torch.rand(10, 6, 6, generator=generator)
    labels = torch.randint(0, 10, (n,), generator=generator)
    noise = 0.25 * torch.randn(n, 6, 6, generator=generator)
    return (templates[labels] + noise).clamp(0, 1), labels


def linear_shapes(model: nn.Module) -> list[tuple[int, int]]:
    return [(m.in_features, m.out_features) for m in model.modules() if isinstance(m, nn.Linear)]


def check_training(train: Callable[..., Any]) -> None:
    images, labels = templates_problem(0, 300)
    what = "train_shallow_sgd on 300 6x6 images of 10 classes (hidden 24, 6 epochs)"
    model = expect_type(train(images, labels, 24, 6, 0), nn.Module, what)
    expect_equal(linear_shapes(model), [(36, 24), (24, 10)], f"{what}: the Linear layers (in, out)")
    with torch.no_grad():
        scores = expect_tensor(model(images[:7]), f"{what}: model(images[:7])")
    expect_shape(scores, (7, 10), f"{what}: model(images[:7]) on images (7, 6, 6)")
    rows_sum_to_one = torch.allclose(scores.sum(dim=1), torch.ones(7), atol=1e-4)
    if rows_sum_to_one and bool((scores >= 0).all()):
        raise CheckFailed(
            f"{what}: the outputs are probabilities (each row sums to 1); end the network with "
            "the last Linear layer: CrossEntropyLoss applies log-softmax itself"
        )
    # Seeding first: an unseeded run's accuracy varies, and could fail the test below.
    expect_seeded(
        lambda seed: first_weight(train(images[:60], labels[:60], 8, 1, seed)),
        "train_shallow_sgd: the first layer's trained weights",
    )
    with torch.no_grad():
        right = (model(images).argmax(dim=1) == labels).float().mean().item()
    expect_true(
        right >= 0.9,
        f"{what}: only {right:.2f} of the training images right (expected at least 0.9): "
        "train with SGD(lr=0.05, momentum=0.9) through fit, in batches of 32",
    )


def first_weight(model: nn.Module) -> torch.Tensor:
    for module in model.modules():
        if isinstance(module, nn.Linear):
            return module.weight.detach().clone()
    raise CheckFailed("train_shallow_sgd: the network has no nn.Linear layer")


def dropout_model(seed: int) -> nn.Module:
    torch.manual_seed(seed)
    return nn.Sequential(nn.Flatten(), nn.Linear(16, 32), nn.ReLU(), nn.Dropout(0.5),
                         nn.Linear(32, 10))  # fmt: skip


def check_accuracy(accuracy: Callable[..., Any]) -> None:

    def make(rng: np.random.Generator) -> tuple[int, int, int]:
        return int(rng.integers(0, 1000)), int(rng.integers(11, 60)), int(rng.integers(3, 10))

    for seed, n, batch_size in random_cases(8, 4, make):
        model = dropout_model(seed)
        generator = torch.Generator().manual_seed(seed)
        images = torch.rand(n, 4, 4, generator=generator)
        labels = torch.randint(0, 10, (n,), generator=generator)
        model.eval()
        with torch.no_grad():
            expected = (model(images).argmax(dim=1) == labels).float().mean().item()
        model.train()  # as a model is after training: the check expects you to switch
        what = f"batched_accuracy on {n} images, batch_size {batch_size}"
        got = accuracy(model, images, labels, batch_size)
        if model.training:
            raise CheckFailed(
                f"{what}: the model is still in training mode and has a Dropout layer: call "
                "model.eval() first, so that it stops dropping units"
            )
        if isinstance(got, int | float) and got != expected and np.isclose(got, expected * n):
            raise CheckFailed(f"{what}: got {got}; return a share between 0 and 1, not a count")
        expect_close(float(got), expected, what, atol=1e-9)


def check(module: ModuleType) -> None:
    check_accuracy(get_function(module, "batched_accuracy"))
    check_training(get_function(module, "train_shallow_sgd"))
