"""Demo 4: accuracy on the held-out test points over several training seeds, and the test
points the network gets wrong, marked over its decision boundary."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro
from tqdm import tqdm

from moons import NOISE, accuracy, draw_boundary, draw_points, make_data, train_classifier
from rlcourse.stats import mean_and_standard_error


@dataclass(frozen=True)
class Config:
    n: int = 400
    test_fraction: float = 0.25
    hidden_sizes: tuple[int, ...] = (16, 16)
    logistic_lr: float = 0.05  # Demo 2's training
    network_lr: float = 0.02
    epochs: int = 500
    seeds: int = 5  # training seeds (initial weights); the data stay those of seed 0
    data_seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    logistic_test_mean: float
    logistic_test_se: float  # standard error of the mean over the seeds
    network_test_mean: float
    network_test_se: float
    network_train_mean: float
    misclassified: int  # test points the first seed's network gets wrong
    n_test: int
    figure: str


# --8<-- [start:mistakes]
def misclassified(model: torch.nn.Module, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """A boolean mask (n,): True where the predicted class is not the label."""
    with torch.no_grad():
        return model(x).argmax(dim=1) != y


# --8<-- [end:mistakes]


def plot(model: torch.nn.Module, x: torch.Tensor, y: torch.Tensor, path: Path) -> None:
    wrong = misclassified(model, x, y)
    fig, ax = plt.subplots(figsize=(6.5, 4.5), dpi=100)
    draw_boundary(ax, model, x, "The network's mistakes on held-out points")
    draw_points(ax, x, y, "o", "test, ")
    ax.scatter(
        x[wrong, 0],
        x[wrong, 1],
        s=120,
        facecolors="none",
        edgecolors="red",
        linewidths=1.5,
        label=f"misclassified ({int(wrong.sum())})",
    )
    ax.legend(fontsize="small", loc="lower left")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x, y, x_test, y_test = make_data(cfg.n, NOISE, cfg.test_fraction, cfg.data_seed)
    scores: dict[str, list[float]] = {"logistic": [], "network": [], "network train": []}
    networks = []
    for seed in tqdm(range(cfg.seeds), desc="seeds"):
        logistic, _ = train_classifier(x, y, (), cfg.logistic_lr, cfg.epochs, seed)
        network, _ = train_classifier(x, y, cfg.hidden_sizes, cfg.network_lr, cfg.epochs, seed)
        scores["logistic"].append(accuracy(logistic, x_test, y_test))
        scores["network"].append(accuracy(network, x_test, y_test))
        scores["network train"].append(accuracy(network, x, y))
        networks.append(network)
    summary = {name: mean_and_standard_error(values) for name, values in scores.items()}
    for name, (mean, se) in summary.items():
        print(f"{name:14s} accuracy over {cfg.seeds} seeds: {mean:.3f} ± {se:.3f}")
    wrong = misclassified(networks[0], x_test, y_test)
    print(f"seed 0's network gets {int(wrong.sum())} of {len(y_test)} test points wrong")
    figure = cfg.out_dir / "mistakes.png"
    plot(networks[0], x_test, y_test, figure)
    return Result(
        logistic_test_mean=summary["logistic"][0],
        logistic_test_se=summary["logistic"][1],
        network_test_mean=summary["network"][0],
        network_test_se=summary["network"][1],
        network_train_mean=summary["network train"][0],
        misclassified=int(wrong.sum()),
        n_test=len(y_test),
        figure=figure.name,
    )


# --8<-- [end:main]


if __name__ == "__main__":
    main(tyro.cli(Config))
