"""Exercise 4: Visualize a few correctly and incorrectly classified digits.

Demo 4 shows the first right and wrong test digits. Pick the telling ones instead: the
right answers the network was least sure of, the wrong answers it was most sure of.
Run `rlcourse check 3.8`.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401 (you will need it)
import torch


def telling_examples(
    probabilities: torch.Tensor, labels: torch.Tensor, k: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """Indices (int64) of the ``k`` right predictions the network was least sure of and of
    the ``k`` wrong predictions it was most sure of, both ordered from the most telling
    (least sure right, most sure wrong) on; fewer when there are fewer.

    ``probabilities`` (M, C) holds each image's predicted distribution; the prediction is
    its largest entry and the network's confidence is that largest probability."""
    raise NotImplementedError("max over dim 1 gives confidence and prediction; then argsort")


def plot_digits(
    images: torch.Tensor, indices: torch.Tensor, captions: list[str], path: Path
) -> None:
    """``images[indices]`` side by side, each with its caption as title, axes hidden, and a
    title over the figure, saved at ``path``."""
    raise NotImplementedError("one subplot per index: imshow, set_title(caption), savefig")
