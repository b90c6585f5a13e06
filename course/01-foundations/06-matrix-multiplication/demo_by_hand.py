"""Demo 2: matrix multiplication by hand, with loops, compared with PyTorch's `@`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro

from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    shape: tuple[int, int, int] = (20, 40, 10)  # (m, n, p): a random (m, n) @ (n, p) product
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    example_equal: bool  # by hand == A @ B exactly, for the running example
    random_equal: bool  # the same, exactly, for random float32 matrices
    random_allclose: bool
    entries_that_differ: int  # entries of the random product not bit-for-bit equal
    max_difference: float  # largest |by hand - @| over the random product
    by_hand_error: float  # largest |by hand - exact| (float64 reference)
    torch_error: float  # largest |@ - exact|


# --8<-- [start:by_hand]
def matmul_by_hand(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """C[i, j] = sum over k of A[i, k] * B[k, j]: row i of A dot column j of B."""
    m, n = a.shape
    n_b, p = b.shape
    if n != n_b:
        raise ValueError(f"inner sizes differ: A is {m}x{n}, B is {n_b}x{p}")
    c = torch.zeros(m, p, dtype=a.dtype)
    for i in range(m):
        for j in range(p):
            total = torch.zeros((), dtype=a.dtype)
            for k in range(n):  # n multiplications and additions per entry
                total = total + a[i, k] * b[k, j]
            c[i, j] = total
    return c


def compare(by_hand: torch.Tensor, with_torch: torch.Tensor) -> tuple[bool, bool]:
    # atol: an entry near 0 can be a sum of larger products that cancel, and keeps
    # their rounding error; the default atol of 1e-8 is tighter than float32 can be.
    close = torch.allclose(by_hand, with_torch, atol=1e-5)
    return torch.equal(by_hand, with_torch), close


# --8<-- [end:by_hand]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    seed_everything(cfg.seed)
    a = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    b = torch.tensor([[7.0, 8.0], [9.0, 10.0], [11.0, 12.0]])
    print(f"by hand, A @ B =\n{matmul_by_hand(a, b)}")
    example_equal, _ = compare(matmul_by_hand(a, b), a @ b)
    print(f"equal to A @ B, bit for bit: {example_equal}")

    m, n, p = cfg.shape
    x, y = torch.randn(m, n), torch.randn(n, p)
    by_hand = matmul_by_hand(x, y)
    equal, close = compare(by_hand, x @ y)
    difference = (by_hand - x @ y).abs()
    differ = int((difference > 0).sum())
    print(f"random ({m}, {n}) @ ({n}, {p}) in float32:")
    print(f"  equal: {equal}, allclose: {close}, {differ} of {m * p} entries differ")
    print(f"  largest difference: {difference.max().item():.3g}")
    exact = x.double() @ y.double()  # float64: about 9 more digits than float32
    by_hand_error = (by_hand.double() - exact).abs().max().item()
    torch_error = ((x @ y).double() - exact).abs().max().item()
    print(f"  largest error against float64: by hand {by_hand_error:.3g}, @ {torch_error:.3g}")
    return Result(
        example_equal=example_equal,
        random_equal=equal,
        random_allclose=close,
        entries_that_differ=differ,
        max_difference=difference.max().item(),
        by_hand_error=by_hand_error,
        torch_error=torch_error,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
