"""Demo 1 of Part 3.8: load the digits (MNIST, or the 8x8 digits offline), print what the
tensors hold, and draw one image of each digit."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro

from digit_data import CLASSES, DEFAULT_ROOT, DigitData, load_digit_data


@dataclass(frozen=True)
class Config:
    data_dir: Path = DEFAULT_ROOT  # MNIST is saved in data_dir/MNIST/raw/ (about 55 MB)
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    dataset: str  # "MNIST" or "8x8 digits"
    image_shape: list[int]  # [H, W]
    train_images: int
    test_images: int
    pixel_min: float
    pixel_max: float
    train_counts: list[int]  # training images of each digit 0..9


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    data = load_digit_data(cfg.data_dir)
    images, labels = data.train_images, data.train_labels
    counts = torch.bincount(labels, minlength=CLASSES)  # how many of each digit 0..9
    print(f"data set: {data.name}")
    print(f"train images {tuple(images.shape)} {images.dtype}")
    print(f"train labels {tuple(labels.shape)} {labels.dtype}")
    print(f"test images  {tuple(data.test_images.shape)}")
    print(f"pixels from {images.min().item():.1f} to {images.max().item():.1f}")
    print(f"training images per digit: {counts.tolist()}")
    # --8<-- [end:main]
    plot_one_of_each(data, cfg.out_dir / "samples.png")
    return Result(
        dataset=data.name,
        image_shape=list(images.shape[1:]),
        train_images=len(images),
        test_images=len(data.test_images),
        pixel_min=images.min().item(),
        pixel_max=images.max().item(),
        train_counts=counts.tolist(),
    )


def plot_one_of_each(data: DigitData, path: Path) -> None:
    fig, axes = plt.subplots(2, 5, figsize=(7.5, 3.6))
    for digit, ax in enumerate(axes.flat):
        first = int((data.train_labels == digit).nonzero()[0].item())  # its first training image
        ax.imshow(data.train_images[first].numpy(), cmap="gray_r", vmin=0, vmax=1)
        ax.set_title(f"label {digit}")
        ax.set_axis_off()
    height, width = data.train_images.shape[1:]
    fig.suptitle(f"The first training image of each digit ({data.name}, {height}x{width} pixels)")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
