"""A small multilayer perceptron builder (Part 3.3 introduces it; Module 5 reuses it).

Part 3.2 writes a two-layer network with bare tensors; Part 3.3 rewrites it as an
``nn.Module`` and then as :func:`mlp`, which stacks ``Linear`` layers with an activation
between them. Every later network of the course that maps a flat vector to a flat vector
(a classifier in Module 3, a Q-network, a policy or a value function in Module 5) is built
by this one function, so a change of width, depth or activation is one argument.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

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
