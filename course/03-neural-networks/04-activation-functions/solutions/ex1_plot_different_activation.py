"""Exercise 1: three more activations, their derivatives by hand, and a figure of both."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F


def derivatives(a: torch.Tensor) -> dict[str, torch.Tensor]:
    """The derivative at each entry of ``a`` of ELU (alpha = 1), SiLU and softplus, by the
    formulas, as tensors of a's shape and dtype, keyed "ELU", "SiLU" and "softplus"."""
    s = torch.sigmoid(a)
    return {
        "ELU": torch.where(a > 0, torch.ones_like(a), torch.exp(a)),  # (e^a - 1)' = e^a
        "SiLU": s * (1 + a * (1 - s)),  # product rule on a sigma(a)
        "softplus": s,  # d/da log(1 + e^a) = e^a / (1 + e^a)
    }


def plot_activations(path: Path) -> None:
    """Two panels on a from -4 to 4: the three functions (F.elu, F.silu, F.softplus) and
    their derivatives, each panel with a title, labelled axes and a legend."""
    a = torch.linspace(-4, 4, 401)
    functions = {"ELU": F.elu(a), "SiLU": F.silu(a), "softplus": F.softplus(a)}
    slopes = derivatives(a)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    for name, values in functions.items():
        left.plot(a, values, label=name)
        right.plot(a, slopes[name], label=name)
    left.set(title="Activation functions", xlabel="a", ylabel="φ(a)")
    right.set(title="Their derivatives", xlabel="a", ylabel="φ'(a)")
    left.legend()
    right.legend()
    fig.savefig(path)
    plt.close(fig)
