"""Exercise 4: Visualize a few correctly and incorrectly classified digits."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import torch


def telling_examples(
    probabilities: torch.Tensor, labels: torch.Tensor, k: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """Indices (int64) of the ``k`` right predictions the network was least sure of and of
    the ``k`` wrong predictions it was most sure of, both ordered from the most telling
    (least sure right, most sure wrong) on; fewer when there are fewer.

    ``probabilities`` (M, C) holds each image's predicted distribution; the prediction is
    its largest entry and the network's confidence is that largest probability."""
    confidence, predicted = probabilities.max(dim=1)  # (M,), (M,)
    right = (predicted == labels).nonzero().flatten()
    wrong = (predicted != labels).nonzero().flatten()
    unsure_right = right[confidence[right].argsort()[:k]]
    sure_wrong = wrong[confidence[wrong].argsort(descending=True)[:k]]
    return unsure_right, sure_wrong


def plot_digits(
    images: torch.Tensor, indices: torch.Tensor, captions: list[str], path: Path
) -> None:
    """``images[indices]`` side by side, each with its caption as title, axes hidden, and a
    title over the figure, saved at ``path``."""
    fig, axes = plt.subplots(1, len(indices), figsize=(1.4 * len(indices), 2), squeeze=False)
    for ax, i, caption in zip(axes[0], indices.tolist(), captions, strict=True):
        ax.imshow(images[i], cmap="gray_r")
        ax.set_title(caption, fontsize=8)
        ax.set_axis_off()
    fig.suptitle("Telling test digits")
    fig.savefig(path)
    plt.close(fig)
