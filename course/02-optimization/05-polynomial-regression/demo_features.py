"""Demo 2: polynomial features built by hand, scaled, and fitted by the library's training
loop; the same fit on unscaled features, to show why scaling matters."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import tyro

from poly import (
    COEFFICIENTS,
    NOISE_STD,
    make_poly_data,
    poly_features,
    standardize,
    train_polynomial,
)


@dataclass(frozen=True)
class Config:
    n_train: int = 20
    degree: int = 3
    epochs: int = 2000
    lr: float = 0.3
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    column_std_before: list[float]
    loss_scaled: float
    loss_unscaled_at_20: float  # already enormous: the step is too big for x^3


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    x, y = make_poly_data(cfg.n_train, COEFFICIENTS, NOISE_STD, cfg.seed)
    features = poly_features(x, cfg.degree)  # (n, degree): x, x^2, x^3
    print(f"features {tuple(features.shape)}; the first two rows:\n{features[:2]}")
    std_before = features.std(dim=0).tolist()
    scaled, _ = standardize(features, features)
    print("column std before scaling:", [round(s, 3) for s in std_before])
    print("column std after scaling: ", [round(s, 3) for s in scaled.std(dim=0).tolist()])
    _, losses_scaled = train_polynomial(scaled, y, cfg.epochs, cfg.lr)
    _, losses_raw = train_polynomial(features, y, cfg.epochs, cfg.lr)
    for epoch in [0, 5, 10, 20, cfg.epochs - 1]:
        print(
            f"epoch {epoch:4d}: MSE scaled {losses_scaled[epoch]:.4g}, "
            f"unscaled {losses_raw[epoch]:.4g}"
        )
    return Result(std_before, losses_scaled[-1], losses_raw[20])


# --8<-- [end:main]


if __name__ == "__main__":
    main(tyro.cli(Config))
