"""Demo 2: first tensors, their shape and dtype, and what a float dtype can represent."""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro


@dataclass(frozen=True)
class Config:
    counter_start: int = 2**24 - 2  # just below where float32 stops counting (Mathematics)
    counter_steps: int = 4  # how many times the counters add 1
    gap_points: int = 400  # magnitudes at which the figure measures the gap between floats
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    vector_shape: list[int]
    matrix_shape: list[int]
    cube_numel: int
    int_list_dtype: str
    float_list_dtype: str
    mixed_list_dtype: str
    float16_eps: float
    float32_eps: float
    float64_eps: float
    float32_eps_log2: int
    float64_eps_log2: int
    float32_decimal_digits: float
    float64_decimal_digits: float
    float32_keeps_tiny_step: bool
    float64_keeps_tiny_step: bool
    float32_counter: list[int]  # the float32 counter after each of counter_steps additions
    int64_counter: list[int]  # the same counter kept in int64
    float32_counter_stops_at: int  # the value that adding 1 no longer changes (-1: none)
    figure: str


# --8<-- [start:create]
def show(name: str, t: torch.Tensor) -> None:
    print(f"{name} = {t}")
    print(f"  shape {tuple(t.shape)}, ndim {t.ndim}, numel {t.numel()}, dtype {t.dtype}")


def create_tensors() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    vector = torch.tensor([0.5, 1.5, 2.5])  # from a list: shape (3,)
    matrix = torch.tensor([[1, 2, 3], [4, 5, 6]])  # from nested lists: shape (2, 3)
    cube = torch.zeros(2, 3, 4)  # from a shape alone: 2 * 3 * 4 = 24 zeros
    show("vector", vector)
    show("matrix", matrix)
    print(f"cube: shape {tuple(cube.shape)}, ndim {cube.ndim}, numel {cube.numel()}")
    return vector, matrix, cube


# --8<-- [end:create]


# --8<-- [start:infer]
def inferred_dtypes() -> tuple[torch.dtype, torch.dtype, torch.dtype]:
    """The dtype torch.tensor picks when we do not name one."""
    from_ints = torch.tensor([1, 2]).dtype  # Python ints become int64
    from_floats = torch.tensor([1.0, 2.0]).dtype  # Python floats become the default, float32
    from_mixed = torch.tensor([1, 2.5]).dtype  # one float is enough for a float tensor
    print(f"torch.tensor([1, 2]).dtype     = {from_ints}")
    print(f"torch.tensor([1.0, 2.0]).dtype = {from_floats}")
    print(f"torch.tensor([1, 2.5]).dtype   = {from_mixed}")
    print(f"converted: {torch.tensor([1, 2]).to(torch.float64)}")
    return from_ints, from_floats, from_mixed


# --8<-- [end:infer]


FLOAT_DTYPES: dict[str, torch.dtype] = {
    "float16": torch.float16,
    "float32": torch.float32,
    "float64": torch.float64,
}


# --8<-- [start:precision]
def machine_epsilon(dtype: torch.dtype) -> float:
    """The gap between 1.0 and the next larger number of ``dtype``: 2^(1 - p)."""
    return torch.finfo(dtype).eps


def keeps_tiny_step(dtype: torch.dtype, step: float = 1e-8) -> bool:
    """Whether 1 + step differs from 1 once both are stored in ``dtype``."""
    one = torch.tensor(1.0, dtype=dtype)
    return bool(one + step != one)


def count_up(start: int, steps: int, dtype: torch.dtype) -> list[int]:
    """A step counter kept in a tensor of ``dtype``: add 1, ``steps`` times."""
    counter = torch.tensor(start, dtype=dtype)
    values: list[int] = []
    for _ in range(steps):
        counter = counter + 1  # rounded to the nearest number that dtype can hold
        values.append(int(counter.item()))
    return values


# --8<-- [end:precision]


def first_repeat(values: list[int]) -> int:
    """The first value of a counter that adding 1 did not change (-1 if it never stuck)."""
    return next((a for a, b in pairwise(values) if a == b), -1)


def compare_precisions() -> dict[str, float]:
    eps = {name: machine_epsilon(dtype) for name, dtype in FLOAT_DTYPES.items()}
    for name, value in eps.items():
        # -log10(eps): roughly how many significant decimal digits the dtype keeps.
        digits = -math.log10(value)
        power = int(math.log2(value))
        print(f"{name} eps = {value!r} = 2^{power}, about {digits:.1f} decimal digits")
    for name in ("float32", "float64"):
        print(f"1 + 1e-8 != 1 in {name}: {keeps_tiny_step(FLOAT_DTYPES[name])}")
    return eps


def gap_above(x: torch.Tensor) -> torch.Tensor:
    """Distance from each x to the next larger number of x's dtype, elementwise."""
    return torch.nextafter(x, torch.full_like(x, math.inf)) - x


def plot_gaps(points: int, stops_at: int, path: Path) -> None:
    magnitudes = torch.logspace(-3, 9, points, dtype=torch.float64)  # shape (points,)
    fig, ax = plt.subplots(figsize=(7, 4), dpi=110)
    for name in ("float32", "float64"):
        x = magnitudes.to(FLOAT_DTYPES[name])
        ax.step(x.double(), gap_above(x).double(), where="post", label=f"{name} gap")
    ax.axhline(1.0, color="gray", linestyle=":", label="gap of 1")
    ax.axvline(
        stops_at, color="black", linestyle="--", label=f"float32 counter stops at {stops_at}"
    )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("magnitude of the number x")
    ax.set_ylabel("gap to the next representable number")
    ax.set_title("The gap between neighbouring floats grows with their size")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    vector, matrix, cube = create_tensors()
    from_ints, from_floats, from_mixed = inferred_dtypes()
    eps = compare_precisions()
    float32_counter = count_up(cfg.counter_start, cfg.counter_steps, torch.float32)
    int64_counter = count_up(cfg.counter_start, cfg.counter_steps, torch.int64)
    print(f"float32 counter from {cfg.counter_start}: {float32_counter}")
    print(f"int64   counter from {cfg.counter_start}: {int64_counter}")
    stops_at = first_repeat(float32_counter)
    figure = cfg.out_dir / "float_gaps.png"
    plot_gaps(cfg.gap_points, stops_at, figure)
    return Result(
        vector_shape=list(vector.shape),
        matrix_shape=list(matrix.shape),
        cube_numel=cube.numel(),
        int_list_dtype=str(from_ints),
        float_list_dtype=str(from_floats),
        mixed_list_dtype=str(from_mixed),
        float16_eps=eps["float16"],
        float32_eps=eps["float32"],
        float64_eps=eps["float64"],
        float32_eps_log2=int(math.log2(eps["float32"])),
        float64_eps_log2=int(math.log2(eps["float64"])),
        float32_decimal_digits=-math.log10(eps["float32"]),
        float64_decimal_digits=-math.log10(eps["float64"]),
        float32_keeps_tiny_step=keeps_tiny_step(torch.float32),
        float64_keeps_tiny_step=keeps_tiny_step(torch.float64),
        float32_counter=float32_counter,
        int64_counter=int64_counter,
        float32_counter_stops_at=stops_at,
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
