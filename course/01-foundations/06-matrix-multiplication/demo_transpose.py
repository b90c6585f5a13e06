"""Demo 3: what transposing does to a matrix's shape and data, drawn next to a reshape."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro
from matplotlib.axes import Axes
from matplotlib.patches import Rectangle


@dataclass(frozen=True)
class Config:
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    transpose_shape: list[int]
    transpose_shares_memory: bool  # A.T is a view: the same numbers, read in another order
    transpose_contiguous: bool
    reshape_equals_transpose: bool  # same shape (3, 2), but is it the same matrix?
    product_rule_holds: bool  # (AB)^T == B^T A^T
    figure: str


# --8<-- [start:transpose]
def transpose_facts(a: torch.Tensor, b: torch.Tensor) -> dict[str, bool]:
    at = a.T  # (2, 3) -> (3, 2): at[j, i] is a[i, j]
    print(f"A.T =\n{at}\nshape {tuple(at.shape)}, strides {a.stride()} -> {at.stride()}")
    shares = at.data_ptr() == a.data_ptr()  # no copy: only the strides were swapped
    print(f"A.T shares A's memory: {shares}; contiguous: {at.is_contiguous()}")
    reshaped = a.reshape(3, 2)  # the same 6 numbers in reading order, cut into rows of 2
    print(f"A.reshape(3, 2) =\n{reshaped}\nequal to A.T: {torch.equal(reshaped, at)}")
    rule = torch.equal((a @ b).T, b.T @ a.T)  # the transpose of a product reverses it
    print(f"(A @ B).T == B.T @ A.T: {rule}")
    return {
        "shares": shares,
        "contiguous": at.is_contiguous(),
        "reshape_equals": torch.equal(reshaped, at),
        "rule": rule,
    }


# --8<-- [end:transpose]


def draw_matrix(ax: Axes, m: torch.Tensor, title: str, mark: tuple[int, int]) -> None:
    """m as coloured cells with its numbers; the cell ``mark`` (row, column) outlined."""
    ax.imshow(m.numpy(), cmap="Blues", vmin=0, vmax=float(m.max()) * 1.6)
    rows, columns = m.shape
    for i in range(rows):
        for j in range(columns):
            ax.text(j, i, f"{m[i, j].item():g}", ha="center", va="center", fontsize=13)
    i, j = mark
    ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, edgecolor="red", lw=2.5))
    ax.set_xticks(range(columns))
    ax.set_yticks(range(rows))
    ax.set_xlabel("column")
    ax.set_ylabel("row")
    ax.set_title(f"{title}, shape {tuple(m.shape)}")


def plot_transpose(a: torch.Tensor, path: Path) -> None:
    fig, axes = plt.subplots(1, 3, figsize=(9, 3.4), dpi=110)
    # The entry 3 sits at (0, 2) in A, at (2, 0) in A.T, and elsewhere after a reshape.
    draw_matrix(axes[0], a, "A", (0, 2))
    draw_matrix(axes[1], a.T, "A.T", (2, 0))
    draw_matrix(axes[2], a.reshape(3, 2), "A.reshape(3, 2)", (1, 0))
    fig.suptitle("Transposing turns rows into columns; reshaping only regroups the numbers")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    a = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    b = torch.tensor([[7.0, 8.0], [9.0, 10.0], [11.0, 12.0]])
    facts = transpose_facts(a, b)
    figure = cfg.out_dir / "transpose.png"
    plot_transpose(a, figure)
    return Result(
        transpose_shape=list(a.T.shape),
        transpose_shares_memory=facts["shares"],
        transpose_contiguous=facts["contiguous"],
        reshape_equals_transpose=facts["reshape_equals"],
        product_rule_holds=facts["rule"],
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
