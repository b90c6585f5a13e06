"""Exercise 4: Visualize vector addition and scalar multiplication in 2D with Matplotlib.

Draw the linear combination c1 a + c2 b of two vectors of the plane, tip to tail.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import torch


def plot_combination(a: torch.Tensor, b: torch.Tensor, c1: float, c2: float, path: Path) -> None:
    """Save at ``path`` a figure of three arrows, each drawn with its own ax.quiver call:

    - c1 a, from the origin;
    - c2 b, from the tip of c1 a;
    - c1 a + c2 b, from the origin (it ends where the second arrow ends).

    Draw them at their true lengths (angles="xy", scale_units="xy", scale=1), give each a
    label and show a legend, name both axes, add a title, and use an equal aspect ratio
    with axis limits that show every arrow.
    """
    first, second = c1 * a, c2 * b
    total = first + second
    tails = [torch.zeros(2), first, torch.zeros(2)]
    arrows = [first, second, total]
    labels = [f"{c1:g} a", f"{c2:g} b, from the tip of {c1:g} a", f"{c1:g} a + {c2:g} b"]
    fig, ax = plt.subplots(figsize=(5, 5))
    for tail, arrow, label, color in zip(tails, arrows, labels, ["C0", "C1", "C2"], strict=True):
        ax.quiver(
            tail[0], tail[1], arrow[0], arrow[1],
            angles="xy", scale_units="xy", scale=1, color=color, label=label,
        )  # fmt: skip
    corners = torch.stack([torch.zeros(2), first, total])  # every tail and tip
    low, high = corners.min().item() - 1, corners.max().item() + 1
    ax.set_xlim(low, high)
    ax.set_ylim(low, high)
    ax.set_aspect("equal")
    ax.set_xlabel("x₀")
    ax.set_ylabel("x₁")
    ax.set_title(f"{c1:g} a + {c2:g} b, tip to tail")
    ax.legend()
    fig.savefig(path)
    plt.close(fig)
