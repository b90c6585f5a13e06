"""Demo 4: squared, absolute and Huber losses as functions of the residual, and the constant
each one fits to data with one outlier."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro


@dataclass(frozen=True)
class Config:
    n: int = 10  # ordinary points, around 2
    outlier: float = 30.0  # one more point, far away
    delta: float = 1.0  # Huber's threshold
    alpha: float = 0.05  # step size of the fits
    steps: int = 3000
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    fitted: dict[str, float]  # the constant c each loss fits: squared, absolute, huber
    mean_with_outlier: float
    mean_without_outlier: float
    median: float
    outlier_share: dict[str, float]  # the outlier's share of sum |dloss/dc| at the clean mean
    figure: str


Loss = Callable[[torch.Tensor], torch.Tensor]  # residuals (n,) -> losses (n,)


# --8<-- [start:losses]
def squared(r: torch.Tensor) -> torch.Tensor:
    return r**2  # gradient 2r: grows with the residual


def absolute(r: torch.Tensor) -> torch.Tensor:
    return r.abs()  # gradient sign(r): the same pull from every point


def huber(r: torch.Tensor, delta: float) -> torch.Tensor:
    """1/2 r^2 where |r| <= delta, delta (|r| - delta / 2) beyond.

    Its gradient is r clamped to [-delta, delta]: no point pulls harder than delta."""
    return torch.where(r.abs() <= delta, 0.5 * r**2, delta * (r.abs() - 0.5 * delta))


def fit_constant(data: torch.Tensor, loss: Loss, alpha: float, steps: int) -> float:
    """The c that minimises mean(loss(c - data)), by gradient descent from c = 0."""
    c = torch.tensor(0.0, requires_grad=True)
    for _ in range(steps):
        loss(c - data).mean().backward()
        grad = c.grad
        assert grad is not None
        with torch.no_grad():
            c -= alpha * grad
        grad.zero_()
    return c.item()


# --8<-- [end:losses]


def outlier_share(data: torch.Tensor, c: float, loss: Loss) -> float:
    """The outlier's (last entry's) share of sum_i |d loss(r_i) / d r_i| at r = c - data."""
    residuals = (c - data).requires_grad_(True)
    loss(residuals).sum().backward()
    assert residuals.grad is not None
    pulls = residuals.grad.abs()  # how hard each point pulls on c
    return (pulls[-1] / pulls.sum()).item()


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    generator = torch.Generator().manual_seed(cfg.seed)
    clean = 2.0 + 0.5 * torch.randn(cfg.n, generator=generator)
    data = torch.cat([clean, torch.tensor([cfg.outlier])])  # the outlier is the last entry
    losses: dict[str, Loss] = {
        "squared": squared,
        "absolute": absolute,
        "huber": lambda r: huber(r, cfg.delta),
    }
    labels = {
        "squared": "squared",
        "absolute": "absolute",
        "huber": f"Huber (delta = {cfg.delta:g})",
    }
    fitted = {name: fit_constant(data, loss, cfg.alpha, cfg.steps) for name, loss in losses.items()}
    shares = {name: outlier_share(data, clean.mean().item(), loss) for name, loss in losses.items()}
    print(
        f"mean without the outlier {clean.mean():.3f}, mean with it {data.mean():.3f}, "
        f"median {data.median():.3f}"
    )
    for name in losses:
        print(
            f"{labels[name]:18}: fitted c = {fitted[name]:.3f}, outlier's share of the pull "
            f"{shares[name]:.0%}"
        )
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4), dpi=110)
    r = torch.linspace(-3.0, 3.0, 301)
    for name, loss in losses.items():
        left.plot(r, loss(r), label=labels[name])
    left.set_xlabel("residual r = prediction - target")
    left.set_ylabel("loss")
    left.set_title("Three losses as functions of the residual")
    left.legend(loc="upper center")
    right.plot(
        torch.arange(data.shape[0]),
        data,
        marker="o",
        linestyle="",
        color="black",
        label="data (last: outlier)",
    )
    for name, value in fitted.items():
        right.axhline(
            value,
            linestyle="--",
            color=left.lines[list(losses).index(name)].get_color(),
            label=f"{labels[name]}: c = {value:.2f}",
        )
    right.set_xlabel("index i")
    right.set_ylabel("value")
    right.set_title("The constant each loss fits")
    right.legend(loc="upper left")
    figure = cfg.out_dir / "outliers.png"
    fig.tight_layout()
    fig.savefig(figure)
    plt.close(fig)
    print(f"saved {figure.name}")
    return Result(
        fitted=fitted,
        mean_without_outlier=clean.mean().item(),
        mean_with_outlier=data.mean().item(),
        median=data.median().item(),
        outlier_share=shares,
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
