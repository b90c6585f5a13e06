"""Demo 3: the dot product by hand, with four PyTorch spellings, and what rounding does to it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro

from demo_addition import A, B
from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    long_length: int = 4000  # length of the random float32 vectors of the rounding test
    trials: int = 5  # pairs of random vectors, each multiplied in three ways
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    dot: float  # a . b for the running example
    spellings_agree: bool  # by hand, (a * b).sum(), torch.dot and a @ b, exactly
    elementwise_shape: list[int]  # the shape of a * b, which is not the dot product
    loop_errors: list[float]  # |float32 loop - float64 reference|, one per trial
    dot_errors: list[float]  # |torch.dot in float32 - float64 reference|
    sum_errors: list[float]  # |(a * b).sum() in float32 - float64 reference|
    trials_equal: int  # trials in which torch.equal(loop, torch.dot) held
    trials_allclose: int  # trials in which torch.allclose(loop, torch.dot) held


# --8<-- [start:dot]
def dot_by_hand(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """a . b = a_0 b_0 + a_1 b_1 + ... + a_{n-1} b_{n-1}, added in index order."""
    total = torch.zeros((), dtype=a.dtype)
    for i in range(a.shape[0]):
        total = total + a[i] * b[i]
    return total


def spellings(a: torch.Tensor, b: torch.Tensor) -> dict[str, torch.Tensor]:
    return {
        "dot_by_hand(a, b)": dot_by_hand(a, b),
        "(a * b).sum()": (a * b).sum(),  # products entry by entry, then their sum
        "torch.dot(a, b)": torch.dot(a, b),
        "a @ b": a @ b,  # the matrix-product operator; for two vectors, the dot product
    }


# --8<-- [end:dot]


# --8<-- [start:rounding]
def rounding_trial(n: int) -> tuple[float, float, float, bool, bool]:
    """One float32 dot product added in three orders, each against a float64 reference."""
    a, b = torch.randn(n), torch.randn(n)
    reference = torch.dot(a.double(), b.double())  # 53-bit digits: its own error is negligible
    answers = [dot_by_hand(a, b), torch.dot(a, b), (a * b).sum()]
    loop_error, dot_error, sum_error = (abs(x.double() - reference).item() for x in answers)
    equal = torch.equal(answers[0], answers[1])
    close = torch.allclose(answers[0], answers[1])
    print(f"{loop_error:10.2e} {dot_error:10.2e} {sum_error:10.2e}  {equal!s:6} {close}")
    return loop_error, dot_error, sum_error, equal, close


# --8<-- [end:rounding]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    seed_everything(cfg.seed)
    a, b = torch.tensor(A), torch.tensor(B)
    values = spellings(a, b)
    for expression, value in values.items():
        print(f"{expression:18} = {value.item()}")
    agree = all(torch.equal(v, values["torch.dot(a, b)"]) for v in values.values())
    print(f"a * b = {(a * b).tolist()}: shape {tuple((a * b).shape)}, not a number")
    print(f"{cfg.trials} pairs of float32 vectors of length {cfg.long_length}; errors against")
    print("float64 of the loop, torch.dot and (a * b).sum(); loop vs torch.dot equal, allclose:")
    trials = [rounding_trial(cfg.long_length) for _ in range(cfg.trials)]
    return Result(
        dot=values["torch.dot(a, b)"].item(),
        spellings_agree=agree,
        elementwise_shape=list((a * b).shape),
        loop_errors=[t[0] for t in trials],
        dot_errors=[t[1] for t in trials],
        sum_errors=[t[2] for t in trials],
        trials_equal=sum(t[3] for t in trials),
        trials_allclose=sum(t[4] for t in trials),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
