"""Exercise 4: Visualize vector addition and scalar multiplication in 2D with Matplotlib.

Draw the linear combination c1 a + c2 b of two vectors of the plane, tip to tail.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401  (you will need it)
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
    raise NotImplementedError("three ax.quiver calls, then labels, legend, title, savefig")
