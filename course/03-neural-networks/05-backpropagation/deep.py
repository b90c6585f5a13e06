"""The deep network of Demos 3 and 4 of Part 3.5, its data, and the per-layer gradient norms
that diagnose it."""

from __future__ import annotations

import torch
from sklearn.datasets import make_moons
from torch import nn

from rlcourse.networks import gradient_norms, mlp


def moons(n: int, noise: float, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """n points of scikit-learn's two interleaved half-moons: x (n, 2), labels y (n, 1) of 0.0
    or 1.0."""
    x, y = make_moons(n, noise=noise, random_state=seed)
    return torch.tensor(x, dtype=torch.float32), torch.tensor(y, dtype=torch.float32)[:, None]


# --8<-- [start:network]
def deep_network(
    depth: int, width: int, activation: type[nn.Module], he_init: bool = False
) -> nn.Sequential:
    """``depth`` hidden layers of ``width`` units for 2-D inputs and one logit. With
    ``he_init`` each weight is drawn from N(0, 2 / fan_in) and each bias is 0 (He et al.,
    2015), instead of PyTorch's default U(+-1/sqrt(fan_in))."""
    model = mlp(2, [width] * depth, 1, activation=activation)
    if he_init:
        for layer in model:
            if isinstance(layer, nn.Linear):  # narrows Module to Linear for the type checker
                nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
                nn.init.zeros_(layer.bias)
    return model


# --8<-- [end:network]


# --8<-- [start:flow]
def weight_gradient_norms(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> list[float]:
    """One backward pass of the mean binary cross-entropy on (x, y), then the norm of each
    layer's weight gradient, from the first layer to the last."""
    model.zero_grad()
    nn.functional.binary_cross_entropy_with_logits(model(x), y).backward()
    norms = gradient_norms(model)  # {"0.weight": ..., "0.bias": ..., "2.weight": ...}
    return [norm for name, norm in norms.items() if name.endswith("weight")]


# --8<-- [end:flow]
