"""Exercise 4: Swap activation mid-training and observe changes.

Demo 4 swaps the activations of an nn.Sequential, whose layers are all at the top. Real
networks nest containers inside modules. Fill in ``replace_activation``, then run
`rlcourse check 3.4`.
"""

from __future__ import annotations

from collections.abc import Callable

from torch import nn


def replace_activation(model: nn.Module, old: type[nn.Module], new: Callable[[], nn.Module]) -> int:
    """Replace every module of type ``old`` inside ``model``, at any depth, by a fresh
    ``new()``, keeping every other module (and so every weight) as it is. Returns how many
    were replaced."""
    raise NotImplementedError("named_children, setattr, and a recursive call for containers")
