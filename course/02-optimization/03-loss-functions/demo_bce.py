"""Demo 3: binary cross-entropy as a function of the predicted probability and of the logit,
by hand against F.binary_cross_entropy and F.binary_cross_entropy_with_logits."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
import tyro


@dataclass(frozen=True)
class Config:
    points: int = 401  # where each curve is evaluated
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    matches_probability: bool  # by hand = F.binary_cross_entropy
    matches_logits: bool  # by hand = F.binary_cross_entropy_with_logits
    loss_at_half: float  # BCE(p = 0.5, y = 1) = log 2
    loss_at_001: float  # BCE(p = 0.01, y = 1)
    figure: str


# --8<-- [start:bce]
def bce(p: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """-[y log p + (1 - y) log(1 - p)] for each entry: p a probability, y a label 0 or 1."""
    return -(y * torch.log(p) + (1 - y) * torch.log(1 - p))


def bce_from_logit(z: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """The same loss for p = sigmoid(z): log(1 + e^{-z}) if y = 1, log(1 + e^{z}) if y = 0."""
    return F.softplus(-z) * y + F.softplus(z) * (1 - y)  # softplus(t) = log(1 + e^t), stably


# --8<-- [end:bce]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    p = torch.linspace(0.005, 0.995, cfg.points, dtype=torch.float64)
    z = torch.linspace(-6.0, 6.0, cfg.points, dtype=torch.float64)
    ones, zeros = torch.ones_like(p), torch.zeros_like(p)
    matches_p = all(
        torch.allclose(bce(p, y), F.binary_cross_entropy(p, y, reduction="none"))
        for y in (ones, zeros)
    )
    matches_z = all(
        torch.allclose(
            bce_from_logit(z, y), F.binary_cross_entropy_with_logits(z, y, reduction="none")
        )
        for y in (ones, zeros)
    )
    half, small = (
        bce(torch.tensor(v, dtype=torch.float64), torch.tensor(1.0)).item() for v in (0.5, 0.01)
    )
    print(
        f"by hand = F.binary_cross_entropy: {matches_p}; "
        f"= F.binary_cross_entropy_with_logits: {matches_z}"
    )
    print(
        f"label 1: loss {half:.4f} at p = 0.5, {small:.4f} at p = 0.01, "
        f"{bce(torch.tensor(0.99), torch.tensor(1.0)).item():.4f} at p = 0.99"
    )
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4), dpi=110)
    left.plot(p, bce(p, ones), label="label y = 1: $-\\log p$")
    left.plot(p, bce(p, zeros), label="label y = 0: $-\\log(1 - p)$")
    left.set_xlabel("predicted probability p of label 1")
    left.set_ylabel("binary cross-entropy")
    left.set_title("BCE against the probability")
    left.legend(loc="upper center")
    right.plot(z, bce_from_logit(z, ones), label="label y = 1")
    right.plot(z, bce_from_logit(z, zeros), label="label y = 0")
    right.set_xlabel("logit z (p = sigmoid(z))")
    right.set_ylabel("binary cross-entropy")
    right.set_title("BCE against the logit")
    right.legend(loc="upper center")
    figure = cfg.out_dir / "bce.png"
    fig.tight_layout()
    fig.savefig(figure)
    plt.close(fig)
    print(f"saved {figure.name}")
    return Result(
        matches_probability=matches_p,
        matches_logits=matches_z,
        loss_at_half=half,
        loss_at_001=small,
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
