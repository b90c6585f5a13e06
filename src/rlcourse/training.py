"""A training loop written once (Part 2.4 introduces it; Parts 2.5 to 2.8 and Module 3 use it).

Every model fitted in Module 2 is trained the same way: split the data into mini-batches,
and for each one compute the loss, zero the old gradients, backpropagate, and let the
optimizer take a step. :func:`fit` is that loop; Part 2.4 writes it by hand first. It does
not care what the model predicts: a line (regression, targets of floats) or class scores
(classification, targets of integer labels) both work, as long as ``loss_fn`` accepts the
model's output and the targets.
"""

from __future__ import annotations

from collections.abc import Callable

import torch

Model = Callable[[torch.Tensor], torch.Tensor]  # inputs (n, ...) -> predictions (n, ...)
LossFn = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]  # (predictions, targets) -> ()


# --8<-- [start:fit]
def fit(
    model: Model,
    loss_fn: LossFn,
    optimizer: torch.optim.Optimizer,
    inputs: torch.Tensor,
    targets: torch.Tensor,
    epochs: int,
    batch_size: int | None = None,
    generator: torch.Generator | None = None,
) -> list[float]:
    """Train ``model`` for ``epochs`` passes over (inputs, targets); the mean loss of each
    epoch, measured on the mini-batches as they were trained.

    ``batch_size=None`` uses the whole data set at every step (full-batch gradient descent,
    one step per epoch); otherwise each epoch shuffles the rows with ``generator`` and takes
    one step per mini-batch of ``batch_size`` rows (the last one may be smaller).
    """
    n = _check_arguments(inputs, targets, epochs, batch_size)
    size = n if batch_size is None else batch_size
    losses: list[float] = []
    for _ in range(epochs):
        order = torch.arange(n) if batch_size is None else torch.randperm(n, generator=generator)
        total = 0.0
        for start in range(0, n, size):
            rows = order[start : start + size]
            loss = loss_fn(model(inputs[rows]), targets[rows])  # a scalar: the batch's mean
            if loss.ndim != 0:
                raise ValueError(f"fit: loss_fn must return one number, got shape {loss.shape}")
            optimizer.zero_grad()  # gradients add up across backward() calls (Part 2.2)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(rows)  # weight by rows: the last batch may be short
        losses.append(total / n)
    return losses


# --8<-- [end:fit]


def _check_arguments(
    inputs: torch.Tensor, targets: torch.Tensor, epochs: int, batch_size: int | None
) -> int:
    """The number of rows, after checking that the arguments make sense together."""
    n = len(inputs)
    if n == 0:
        raise ValueError("fit: inputs is empty; there is nothing to train on")
    if len(targets) != n:
        raise ValueError(
            f"fit: inputs has {n} rows but targets has {len(targets)}; one target per row"
        )
    if epochs < 1:
        raise ValueError(f"fit: epochs must be at least 1, got {epochs}")
    if batch_size is not None and batch_size < 1:
        raise ValueError(f"fit: batch_size must be at least 1 (or None), got {batch_size}")
    return n
