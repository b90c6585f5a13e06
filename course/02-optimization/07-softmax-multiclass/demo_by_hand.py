"""Demo 2: why softmax subtracts the largest logit (the naive formula gives nan), and the
cross-entropy written by hand against nn.CrossEntropyLoss, values and gradients."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import torch.nn.functional as F
import tyro
from torch import nn

from three_clouds import cross_entropy, softmax


@dataclass(frozen=True)
class Config:
    n: int = 300  # rows of random logits for the comparison
    classes: int = 3
    scale: float = 5.0  # the logits' standard deviation
    tolerance: float = 1e-4  # the by-hand and library results must agree this closely
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"  # the runner's; this demo saves no figure


@dataclass(frozen=True)
class Result:
    naive_has_nan: bool  # exp(1000) overflows to inf, and inf / inf is nan
    stable_probabilities: list[float]  # softmax of (1000, 1001, 1002)
    loss_gap: float  # |by hand - nn.CrossEntropyLoss| on random logits
    large_logit_loss: float  # the loss on (1000, 1001, 1002) with label 0, by hand
    large_logit_gap: float
    float32_spacing_at_1000: float  # the gap between 1000 and the next float32 number
    gradient_gap: float  # largest |autograd - (softmax - one_hot) / n|
    tolerance: float
    all_agree: bool


def rounded(t: torch.Tensor) -> list[list[float]]:
    return [[round(v, 4) for v in row] for row in t.tolist()]


# --8<-- [start:naive]
def naive_softmax(logits: torch.Tensor) -> torch.Tensor:
    """The formula as written: exp(z_j) / sum_l exp(z_l), row by row."""
    exps = logits.exp()
    return exps / exps.sum(dim=1, keepdim=True)


# --8<-- [end:naive]


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    logits = torch.tensor([[1.0, 2.0, 3.0], [1000.0, 1001.0, 1002.0]])  # row 2 = row 1 + 999
    print(f"exp(logits)    = {rounded(logits.exp())}")
    print(f"naive softmax  = {rounded(naive_softmax(logits))}")
    stable = softmax(logits)
    print(f"stable softmax = {rounded(stable)}")

    generator = torch.Generator().manual_seed(cfg.seed)
    z = cfg.scale * torch.randn(cfg.n, cfg.classes, generator=generator)
    y = torch.randint(cfg.classes, (cfg.n,), generator=generator)  # int64 labels
    by_hand, library = cross_entropy(z, y), nn.CrossEntropyLoss()(z, y)
    loss_gap = (by_hand - library).abs().item()
    print(f"cross-entropy by hand {by_hand.item():.6f}, nn.CrossEntropyLoss {library.item():.6f}")
    big, label = logits[1:], torch.tensor([0])
    big_gap = (cross_entropy(big, label) - nn.CrossEntropyLoss()(big, label)).abs().item()
    thousand = torch.tensor(1000.0)
    spacing = (torch.nextafter(thousand, thousand + 1) - thousand).item()
    print(f"on (1000, 1001, 1002) with label 0: {cross_entropy(big, label).item():.4f}", end="")
    print(f" (float32 numbers near 1000 are {spacing:.1e} apart)")

    z.requires_grad_(True)
    (gradient,) = torch.autograd.grad(cross_entropy(z, y), z)
    formula = (softmax(z) - F.one_hot(y, cfg.classes)) / cfg.n  # (p - one_hot(y)) / n
    gradient_gap = (gradient - formula).abs().max().item()
    print(f"largest |difference|: loss {loss_gap:.1e}, large logits {big_gap:.1e}, ", end="")
    print(f"gradient {gradient_gap:.1e}")
    agree = max(loss_gap, big_gap, gradient_gap) < cfg.tolerance
    print(f"all agree within {cfg.tolerance:g}: {agree}")
    return Result(
        naive_has_nan=bool(naive_softmax(logits).isnan().any()),
        stable_probabilities=stable[1].tolist(),
        loss_gap=loss_gap,
        large_logit_loss=cross_entropy(big, label).item(),
        large_logit_gap=big_gap,
        float32_spacing_at_1000=spacing,
        gradient_gap=gradient_gap,
        tolerance=cfg.tolerance,
        all_agree=agree,
    )


# --8<-- [end:main]


if __name__ == "__main__":
    main(tyro.cli(Config))
