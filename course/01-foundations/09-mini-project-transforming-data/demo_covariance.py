"""Demo 3: the mean and covariance matrix of the data set, by hand and with PyTorch, and
why the covariance divides by n - 1."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro

from cloud import make_cloud


@dataclass(frozen=True)
class Config:
    n: int = 500
    seed: int = 0
    small_n: int = 5  # the size of each small sample in the n - 1 experiment
    samples: int = 20_000  # how many small samples
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    mean: list[float]
    covariance: list[list[float]]
    matches_torch_cov: bool
    divide_by_n_mean: float  # average of the variance estimates that divide by n
    divide_by_n_minus_1_mean: float  # average of those that divide by n - 1
    divide_by_n_se: float  # standard error of the first average
    divide_by_n_minus_1_se: float


# --8<-- [start:covariance]
def mean_and_covariance(data: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """mu = (1/n) sum_i x_i and C = (1/(n-1)) sum_i (x_i - mu)(x_i - mu)^T, for data (n, d)."""
    n = data.shape[0]
    mean = data.sum(dim=0) / n  # (d,)
    centred = data - mean  # (n, d) - (d,): every row minus the mean
    return mean, centred.T @ centred / (n - 1)  # (d, n) @ (n, d) -> (d, d)


def variance_estimates(samples: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """For each row (one small sample of a variable whose variance is 1): sum of squared
    deviations from the sample's own mean, divided by n and by n - 1."""
    n = samples.shape[1]
    squares = ((samples - samples.mean(dim=1, keepdim=True)) ** 2).sum(dim=1)
    return squares / n, squares / (n - 1)


# --8<-- [end:covariance]


def mean_and_se(values: torch.Tensor) -> tuple[float, float]:
    """The average and its standard error, std / sqrt(count)."""
    return values.mean().item(), (values.std() / len(values) ** 0.5).item()


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    data = make_cloud(cfg.n, cfg.seed)
    mean, cov = mean_and_covariance(data)
    library = torch.cov(data.T)  # torch.cov takes one variable per row: (d, n)
    same = torch.allclose(cov, library, atol=1e-5)
    print(f"mean {mean}\ncovariance by hand\n{cov}\ntorch.cov agrees: {same}")
    print(f"standard deviations: {cov.diagonal().sqrt()}")

    generator = torch.Generator().manual_seed(cfg.seed + 1)
    samples = torch.randn(cfg.samples, cfg.small_n, generator=generator, dtype=torch.float64)
    by_n, by_n_minus_1 = variance_estimates(samples)
    (avg_n, se_n), (avg_n1, se_n1) = mean_and_se(by_n), mean_and_se(by_n_minus_1)
    print(f"{cfg.samples:,} samples of {cfg.small_n} numbers with variance 1:")
    print(f"  divide by n:     average {avg_n:.3f} ± {se_n:.3f}")
    print(f"  divide by n - 1: average {avg_n1:.3f} ± {se_n1:.3f}")
    return Result(
        mean=mean.tolist(),
        covariance=cov.tolist(),
        matches_torch_cov=same,
        divide_by_n_mean=avg_n,
        divide_by_n_minus_1_mean=avg_n1,
        divide_by_n_se=se_n,
        divide_by_n_minus_1_se=se_n1,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
