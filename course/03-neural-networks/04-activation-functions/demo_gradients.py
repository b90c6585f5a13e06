"""Demo 3 of Part 3.4: the gradient norm of every layer's weights in a deep network, for
sigmoid, tanh and ReLU, and for ReLU with initial weights several times too large."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro
from torch import nn

from activations import ACTIVATIONS, moons
from rlcourse.networks import gradient_norms, mlp


@dataclass(frozen=True)
class Config:
    seeds: int = 5
    points: int = 200
    depth: int = 10  # hidden layers
    width: int = 32  # units per hidden layer
    large_scale: float = 5.0  # the exploding case multiplies every initial weight by this
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    # Per case, the weights' gradient norm of each Linear layer (input side first),
    # as the geometric mean over seeds (norms span many orders of magnitude).
    norms: dict[str, list[float]]
    first_over_last: dict[str, float]  # first layer's norm / last layer's


# --8<-- [start:norms]
def layer_norms(activation: str, scale: float, seed: int, cfg: Config) -> list[float]:
    """One backward pass through a fresh deep network; each Linear weight's gradient norm."""
    torch.manual_seed(seed)
    model = mlp(2, [cfg.width] * cfg.depth, 1, ACTIVATIONS[activation])
    with torch.no_grad():
        for parameter in model.parameters():
            parameter.mul_(scale)  # scale 1 keeps PyTorch's initialisation
    x, y = moons(cfg.points, seed)
    nn.BCEWithLogitsLoss()(model(x), y).backward()
    norms = gradient_norms(model)  # {"0.weight": ..., "0.bias": ..., "2.weight": ...}
    return [norm for name, norm in norms.items() if name.endswith("weight")]


# --8<-- [end:norms]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    cases = {  # label -> (activation, weight scale)
        "sigmoid": ("sigmoid", 1.0),
        "tanh": ("tanh", 1.0),
        "ReLU": ("ReLU", 1.0),
        "ReLU, large weights": ("ReLU", cfg.large_scale),
    }
    norms: dict[str, np.ndarray] = {}  # case -> (seeds, layers)
    for label, (activation, scale) in cases.items():
        norms[label] = np.array(
            [layer_norms(activation, scale, seed, cfg) for seed in range(cfg.seeds)]
        )
    geometric = {label: np.exp(np.log(n).mean(axis=0)) for label, n in norms.items()}
    for label, mean in geometric.items():
        print(f"{label}: " + " ".join(f"{v:.0e}" for v in mean))
        print(f"  first layer / last layer: {mean[0] / mean[-1]:.1e}")
    plot(norms, cfg.out_dir / "gradient_norms.png")
    return Result(
        norms={label: mean.tolist() for label, mean in geometric.items()},
        first_over_last={label: float(mean[0] / mean[-1]) for label, mean in geometric.items()},
    )


def plot(norms: dict[str, np.ndarray], path: Path) -> None:
    fig, ax = plt.subplots(figsize=(7, 4.2))
    seeds, count = next(iter(norms.values())).shape  # (seeds, Linear layers)
    layers = np.arange(1, count + 1)
    for label, runs in norms.items():
        logs = np.log10(runs)  # (seeds, layers)
        mean = logs.mean(axis=0)
        sem = logs.std(axis=0, ddof=1) / np.sqrt(len(runs))
        (line,) = ax.plot(layers, 10**mean, marker="o", label=label)
        ax.fill_between(
            layers, 10 ** (mean - sem), 10 ** (mean + sem), color=line.get_color(), alpha=0.25
        )
    ax.set(
        yscale="log", xlabel="Linear layer (1 = input side)", ylabel="norm of the weights' gradient"
    )
    ax.set_title(f"Gradients at initialisation, {count - 1} hidden layers, {seeds} seeds")
    ax.set_xticks(layers)
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
