"""Exercise 3: Visualize the effect of transposing a matrix on its shape and data.

Fill in ``plot_transpose``, then run `rlcourse check 1.6`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import torch


def plot_transpose(m: torch.Tensor, path: Path) -> torch.Tensor:
    """Draw m and its transpose side by side, save the figure at ``path``, return m.T.

    - Two panels (plt.subplots(1, 2)), each drawn with ax.imshow: m on the left, its
      transpose on the right.
    - Each panel's title shows the shape as a tuple, e.g. "m, shape (2, 5)".
    - Label the axes "column" (x) and "row" (y) on both panels.
    """
    mt = m.T  # (rows, columns) -> (columns, rows): mt[j, i] is m[i, j]
    fig, axes = plt.subplots(1, 2, figsize=(8, 4))
    for ax, matrix, name in [(axes[0], m, "m"), (axes[1], mt, "m.T")]:
        ax.imshow(matrix.numpy(), cmap="viridis")
        ax.set_title(f"{name}, shape {tuple(matrix.shape)}")
        ax.set_xlabel("column")
        ax.set_ylabel("row")
    fig.suptitle("A transpose swaps rows and columns")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return mt
