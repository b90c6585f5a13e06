"""Exercise 1: Plot different activation functions.

Demo 1 plots five activations and checks autograd's derivatives against the formulas.
Here are three more: derive their derivatives by hand (the check makes autograd raise
inside your code), then plot them. Fill in ``derivatives`` and ``plot_activations``, then
run `rlcourse check 3.4`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401 (you will need it)
import torch
import torch.nn.functional as F  # noqa: F401 (F.elu, F.silu, F.softplus)


def derivatives(a: torch.Tensor) -> dict[str, torch.Tensor]:
    """The derivative at each entry of ``a`` of ELU (alpha = 1), SiLU and softplus, by the
    formulas, as tensors of a's shape and dtype, keyed "ELU", "SiLU" and "softplus"."""
    raise NotImplementedError("ELU: a or e^a - 1; SiLU: a sigmoid(a); softplus: log(1 + e^a)")


def plot_activations(path: Path) -> None:
    """Two panels on a from -4 to 4: the three functions (F.elu, F.silu, F.softplus) and
    their derivatives, each panel with a title, labelled axes and a legend."""
    raise NotImplementedError("plt.subplots(1, 2), one line per function in each panel")
