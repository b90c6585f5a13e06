"""Demo 3: what rotation, scaling and a shear do to the unit square, drawn before and after."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro

from transforms import SQUARE, apply, draw_outline, plane_axes, rotation, save_with_legend, scaling


@dataclass(frozen=True)
class Config:
    degrees: float = 30.0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    corners: dict[str, list[list[float]]]  # the square's corners after each map
    areas: dict[str, float]  # the area of each image of the unit square (shoelace formula)
    determinants: dict[str, float]
    figure: str


# --8<-- [start:area]
def polygon_area(corners: torch.Tensor) -> float:
    """Area of a polygon with corners (n, 2) in order (the shoelace formula)."""
    x, y = corners[:, 0], corners[:, 1]
    following_x, following_y = x.roll(-1), y.roll(-1)  # the next corner, wrapping around
    return 0.5 * abs((x * following_y - following_x * y).sum().item())


def transform_square(maps: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    images = {}
    for name, matrix in maps.items():
        images[name] = apply(matrix, SQUARE)  # (4, 2) @ (2, 2) -> (4, 2)
        area, det = polygon_area(images[name]), torch.linalg.det(matrix).item()
        corners = " ".join(f"({x:.3f}, {y:.3f})" for x, y in images[name].tolist())
        print(f"{name:>8}: {corners}; area {area:.4f}, det {det:.4f}")
    return images


# --8<-- [end:area]


def plot(images: dict[str, torch.Tensor], maps: dict[str, torch.Tensor], path: Path) -> None:
    fig, axes = plt.subplots(1, len(images), figsize=(4 * len(images), 4.2), dpi=100)
    for ax, (name, corners) in zip(axes, images.items(), strict=True):
        draw_outline(ax, SQUARE, "gray", "--", "unit square")
        draw_outline(ax, corners, "tab:blue", "-", f"after {name}")
        ax.plot(*corners[1].tolist(), "o", color="tab:red", label="image of corner (1, 0)")
        m = maps[name].tolist()
        ax.set_title(f"{name}: [[{m[0][0]:.2f}, {m[0][1]:.2f}], [{m[1][0]:.2f}, {m[1][1]:.2f}]]")
        plane_axes(ax, (-1.0, 2.2), (-0.6, 2.0))
    labels = ["unit square", "after the map", "image of corner (1, 0)"]
    save_with_legend(fig, axes[0], labels, "The unit square under three linear maps", path)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    maps = {
        "rotation": rotation(math.radians(cfg.degrees)),
        "scaling": scaling(2.0, 0.75),
        "shear": torch.tensor([[1.0, 1.0], [0.0, 1.0]]),  # slides each point right by its y
    }
    images = transform_square(maps)
    figure = cfg.out_dir / "square.png"
    plot(images, maps, figure)
    return Result(
        corners={name: corners.tolist() for name, corners in images.items()},
        areas={name: polygon_area(corners) for name, corners in images.items()},
        determinants={name: torch.linalg.det(m).item() for name, m in maps.items()},
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
