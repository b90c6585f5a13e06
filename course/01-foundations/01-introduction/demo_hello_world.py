"""Demo 4: the "hello world" of tensors, elementwise addition, with a loop to compare."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro
from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

from rlcourse.seeding import seed_everything

Cell = tuple[int, int]  # an index (row, column) of a 2-D tensor


@dataclass(frozen=True)
class Config:
    timing_shape: tuple[int, int] = (100, 1000)  # tensors the loop and `+` are timed on
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    total: list[list[float]]
    loop_matches: bool
    operator_matches_torch_add: bool
    mismatch_error: str
    timing_shape: list[int]
    loop_seconds: float
    vectorized_seconds: float
    figure: str


# --8<-- [start:add]
def add_with_torch(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    return a + b  # one call to torch.add, whose compiled code loops over every element


def add_with_loop(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """(a + b)[i, j] = a[i, j] + b[i, j], one Python step per element of a 2-D tensor."""
    total = torch.empty_like(a)
    rows, columns = a.shape
    for i in range(rows):
        for j in range(columns):
            total[i, j] = a[i, j] + b[i, j]
    return total


# --8<-- [end:add]


# --8<-- [start:mismatch]
def mismatched_addition() -> str:
    """Add tensors of shapes (3,) and (2,): element 2 of the first has no partner."""
    a = torch.tensor([1.0, 2.0, 3.0])
    b = torch.tensor([10.0, 20.0])
    try:
        total = a + b
    except RuntimeError as error:
        print(f"RuntimeError: {error}")
        return str(error)
    return f"no error, result of shape {tuple(total.shape)}"


# --8<-- [end:mismatch]


def fastest_seconds(add: Callable[[], torch.Tensor], repeats: int) -> float:
    """The fastest of ``repeats`` timed calls: slower ones include unrelated interruptions."""
    times: list[float] = []
    for _ in range(repeats):
        start = time.perf_counter()
        add()
        times.append(time.perf_counter() - start)
    return min(times)


def time_both(shape: tuple[int, int]) -> tuple[float, float]:
    """Seconds for add_with_loop and for `a + b`, on random tensors of ``shape``."""
    a = torch.rand(shape)
    b = torch.rand(shape)
    agree = torch.equal(add_with_loop(a, b), a + b)
    print(f"loop and a + b agree on {a.numel()} elements: {agree}")
    # One core for both: the comparison is about the interpreter, not about parallel
    # threads, and a single thread is not stalled by programs busy on other cores.
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        loop_seconds = fastest_seconds(lambda: add_with_loop(a, b), repeats=1)
        vectorized_seconds = fastest_seconds(lambda: a + b, repeats=100)
    finally:
        torch.set_num_threads(threads)
    return loop_seconds, vectorized_seconds


def draw_grid(ax: Axes, values: torch.Tensor, left: float, title: str, mark: Cell) -> None:
    """Draw a 2-D tensor as labelled cells starting at x = ``left``; highlight cell ``mark``."""
    rows, columns = values.shape
    for i in range(rows):
        for j in range(columns):
            color = "#ffd27f" if (i, j) == mark else "white"
            bottom = rows - 1 - i  # row 0 on top, as the tensor prints
            ax.add_patch(Rectangle((left + j, bottom), 1, 1, facecolor=color, edgecolor="black"))
            label = f"{values[i, j].item():g}"
            ax.text(left + j + 0.5, bottom + 0.5, label, ha="center", va="center")
    ax.text(left + columns / 2, rows + 0.2, title, ha="center", va="bottom")


def plot_addition(a: torch.Tensor, b: torch.Tensor, total: torch.Tensor, path: Path) -> None:
    mark = (1, 2)  # the same index in all three tensors
    i, j = mark
    rows, columns = a.shape
    stride = columns + 1.5  # width of one grid plus the gap that holds "+" or "="
    fig, ax = plt.subplots(figsize=(7, 2.4), dpi=110)
    for k, (values, title) in enumerate([(a, "a"), (b, "b"), (total, "a + b")]):
        draw_grid(ax, values, left=k * stride, title=title, mark=mark)
    for k, symbol in enumerate(["+", "="], start=1):
        ax.text(k * stride - 0.75, rows / 2, symbol, ha="center", va="center", fontsize=16)
    ax.set_xlim(-0.2, 3 * stride - 1.3)
    ax.set_ylim(-0.2, rows + 0.9)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(f"(a + b)[{i}, {j}] = a[{i}, {j}] + b[{i}, {j}], and so for every index")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    seed_everything(cfg.seed)
    a = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    b = torch.tensor([[10.0, 20.0, 30.0], [40.0, 50.0, 60.0]])
    total = add_with_torch(a, b)
    print(f"a + b =\n{total}")
    loop_matches = torch.equal(add_with_loop(a, b), total)
    operator_matches = torch.equal(torch.add(a, b), total)
    print(f"loop gives the same tensor: {loop_matches}")
    print(f"torch.add(a, b) gives the same tensor: {operator_matches}")
    print(f"a + 100 =\n{a + 100}")  # a number meets every element: broadcasting, lesson 1.5

    message = mismatched_addition()
    loop_seconds, vectorized_seconds = time_both(cfg.timing_shape)
    print(f"Python loop: {loop_seconds:.3f} s; a + b: {vectorized_seconds * 1e6:.1f} µs")
    print(f"the loop took {loop_seconds / vectorized_seconds:,.0f} times as long")

    figure = cfg.out_dir / "elementwise_addition.png"
    plot_addition(a, b, total, figure)
    return Result(
        total=total.tolist(),
        loop_matches=loop_matches,
        operator_matches_torch_add=operator_matches,
        mismatch_error=message,
        timing_shape=list(cfg.timing_shape),
        loop_seconds=loop_seconds,
        vectorized_seconds=vectorized_seconds,
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
