"""Exercise 3: Visualize the effect of transposing a matrix on its shape and data.

Fill in ``plot_transpose``, then run `rlcourse check 1.6`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401 (you will need it)
import torch


def plot_transpose(m: torch.Tensor, path: Path) -> torch.Tensor:
    """Draw m and its transpose side by side, save the figure at ``path``, return m.T.

    - Two panels (plt.subplots(1, 2)), each drawn with ax.imshow: m on the left, its
      transpose on the right.
    - Each panel's title shows the shape as a tuple, e.g. "m, shape (2, 5)".
    - Label the axes "column" (x) and "row" (y) on both panels.
    """
    raise NotImplementedError("draw m and m.T")
