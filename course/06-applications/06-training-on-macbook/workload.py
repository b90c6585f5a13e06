"""The training job that Part 6.6 times, profiles and tunes: a small classifier of
scikit-learn's handwritten digits (8x8 images, 10 classes, shipped with the package, so
no download), trained through the course's ``fit``. Its updates are the size of an RL
agent's: an MLP on batches of tens to thousands of rows.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits
from torch import nn

from rlcourse.networks import mlp
from rlcourse.training import Model, fit


@dataclass(frozen=True)
class Digits:
    """Pixels scaled to [0, 1] and labels, split 80/20, on one device."""

    train_inputs: torch.Tensor  # (1437, 64) float32
    train_labels: torch.Tensor  # (1437,) int64
    test_inputs: torch.Tensor  # (360, 64) float32
    test_labels: torch.Tensor  # (360,) int64


def load(device: torch.device, seed: int = 0) -> Digits:
    images, labels = load_digits(return_X_y=True)
    order = np.random.default_rng(seed).permutation(len(labels))
    inputs = torch.as_tensor(images[order] / 16.0, dtype=torch.float32, device=device)
    targets = torch.as_tensor(labels[order], device=device)
    cut = int(0.8 * len(labels))
    return Digits(inputs[:cut], targets[:cut], inputs[cut:], targets[cut:])


def make_network(hidden_sizes: tuple[int, ...], device: torch.device, seed: int) -> nn.Sequential:
    torch.manual_seed(seed)
    return mlp(64, hidden_sizes, 10).to(device)


def accuracy(model: Model, inputs: torch.Tensor, labels: torch.Tensor) -> float:
    with torch.no_grad():
        return (model(inputs).argmax(dim=1) == labels).float().mean().item()


# --8<-- [start:synchronize]
def synchronize(device: torch.device) -> None:
    """Wait until the device has finished the work queued so far.

    CUDA and MPS run asynchronously: a call returns as soon as the work is queued, so a
    clock read right after it measures the queueing, not the work. The CPU runs each
    operation before returning, so there is nothing to wait for.
    """
    if device.type == "cuda":
        torch.cuda.synchronize(device)
    elif device.type == "mps":
        torch.mps.synchronize()


# --8<-- [end:synchronize]


def median_seconds(
    work: Callable[[], object], device: torch.device, repeats: int, warmup: int = 1
) -> float:
    """The median wall-clock time of ``work()`` over ``repeats`` runs, after ``warmup``
    untimed runs (the first calls allocate memory and pick kernels). The median ignores
    the runs that another process on the machine happened to slow down."""
    for _ in range(warmup):
        work()
    times = []
    for _ in range(repeats):
        synchronize(device)
        start = time.perf_counter()
        work()
        synchronize(device)
        times.append(time.perf_counter() - start)
    return float(np.median(times))


# --8<-- [start:autocast]
def autocast_dtype(device: torch.device) -> torch.dtype:
    """bfloat16 on the CPU (float16 is slow there); float16 on CUDA and MPS."""
    return torch.bfloat16 if device.type == "cpu" else torch.float16


def with_autocast(network: nn.Module, dtype: torch.dtype | None) -> Model:
    """``network``, whose forward pass runs under autocast to ``dtype`` (None: float32).

    Autocast runs matrix products in the low precision and keeps reductions such as
    softmax and sums in float32. Returning float32 scores keeps the loss in float32; the
    backward pass, outside the block, follows the dtypes the forward pass used.
    """
    if dtype is None:
        return network

    def forward(inputs: torch.Tensor) -> torch.Tensor:
        with torch.autocast(device_type=inputs.device.type, dtype=dtype):
            scores = network(inputs)
        return scores.float()

    return forward


# --8<-- [end:autocast]


def train_epochs(
    network: nn.Module,
    optimizer: torch.optim.Optimizer,
    data: Digits,
    epochs: int,
    batch_size: int,
    seed: int,
    autocast: torch.dtype | None = None,
) -> list[float]:
    """``epochs`` passes through ``fit`` with the batch order drawn from ``seed``; the mean
    loss of each epoch. ``autocast`` runs the forward pass in that dtype (None: float32)."""
    generator = torch.Generator().manual_seed(seed)  # the batches' order, drawn on the CPU
    model = with_autocast(network, autocast)
    inputs, labels = data.train_inputs, data.train_labels
    return fit(model, F.cross_entropy, optimizer, inputs, labels, epochs, batch_size, generator)


def adam(network: nn.Module, learning_rate: float) -> torch.optim.Optimizer:
    return torch.optim.Adam(network.parameters(), lr=learning_rate)
