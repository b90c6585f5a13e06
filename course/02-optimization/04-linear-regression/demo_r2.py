"""Demo 4: predictions against the observed targets, and R^2 on the training points and
on fresh points from the same line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro

from line import INTERCEPT, NOISE_STD, SLOPE, least_squares, make_line_data


@dataclass(frozen=True)
class Config:
    n: int = 50  # training points
    n_fresh: int = 1000  # new points from the same line, never used for fitting
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    r2_train: float
    r2_fresh: float
    r2_of_the_mean: float  # predicting the mean target everywhere
    r2_expected: float  # the share of y's variance that the true line explains
    figure: str


# --8<-- [start:r2]
def r2_score(prediction: torch.Tensor, target: torch.Tensor) -> float:
    """R^2 = 1 - SS_res / SS_tot: the share of the targets' spread around their mean
    that the predictions explain. 1 is perfect; 0 is no better than predicting the mean."""
    ss_res = ((target - prediction) ** 2).sum()
    ss_tot = ((target - target.mean()) ** 2).sum()
    return (1 - ss_res / ss_tot).item()


# --8<-- [end:r2]


def plot(prediction: torch.Tensor, target: torch.Tensor, r2: float, path: Path) -> None:
    fig, ax = plt.subplots(figsize=(5.5, 5.5), dpi=100)
    ax.scatter(target.squeeze(1), prediction.squeeze(1), s=14, label="training points")
    low, high = target.min().item(), target.max().item()
    ax.plot([low, high], [low, high], "k--", label="prediction = target")
    ax.set_aspect("equal")
    ax.set_xlabel("observed y")
    ax.set_ylabel("predicted y = w x + b")
    ax.set_title(f"Predictions against the observed targets (R² = {r2:.3f})")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x, y = make_line_data(cfg.n, SLOPE, INTERCEPT, NOISE_STD, cfg.seed)
    w, b = least_squares(x, y).float().tolist()
    r2_train = r2_score(w * x + b, y)
    x_fresh, y_fresh = make_line_data(cfg.n_fresh, SLOPE, INTERCEPT, NOISE_STD, cfg.seed + 1)
    r2_fresh = r2_score(w * x_fresh + b, y_fresh)
    r2_mean = r2_score(y.mean().expand_as(y), y)
    signal = SLOPE**2 * 10**2 / 12  # the variance of slope * x for x uniform on [0, 10)
    expected = signal / (signal + NOISE_STD**2)
    print(f"R^2 on the {cfg.n} training points:   {r2_train:.4f}")
    print(f"R^2 on {cfg.n_fresh} fresh points:       {r2_fresh:.4f}")
    print(f"R^2 of always predicting the mean: {r2_mean:.4f}")
    print(f"share of y's variance due to the line, from the data's recipe: {expected:.4f}")
    figure = cfg.out_dir / "predictions.png"
    plot(w * x + b, y, r2_train, figure)
    return Result(
        r2_train=r2_train,
        r2_fresh=r2_fresh,
        r2_of_the_mean=r2_mean,
        r2_expected=expected,
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
