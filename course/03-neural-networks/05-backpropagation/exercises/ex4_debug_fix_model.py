"""Exercise 4: Debug and fix a model with vanishing gradients.

This network does not learn: with plain SGD its loss stays at log 2. Measure its per-layer
gradient norms (Demo 3, Exercise 3), find the cause, and fix ``build_deep_model`` without
changing its depth or width: the check needs the first layer's weight gradient within a factor
of 100 of the last layer's, and the training loss below 0.4 after 100 steps of SGD. Then run
`rlcourse check 3.5`.
"""

from __future__ import annotations

from torch import nn

from rlcourse.networks import mlp


def build_deep_model(depth: int, width: int) -> nn.Sequential:
    """``depth`` hidden layers of ``width`` units for 2-D inputs and one logit, whose first
    layer receives a usable gradient and which learns the moons with plain SGD."""
    return mlp(2, [width] * depth, 1, activation=nn.Sigmoid)
