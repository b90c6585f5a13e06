"""Demo 4: train and test error against the polynomial degree, from the closed-form
least-squares fit on scaled features: the training error falls, the test error turns up."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import tyro

from poly import (
    COEFFICIENTS,
    NOISE_STD,
    closed_form_mse,
    make_poly_data,
    poly_features,
    standardize,
)


@dataclass(frozen=True)
class Config:
    n_train: int = 20
    n_test: int = 200
    max_degree: int = 12
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    best_degree: int
    best_test_mse: float
    last_train_mse: float
    last_test_mse: float
    figure: str


# --8<-- [start:sweep]
def error_by_degree(cfg: Config) -> list[tuple[float, float]]:
    """(train MSE, test MSE) for every degree 1..max_degree, same data each time."""
    x, y = make_poly_data(cfg.n_train, COEFFICIENTS, NOISE_STD, cfg.seed)
    x_test, y_test = make_poly_data(cfg.n_test, COEFFICIENTS, NOISE_STD, cfg.seed + 1)
    errors = []
    for degree in range(1, cfg.max_degree + 1):
        train, test = standardize(poly_features(x, degree), poly_features(x_test, degree))
        errors.append(closed_form_mse(train, y, test, y_test))
    return errors


# --8<-- [end:sweep]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    errors = error_by_degree(cfg)
    degrees = list(range(1, cfg.max_degree + 1))
    for degree, (train_mse, test_mse) in zip(degrees, errors, strict=True):
        print(f"degree {degree:2d}: train MSE {train_mse:8.4f}, test MSE {test_mse:10.4f}")
    test_errors = [test for _, test in errors]
    best = degrees[test_errors.index(min(test_errors))]
    print(f"lowest test error at degree {best}")
    fig, ax = plt.subplots(figsize=(6.5, 4.5), dpi=100)
    ax.plot(degrees, [train for train, _ in errors], "o-", label="train MSE")
    ax.plot(degrees, test_errors, "s-", label="test MSE (held out)")
    ax.axhline(NOISE_STD**2, color="k", ls="--", label="noise variance σ²")
    ax.set_yscale("log")
    ax.set_xlabel("polynomial degree d")
    ax.set_ylabel("mean squared error (log scale)")
    ax.set_title(f"Error against degree, {cfg.n_train} training points")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    figure = cfg.out_dir / "error_by_degree.png"
    fig.savefig(figure)
    plt.close(fig)
    return Result(best, min(test_errors), errors[-1][0], errors[-1][1], figure.name)


if __name__ == "__main__":
    main(tyro.cli(Config))
