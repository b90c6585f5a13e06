"""Demo 3 of Part 3.7: no regularisation, dropout, weight decay and both, each trained
from three seeds on the noisy digits; accuracy as mean and standard error."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro
from tqdm import tqdm

from noisy_digits import noisy_digits, score_over_seeds


@dataclass(frozen=True)
class Config:
    p: float = 0.5  # dropout probability where dropout is on
    weight_decay: float = 1.0  # AdamW's lambda where weight decay is on
    epochs: int = 60
    seeds: int = 3
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    settings: list[str]
    val_mean: list[float]  # per setting, over seeds
    val_sem: list[float]
    train_mean: list[float]  # accuracy on the (noisy) training labels
    train_sem: list[float]


# --8<-- [start:compare]
def main(cfg: Config) -> Result:
    torch.set_num_threads(1)  # small batches: a second thread adds overhead, not speed
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    data = noisy_digits()
    settings = {  # name -> (dropout p, weight decay lambda)
        "none": (0.0, 0.0),
        "dropout": (cfg.p, 0.0),
        "weight decay": (0.0, cfg.weight_decay),
        "both": (cfg.p, cfg.weight_decay),
    }
    val_mean, val_sem, train_mean, train_sem = [], [], [], []
    for name, (p, decay) in tqdm(settings.items(), desc="settings"):
        val, train = score_over_seeds(data, p, decay, cfg.epochs, cfg.seeds)
        print(f"{name:12s} validation {val[0]:.3f} +- {val[1]:.3f}, "
              f"noisy training labels {train[0]:.3f} +- {train[1]:.3f}")  # fmt: skip
        val_mean.append(val[0])
        val_sem.append(val[1])
        train_mean.append(train[0])
        train_sem.append(train[1])
    # --8<-- [end:compare]
    names = list(settings)
    plot(names, [train_mean, train_sem, val_mean, val_sem], cfg.seeds, cfg.out_dir / "compare.png")
    return Result(names, val_mean, val_sem, train_mean, train_sem)


def plot(names: list[str], summary: list[list[float]], seeds: int, path: Path) -> None:
    train_mean, train_sem, val_mean, val_sem = summary
    fig, ax = plt.subplots(figsize=(6.5, 4))
    x = np.arange(len(names))
    ax.bar(x - 0.2, train_mean, width=0.4, yerr=train_sem, capsize=4,
           label="noisy training labels")  # fmt: skip
    ax.bar(x + 0.2, val_mean, width=0.4, yerr=val_sem, capsize=4, label="validation (clean)")
    ax.set(xticks=x, xticklabels=names, xlabel="regularisation", ylabel="accuracy (eval mode)")
    ax.set(ylim=(0, 1.25), title=f"Noisy digits, mean ± standard error over {seeds} seeds")
    ax.legend(loc="upper center", ncol=2)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
