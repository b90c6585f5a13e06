"""Exercise 4: swap an activation anywhere in a network, nested containers included."""

from __future__ import annotations

from collections.abc import Callable

from torch import nn


def replace_activation(model: nn.Module, old: type[nn.Module], new: Callable[[], nn.Module]) -> int:
    """Replace every module of type ``old`` inside ``model``, at any depth, by a fresh
    ``new()``, keeping every other module (and so every weight) as it is. Returns how many
    were replaced."""
    replaced = 0
    for name, child in model.named_children():
        if isinstance(child, old):
            setattr(model, name, new())  # a Sequential's children are named "0", "1", ...
            replaced += 1
        else:
            replaced += replace_activation(child, old, new)  # look inside containers
    return replaced
