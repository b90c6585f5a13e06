"""Demo 1 of Part 3.1: the perceptron update rule, step by step on four points, with the
score y w.x of each corrected point before and after its update."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro

from perceptron import augment, update


@dataclass(frozen=True)
class Config:
    passes: int = 10  # passes over the four points
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    updates: int
    first_score_before: float  # y w.x of the first corrected point, before its update
    first_score_after: float  # ... and after: before + |x~|^2
    final_weights: list[float]
    all_correct: bool
    still_wrong: int  # updates after which the corrected point is still not on its side


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    # --8<-- [start:steps]
    points = torch.tensor([[2.0, 2.0], [0.0, 3.0], [1.0, 0.0], [-2.0, 1.0]])
    labels = torch.tensor([1.0, 1.0, -1.0, -1.0])
    xs = augment(points)  # (4, 3): each row is (x_0, x_1, 1)
    weights = torch.zeros(3)
    scores: list[tuple[float, float]] = []
    for _ in range(cfg.passes):
        for x, y in zip(xs, labels.tolist(), strict=True):
            before = y * torch.dot(weights, x).item() + 0.0  # + 0.0 turns -0.0 into 0.0
            weights, mistake = update(weights, x, y)
            after = y * torch.dot(weights, x).item() + 0.0
            if mistake:  # print the updates only
                scores.append((before, after))
                print(
                    f"x~={x.tolist()} y={y:+.0f}: y w.x {before:+.0f} -> {after:+.0f}, "
                    f"w={weights.tolist()}"
                )
    # --8<-- [end:steps]
    correct = bool((labels * (xs @ weights) > 0).all())
    print(f"{len(scores)} updates; every point on its side: {correct}")
    return Result(
        updates=len(scores),
        first_score_before=scores[0][0],
        first_score_after=scores[0][1],
        final_weights=weights.tolist(),
        all_correct=correct,
        still_wrong=sum(after <= 0 for _, after in scores),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
