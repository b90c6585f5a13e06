"""Demo 4 of Part 3.7: the dropout probability from 0 to 0.9, three seeds each, and the
training and validation accuracy it leaves."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro
from tqdm import tqdm

from noisy_digits import noisy_digits, score_over_seeds


@dataclass(frozen=True)
class Config:
    rates: tuple[float, ...] = (0.0, 0.2, 0.5, 0.8)  # dropout probabilities p
    epochs: int = 60
    seeds: int = 3
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    rates: list[float]
    val_mean: list[float]
    val_sem: list[float]
    train_mean: list[float]
    train_sem: list[float]
    best_rate: float  # the p with the highest mean validation accuracy


# --8<-- [start:sweep]
def main(cfg: Config) -> Result:
    torch.set_num_threads(1)  # small batches: a second thread adds overhead, not speed
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    data = noisy_digits()
    val_mean, val_sem, train_mean, train_sem = [], [], [], []
    for p in tqdm(cfg.rates, desc="dropout rates"):
        val, train = score_over_seeds(data, p, 0.0, cfg.epochs, cfg.seeds)
        val_mean.append(val[0])
        val_sem.append(val[1])
        train_mean.append(train[0])
        train_sem.append(train[1])
        print(f"p = {p:.1f}: validation {val[0]:.3f} +- {val[1]:.3f}, "
              f"noisy training labels {train[0]:.3f} +- {train[1]:.3f}")  # fmt: skip
    best = cfg.rates[max(range(len(cfg.rates)), key=lambda i: val_mean[i])]
    print(f"highest mean validation accuracy at p = {best}")
    # --8<-- [end:sweep]
    plot(list(cfg.rates), [train_mean, train_sem, val_mean, val_sem], cfg.seeds,
         cfg.out_dir / "dropout_sweep.png")  # fmt: skip
    return Result(list(cfg.rates), val_mean, val_sem, train_mean, train_sem, best)


def plot(rates: list[float], summary: list[list[float]], seeds: int, path: Path) -> None:
    train_mean, train_sem, val_mean, val_sem = summary
    fig, ax = plt.subplots(figsize=(6.5, 4))
    ax.errorbar(rates, train_mean, yerr=train_sem, marker="o", capsize=3,
                label="noisy training labels")  # fmt: skip
    ax.errorbar(rates, val_mean, yerr=val_sem, marker="s", capsize=3, label="validation (clean)")
    ax.set(xlabel="dropout probability p", ylabel="accuracy (eval mode)", ylim=(0, 1.05))
    ax.set_title(f"Dropout rate sweep, mean ± standard error over {seeds} seeds")
    ax.legend(loc="lower left")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
