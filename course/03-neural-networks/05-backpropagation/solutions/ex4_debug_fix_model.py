"""Exercise 4: the deep network that did not learn, fixed: ReLU, and He initialisation written
out by hand."""

from __future__ import annotations

import math

from torch import nn

from rlcourse.networks import mlp


def build_deep_model(depth: int, width: int) -> nn.Sequential:
    """``depth`` hidden layers of ``width`` units for 2-D inputs and one logit, whose first
    layer receives a usable gradient and which learns the moons with plain SGD."""
    model = mlp(2, [width] * depth, 1, activation=nn.ReLU)
    for layer in model:
        if isinstance(layer, nn.Linear):
            nn.init.normal_(layer.weight, mean=0.0, std=math.sqrt(2 / layer.in_features))
            nn.init.zeros_(layer.bias)
    return model
