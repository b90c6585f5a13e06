"""A small multilayer perceptron builder (Part 3.3 introduces it; Module 5 reuses it).

Part 3.2 writes a two-layer network with bare tensors; Part 3.3 rewrites it as an
``nn.Module`` and then as :func:`mlp`, which stacks ``Linear`` layers with an activation
between them. Every later network of the course that maps a flat vector to a flat vector
(a classifier in Module 3, a Q-network, a policy or a value function in Module 5) is built
by this one function, so a change of width, depth or activation is one argument.

:func:`gradient_norms` reads how large each parameter's gradient is after a backward pass:
Part 3.4 plots it layer by layer to show vanishing and exploding gradients, and Part 3.5
uses it to diagnose a network that does not learn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import torch
from torch import nn


# --8<-- [start:mlp]
def mlp(
    input_size: int,
    hidden_sizes: Sequence[int],
    output_size: int,
    activation: Callable[[], nn.Module] = nn.ReLU,
) -> nn.Sequential:
    """Linear -> activation -> ... -> Linear: maps (B, input_size) to (B, output_size).

    ``hidden_sizes`` gives the width of each hidden layer; ``()`` builds a single linear
    layer. The last layer has no activation, so the outputs can be any real numbers
    (class scores before softmax, Q-values, a state's value).
    """
    sizes = [input_size, *hidden_sizes, output_size]
    if any(size < 1 for size in sizes):
        raise ValueError(f"mlp: every layer size must be at least 1, got {sizes}")
    layers: list[nn.Module] = []
    width = input_size
    for hidden in hidden_sizes:
        layers += [nn.Linear(width, hidden), activation()]
        width = hidden
    layers.append(nn.Linear(width, output_size))
    return nn.Sequential(*layers)


# --8<-- [end:mlp]


# --8<-- [start:gradient_norms]
def gradient_norms(model: nn.Module) -> dict[str, float]:
    """The L2 norm of each parameter's gradient, by name ("0.weight", "2.bias", ...).

    Call it after ``loss.backward()``. A parameter whose ``.grad`` is ``None`` received
    no gradient (it was frozen, unused by the forward pass, or backward was never called);
    it is left out rather than reported as 0, which would hide the difference.
    """
    norms: dict[str, float] = {}
    for name, parameter in model.named_parameters():
        if parameter.grad is not None:  # the check the type checker asks for, and a real case
            norms[name] = torch.linalg.vector_norm(parameter.grad).item()
    return norms


# --8<-- [end:gradient_norms]
