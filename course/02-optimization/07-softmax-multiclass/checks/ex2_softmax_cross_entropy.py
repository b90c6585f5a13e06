"""Check for exercise 2: softmax and cross-entropy against float64 references on rows of
large and of mixed sizes (where the naive formula and a shift by the global maximum give
nan) and on random logits, with torch's own softmax and cross-entropy forbidden."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch
import torch.nn.functional as F

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_shape,
    expect_tensor,
    forbidden_torch,
    get_function,
    random_cases,
)

SHORTCUTS = [
    torch.softmax,
    torch.Tensor.softmax,
    F.softmax,
    torch.log_softmax,
    torch.Tensor.log_softmax,
    F.log_softmax,
    torch.logsumexp,
    torch.Tensor.logsumexp,
    F.cross_entropy,
    F.nll_loss,
]
REFUSAL = "your code called torch's {name}: write it with exp, log, max and sum"


def reference_log_softmax(z: np.ndarray) -> np.ndarray:
    top = z.max(axis=1, keepdims=True)
    return z - top - np.log(np.exp(z - top).sum(axis=1, keepdims=True))


def call(module: ModuleType, name: str, *args: np.ndarray) -> torch.Tensor:
    function = get_function(module, name)
    tensors = [
        torch.from_numpy(a).float() if a.dtype.kind == "f" else torch.from_numpy(a) for a in args
    ]
    with forbidden_torch(SHORTCUTS, REFUSAL):
        return expect_tensor(function(*tensors), f"{name}(...)")


def check_softmax(module: ModuleType, z: np.ndarray, what: str) -> None:
    got = call(module, "softmax", z)
    expect_shape(got, z.shape, what)
    if torch.isnan(got).any():
        rows_similar = np.ptp(z.max(axis=1)) < 10
        cause = (
            "exp overflowed to inf and inf / inf is nan: subtract each row's largest logit "
            "before exp"
            if rows_similar
            else "a row far below the largest logit of the whole tensor underflowed to 0 / 0: "
            "subtract each row's own largest logit (max over dim=1, keepdim=True)"
        )
        raise CheckFailed(f"{what}: got nan; {cause}")
    sums = got.double().sum(dim=1)
    if not torch.allclose(sums, torch.ones_like(sums), atol=1e-5):
        raise CheckFailed(
            f"{what}: the rows sum to {np.round(sums.numpy(), 3)}, expected 1 each: "
            "normalise over the classes, dim=1 (dim=0 normalises each column)"
        )
    expect_close(got, np.exp(reference_log_softmax(z)), what, atol=1e-5, rtol=1e-4)


def check_loss(module: ModuleType, z: np.ndarray, labels: np.ndarray, what: str) -> None:
    got = call(module, "cross_entropy", z, labels)
    if got.numel() != 1:
        raise CheckFailed(f"{what}: expected one number (the mean), got shape {tuple(got.shape)}")
    value = got.item()
    log_p = reference_log_softmax(z)
    n = len(labels)
    expected = -log_p[np.arange(n), labels].mean()
    if not np.isfinite(value):
        raise CheckFailed(
            f"{what}: got {value}; compute log softmax as (z - m) - log sum exp(z - m) with m "
            "each row's largest logit, never log(exp(z) / sum exp(z))"
        )
    mistakes = {
        "sign": (-expected, "the cross-entropy is -log p, never negative: mind the minus sign"),
        "sum": (expected * n, "you summed over the rows; nn.CrossEntropyLoss takes the mean"),
        "block": (
            -log_p[:, labels].mean(),
            "you picked log_probs[:, labels], an (n, n) block; row i's own entry is "
            "log_probs[torch.arange(n), labels]",
        ),
    }
    for wrong, message in mistakes.values():
        if np.isclose(value, wrong, rtol=1e-4, atol=1e-5) and not np.isclose(
            wrong, expected, rtol=1e-4, atol=1e-5
        ):
            raise CheckFailed(f"{what}: got {value:.5f}, expected {expected:.5f}; {message}")
    expect_close(value, float(expected), what, atol=1e-4, rtol=1e-4)


def random_logits(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    n, k = int(rng.integers(4, 12)), int(rng.integers(2, 6))
    return rng.normal(0, 3, (n, k)), rng.integers(0, k, n)


def check(module: ModuleType) -> None:
    large = np.array([[1000.0, 1001.0, 1002.0], [1000.0, 1000.0, 999.0]])
    mixed = np.array([[1000.0, 1001.0, 1002.0], [0.0, 1.0, 2.0]])
    check_softmax(module, large, "softmax of rows near 1000")
    check_softmax(module, mixed, "softmax of a row near 1000 above a row near 0")
    for z, _ in random_cases(72, 5, random_logits):
        check_softmax(module, z, f"softmax of random logits of shape {z.shape}")
    labels = np.array([0, 2])
    check_loss(module, large, labels, "cross_entropy of rows near 1000")
    check_loss(module, mixed, labels, "cross_entropy of a row near 1000 above a row near 0")
    for z, labels in random_cases(73, 5, random_logits):
        check_loss(module, z, labels, f"cross_entropy of random logits of shape {z.shape}")
