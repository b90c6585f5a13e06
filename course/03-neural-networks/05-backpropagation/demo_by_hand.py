"""Demo 1 of Part 3.5: backpropagation by hand through a two-layer network for one example,
every node's value on the way forward and every node's gradient on the way back."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro
from torch import nn

from backprop import backward, forward, params_of
from rlcourse.networks import mlp


@dataclass(frozen=True)
class Config:
    seed: int = 0  # draws the network's initial weights
    x: tuple[float, float] = (1.0, -2.0)  # the one input
    y: float = 1.0  # its target
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    prediction: float  # y_hat
    loss: float  # (y_hat - y)^2
    gradient_y_hat: float  # dL/dy_hat = 2 (y_hat - y)
    path_factors: list[float]  # dL/dy_hat, W2[0, 0], sigmoid'(a_0), x_1: one path to W1[0, 1]
    path_product: float  # their product
    gradient_w1_01: float  # dL/dW1[0, 1] from the backward pass


def show(name: str, tensor: torch.Tensor) -> None:
    values = ", ".join(f"{v:+.4f}" for v in tensor.flatten().tolist())
    print(f"  {name:<6} {tuple(tensor.shape)!s:<7} [{values}]")


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(cfg.seed)
    model = mlp(2, [3], 1, activation=nn.Sigmoid)  # Linear(2, 3) -> Sigmoid -> Linear(3, 1)
    params = params_of(model)  # {"W1": (3, 2), "b1": (3,), "W2": (1, 3), "b2": (1,)}
    x, y = torch.tensor(cfg.x), torch.tensor([cfg.y])
    node = forward(params, x, y)
    g = backward(params, x, y)
    print("parameters:")
    for name in ("W1", "b1", "W2", "b2"):
        show(name, params[name])
    print("forward, node by node:")
    for name in ("a", "h", "y_hat", "loss"):
        show(name, node[name])
    print("backward, node by node (dL/d of each):")
    for name in ("y_hat", "W2", "b2", "h", "a", "W1", "b1"):
        show(name, g[name])
    h0 = node["h"][0]
    factors = [g["y_hat"][0], params["W2"][0, 0], h0 * (1 - h0), x[1]]
    product = torch.stack(factors).prod()
    print("one path, y_hat <- h_0 <- a_0 <- W1[0, 1]:")
    print("  " + " * ".join(f"{f:.4f}" for f in factors) + f" = {product:.4f}")
    print(f"  dL/dW1[0, 1] from the backward pass: {g['W1'][0, 1]:.4f}")
    return Result(
        prediction=node["y_hat"].item(),
        loss=node["loss"].item(),
        gradient_y_hat=g["y_hat"].item(),
        path_factors=[f.item() for f in factors],
        path_product=product.item(),
        gradient_w1_01=g["W1"][0, 1].item(),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
