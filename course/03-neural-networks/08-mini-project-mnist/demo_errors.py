"""Demos 3 and 4 of Part 3.8: where the network of seed 0 goes wrong on the test split,
as a confusion matrix and as a grid of digits it got right and wrong."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro

from digit_data import CLASSES, DEFAULT_ROOT, accuracy, load_digit_data, predict, train_shallow


@dataclass(frozen=True)
class Config:
    hidden: int = 800  # the network of Demo 2, seed 0
    epochs: int = 20
    batch_size: int = 64
    lr: float = 1e-3
    seed: int = 0
    examples: int = 8  # digits shown per row of the grid
    data_dir: Path = DEFAULT_ROOT
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    dataset: str
    test_accuracy: float  # the same network as Demo 2's seed 0
    confusion: list[list[int]]  # [true digit][predicted digit] -> test images
    test_counts: list[int]  # test images of each digit 0..9 (the row sums)
    wrong: int  # misclassified test images
    most_confused: list[int]  # [true digit, predicted digit, count] of the largest error cell
    worst_digit: int  # the digit with the lowest share of its images right
    worst_digit_accuracy: float
    wrong_shown: int  # misclassified images in the grid (at most Config.examples)


# --8<-- [start:confusion]
def confusion_matrix(labels: torch.Tensor, predicted: torch.Tensor) -> torch.Tensor:
    """(10, 10) counts: entry [i, j] is the number of images of digit i predicted as j."""
    cells = labels * CLASSES + predicted  # one number per (true, predicted) pair, 0..99
    return torch.bincount(cells, minlength=CLASSES * CLASSES).reshape(CLASSES, CLASSES)


# --8<-- [end:confusion]


def main(cfg: Config) -> Result:
    torch.set_num_threads(1)  # small batches: a second thread adds overhead, not speed
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    data = load_digit_data(cfg.data_dir)
    model, _ = train_shallow(data, cfg.hidden, cfg.epochs, cfg.batch_size, cfg.lr, cfg.seed)
    predicted, probabilities = predict(model, data.test_images)
    matrix = confusion_matrix(data.test_labels, predicted)
    errors = matrix - torch.diag(torch.diag(matrix))  # the diagonal holds the right answers
    cell = int(errors.argmax().item())
    true_digit, predicted_digit = divmod(cell, CLASSES)
    per_digit = torch.diag(matrix) / matrix.sum(dim=1)  # share right of each true digit
    worst = int(per_digit.argmin().item())
    print(
        f"{data.name}, seed {cfg.seed}: test accuracy {accuracy(predicted, data.test_labels):.4f}"
    )
    print("confusion matrix (rows: true digit, columns: predicted digit)")
    print(matrix)
    print(f"{int(errors.sum())} test images wrong; the largest count off the diagonal is "
          f"{int(errors.max())} ({true_digit} read as {predicted_digit})")  # fmt: skip
    print(f"hardest digit: {worst}, {per_digit[worst]:.3f} of its images right")
    plot_confusion(matrix, data.name, cfg.out_dir / "confusion.png")
    shown = plot_examples(
        data.test_images, data.test_labels, predicted, probabilities, cfg.examples, data.name,
        cfg.out_dir / "examples.png",
    )  # fmt: skip
    return Result(
        dataset=data.name,
        test_accuracy=accuracy(predicted, data.test_labels),
        confusion=matrix.tolist(),
        test_counts=matrix.sum(dim=1).tolist(),
        wrong=int(errors.sum()),
        most_confused=[true_digit, predicted_digit, int(errors.max())],
        worst_digit=worst,
        worst_digit_accuracy=per_digit[worst].item(),
        wrong_shown=shown,
    )


def plot_confusion(matrix: torch.Tensor, dataset: str, path: Path) -> None:
    fig, ax = plt.subplots(figsize=(6.2, 5.4))
    shown = ax.imshow(matrix.numpy(), cmap="Blues")
    for i in range(CLASSES):
        for j in range(CLASSES):
            count = int(matrix[i, j])
            if count:  # write each non-zero count in its cell, light on dark
                colour = "white" if count > matrix.max() / 2 else "black"
                ax.text(j, i, str(count), ha="center", va="center", fontsize=8, color=colour)
    ax.set(xticks=range(CLASSES), yticks=range(CLASSES))
    ax.set(xlabel="predicted digit", ylabel="true digit")
    ax.set_title(f"Confusion matrix on the {dataset} test split")
    fig.colorbar(shown, ax=ax, label="test images")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


# --8<-- [start:examples]
def plot_examples(
    images: torch.Tensor,  # (M, H, W)
    labels: torch.Tensor,  # (M,)
    predicted: torch.Tensor,  # (M,)
    probabilities: torch.Tensor,  # (M, 10)
    k: int,
    dataset: str,
    path: Path,
) -> int:
    """The first ``k`` right and the first ``k`` wrong test images, one row each, titled
    with the prediction and its probability; the number of wrong images drawn."""
    right = (predicted == labels).nonzero().flatten()[:k]
    wrong = (predicted != labels).nonzero().flatten()[:k]
    fig, axes = plt.subplots(2, k, figsize=(1.3 * k, 3.9), squeeze=False)
    for row, (indices, verdict) in enumerate([(right, "right"), (wrong, "wrong")]):
        for ax in axes[row]:
            ax.set_axis_off()
        for ax, i in zip(axes[row], indices.tolist(), strict=False):
            ax.imshow(images[i].numpy(), cmap="gray_r", vmin=0, vmax=1)
            colour = "tab:green" if verdict == "right" else "tab:red"
            ax.set_title(f"true {labels[i]}\nsaid {predicted[i]} ({probabilities[i].max():.2f})",
                         fontsize=8, color=colour)  # fmt: skip
    fig.suptitle(f"Test digits the network got right (top) and wrong (bottom), {dataset}")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return len(wrong)


# --8<-- [end:examples]


if __name__ == "__main__":
    main(tyro.cli(Config))
