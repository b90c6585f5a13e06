"""The running example of Part 2.7: three clouds of labelled points in the plane, and the
softmax and cross-entropy written by hand, which every demo shares."""

from __future__ import annotations

import torch

CENTRES = ((0.0, 2.0), (-1.7, -1.0), (1.7, -1.0))  # class k's centre, about 2 from the origin
STD = 1.0  # the spread of every cloud, so neighbouring clouds overlap


# --8<-- [start:make]
def make_clouds(
    n_per_class: int, centres: tuple[tuple[float, float], ...], std: float, seed: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """Points x of shape (k n, 2), n around each of the k centres, and their labels y of
    shape (k n,): the class indices 0, 1, ..., k - 1 as int64, which the loss expects."""
    generator = torch.Generator().manual_seed(seed)  # this seed alone decides the points
    means = torch.tensor(centres)  # (k, 2)
    y = torch.arange(len(means)).repeat_interleave(n_per_class)  # 0, ..., 0, 1, ..., 1, 2, ...
    noise = std * torch.randn(len(y), 2, generator=generator)  # N(0, std^2) in each coordinate
    return means[y] + noise, y  # means[y] is row i's class centre: (k n, 2)


# --8<-- [end:make]


# --8<-- [start:softmax]
def softmax(logits: torch.Tensor) -> torch.Tensor:
    """Row-wise softmax of logits (n, k): exp(z_j - m) / sum_l exp(z_l - m) with m the
    row's largest logit, so every exp is at most 1 and none overflows."""
    shifted = logits - logits.max(dim=1, keepdim=True).values  # (n, k), the largest is 0
    exps = shifted.exp()
    return exps / exps.sum(dim=1, keepdim=True)  # (n, k) / (n, 1): each row sums to 1


# --8<-- [end:softmax]


# --8<-- [start:cross_entropy]
def cross_entropy(logits: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """The mean over the n rows of -log softmax(z)_y = logsumexp(z) - z_y, from logits
    (n, k) and int64 labels (n,), with the log-sum-exp computed as m + log sum exp(z - m)."""
    top = logits.max(dim=1, keepdim=True).values  # m, shape (n, 1)
    log_sum_exp = top.squeeze(1) + (logits - top).exp().sum(dim=1).log()  # (n,)
    picked = logits[torch.arange(len(y)), y]  # z_{i, y_i}: row i's logit of its own label
    return (log_sum_exp - picked).mean()


# --8<-- [end:cross_entropy]


def accuracy(logits: torch.Tensor, y: torch.Tensor) -> float:
    """The share of rows whose largest logit is at their label."""
    return (logits.argmax(dim=1) == y).float().mean().item()
