"""Demo 4: vector addition (tip to tail) and scalar multiples, drawn as arrows in the plane."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro
from matplotlib.axes import Axes

from demo_addition import A, B


@dataclass(frozen=True)
class Config:
    scalars: tuple[float, ...] = (2.0, 0.5, -1.0)  # the multiples of a in the right panel
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    arrows: dict[str, list[float]]  # tail x, tail y, dx, dy of each arrow, by its label
    figure: str


# --8<-- [start:arrow]
def arrow(ax: Axes, tail: torch.Tensor, vector: torch.Tensor, label: str, color: str) -> None:
    """Draw ``vector`` as an arrow from the point ``tail``, at its true length."""
    ax.quiver(
        tail[0], tail[1], vector[0], vector[1],
        angles="xy", scale_units="xy", scale=1,  # data units, not matplotlib's autoscale
        color=color, label=label,
    )  # fmt: skip


def draw(a: torch.Tensor, b: torch.Tensor, scalars: tuple[float, ...], path: Path) -> None:
    origin = torch.zeros(2)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.6), dpi=110)
    arrow(left, origin, a, "a", "tab:blue")
    arrow(left, a, b, "b, drawn from the tip of a", "tab:orange")
    arrow(left, origin, a + b, "a + b", "tab:green")
    colors = ["tab:red", "tab:purple", "tab:brown"]
    for c, color in zip(scalars, colors, strict=False):
        arrow(right, origin, c * a, f"{c:g} a", color)
    arrow(right, origin, a, "a", "tab:blue")  # last, so it is drawn on top of 2a
    left.set_title("Addition: a + b is b placed at the tip of a")
    right.set_title("Scalar multiples of a stay on one line")
    # --8<-- [end:arrow]
    for ax in (left, right):
        ax.set_xlim(-2.5, 4.5)
        ax.set_ylim(-2.5, 4.5)
        ax.set_aspect("equal")  # one unit is as long on both axes, so angles are true
        ax.grid(True, alpha=0.3)
        ax.axhline(0, color="black", linewidth=0.6)
        ax.axvline(0, color="black", linewidth=0.6)
        ax.set_xlabel("first entry x₀")
        ax.set_ylabel("second entry x₁")
        ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    a, b = torch.tensor(A), torch.tensor(B)
    figure = cfg.out_dir / "vector_arrows.png"
    draw(a, b, cfg.scalars, figure)
    arrows = {"a + b": [0.0, 0.0, *(a + b).tolist()], "b": [*a.tolist(), *b.tolist()]}
    arrows.update({f"{c:g} a": [0.0, 0.0, *(c * a).tolist()] for c in cfg.scalars})
    for label, (x, y, dx, dy) in arrows.items():
        print(f"{label:6} from ({x:g}, {y:g}) to ({x + dx:g}, {y + dy:g})")
    return Result(arrows=arrows, figure=figure.name)


if __name__ == "__main__":
    main(tyro.cli(Config))
