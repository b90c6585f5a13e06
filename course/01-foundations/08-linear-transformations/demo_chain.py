"""Demo 4: chain transformations; one matrix for the chain, and why the order matters."""

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
    rotate_then_scale: list[list[float]]  # S R
    scale_then_rotate: list[list[float]]  # R S
    orders_agree: bool
    one_matrix_matches_steps: bool  # (C B A) p == C (B (A p)) for a three-step chain
    uniform_scaling_commutes: bool
    figure: str


# --8<-- [start:chain]
def chain(*matrices: torch.Tensor) -> torch.Tensor:
    """One matrix that applies ``matrices`` in the order given: first A, then B, ...

    B (A p) = (B A) p, so each later map multiplies from the left.
    """
    total = torch.eye(2)
    for matrix in matrices:
        total = matrix @ total
    return total


def compare_orders(r: torch.Tensor, s: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    rotate_then_scale, scale_then_rotate = chain(r, s), chain(s, r)  # S R and R S
    print(f"rotate, then scale: S R =\n{rotate_then_scale}")
    print(f"scale, then rotate: R S =\n{scale_then_rotate}")
    print(f"the same map: {torch.allclose(rotate_then_scale, scale_then_rotate)}")
    return rotate_then_scale, scale_then_rotate


# --8<-- [end:chain]


def plot(r: torch.Tensor, s: torch.Tensor, path: Path) -> None:
    fig, axes = plt.subplots(1, 2, figsize=(9, 4.2), dpi=100)
    for ax, (first, second, title) in zip(
        axes, [(r, s, "rotate, then scale: S R"), (s, r, "scale, then rotate: R S")], strict=True
    ):
        draw_outline(ax, SQUARE, "gray", "--", "unit square")
        draw_outline(ax, apply(first, SQUARE), "tab:orange", ":", "after the first map")
        draw_outline(ax, apply(chain(first, second), SQUARE), "tab:blue", "-", "after both")
        ax.set_title(title)
        plane_axes(ax, (-1.2, 2.4), (-0.3, 2.0))
    labels = ["unit square", "after the first map", "after both"]
    title = "Rotate by 30 degrees and stretch x by 2: the order changes the result"
    save_with_legend(fig, axes[0], labels, title, path)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    r, s = rotation(math.radians(cfg.degrees)), scaling(2.0, 1.0)
    rotate_then_scale, scale_then_rotate = compare_orders(r, s)
    shear = torch.tensor([[1.0, 1.0], [0.0, 1.0]])
    one_matrix = apply(chain(s, r, shear), SQUARE)
    step_by_step = apply(shear, apply(r, apply(s, SQUARE)))
    matches = torch.allclose(one_matrix, step_by_step, atol=1e-6)
    print(f"three maps as one matrix, the same as one at a time: {matches}")
    uniform = scaling(3.0, 3.0)
    commutes = torch.allclose(chain(r, uniform), chain(uniform, r))
    print(f"a uniform scaling and a rotation commute: {commutes}")
    figure = cfg.out_dir / "order.png"
    plot(r, s, figure)
    return Result(
        rotate_then_scale=rotate_then_scale.tolist(),
        scale_then_rotate=scale_then_rotate.tolist(),
        orders_agree=torch.allclose(rotate_then_scale, scale_then_rotate),
        one_matrix_matches_steps=matches,
        uniform_scaling_commutes=commutes,
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
