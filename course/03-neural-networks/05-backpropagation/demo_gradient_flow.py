"""Demo 3 of Part 3.5: gradient flow, layer by layer, in a deep sigmoid network, read from
named_parameters() through rlcourse.networks.gradient_norms."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro
from torch import nn

from deep import deep_network, moons, weight_gradient_norms
from rlcourse.networks import gradient_norms


@dataclass(frozen=True)
class Config:
    depth: int = 10  # hidden layers
    width: int = 32  # units per hidden layer
    points: int = 256  # the batch the gradients are measured on
    noise: float = 0.2  # make_moons noise
    seeds: int = 5  # initial weights drawn
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    first_layer_norm: float  # geometric mean over seeds of |dL/dW| of the first layer
    last_layer_norm: float  # ... of the last (output) layer
    first_to_last: float  # their ratio
    shrink_per_layer: float  # geometric mean of norm(l) / norm(l + 1) over the square layers
    predicted_shrink: float  # sigmoid'(0) * sqrt(fan_in * Var(W)) = 0.25 / sqrt(3)
    frozen_names_reported: int  # names gradient_norms reports once layer 0 is frozen
    all_names: int  # names it reports with nothing frozen


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x, y = moons(cfg.points, cfg.noise, seed=0)
    norms = []
    for seed in range(cfg.seeds):
        torch.manual_seed(seed)
        model = deep_network(cfg.depth, cfg.width, nn.Sigmoid)
        norms.append(weight_gradient_norms(model, x, y))
    table = np.array(norms)  # (seeds, depth + 1)
    typical = np.exp(np.log(table).mean(axis=0))  # geometric mean: the norms span decades
    print("layer  |dL/dW| (geometric mean over seeds)  ratio to the layer above")
    for layer, norm in enumerate(typical):
        above = f"{norm / typical[layer + 1]:.3f}" if layer + 1 < len(typical) else ""
        print(f"  {layer:2d}   {norm:.2e}   {above}")
    square = typical[1:-1]  # the (width, width) layers between the first and the last
    shrink = float(np.exp(np.log(square[:-1] / square[1:]).mean()))
    predicted = 0.25 / np.sqrt(3)  # sigmoid' <= 1/4, times the gain of a default-init layer
    print(f"first / last layer: {typical[0] / typical[-1]:.1e}")
    print(f"each {cfg.width}x{cfg.width} layer down: x{shrink:.3f} (predicted x{predicted:.3f})")

    torch.manual_seed(0)
    model = deep_network(cfg.depth, cfg.width, nn.Sigmoid)
    model[0].requires_grad_(False)  # freeze the first layer: its .grad stays None
    weight_gradient_norms(model, x, y)
    frozen = gradient_norms(model)
    reported = "0.weight" in frozen
    print(f"first layer frozen: {len(frozen)} names reported, 0.weight in them: {reported}")
    all_names = len(list(model.named_parameters()))

    figure, axes = plt.subplots(figsize=(7, 4))
    layers = np.arange(len(typical))
    for seed, row in enumerate(table):
        axes.plot(layers, row, marker="o", alpha=0.6, label=f"seed {seed}")
    axes.set_yscale("log")
    axes.set_title(f"Gradient flow in a {cfg.depth}-hidden-layer sigmoid network")
    axes.set_xlabel("layer (0 = first, nearest the input)")
    axes.set_ylabel("norm of the weight gradient |dL/dW|")
    axes.legend()
    figure.tight_layout()
    figure.savefig(cfg.out_dir / "gradient_flow.png", dpi=120)
    plt.close(figure)
    return Result(
        first_layer_norm=float(typical[0]),
        last_layer_norm=float(typical[-1]),
        first_to_last=float(typical[0] / typical[-1]),
        shrink_per_layer=shrink,
        predicted_shrink=float(predicted),
        frozen_names_reported=len(frozen),
        all_names=all_names,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
