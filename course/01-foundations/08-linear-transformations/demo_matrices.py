"""Demo 1: rotation and scaling matrices, read through the images of the basis vectors."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import torch
import tyro

from transforms import rotation, scaling


@dataclass(frozen=True)
class Config:
    degrees: float = 30.0  # the rotation angle shown
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    rotation: list[list[float]]
    columns_are_images: bool  # R e0 and R e1 are R's columns
    rotation_keeps_lengths: bool
    rotation_transpose_is_inverse: bool  # R^T R = I
    scaled_lengths: list[float]  # ||S e0||, ||S e1||
    rotation_determinant: float
    scaling_determinant: float


# --8<-- [start:check]
def describe(r: torch.Tensor, s: torch.Tensor) -> dict[str, bool]:
    e0, e1 = torch.tensor([1.0, 0.0]), torch.tensor([0.0, 1.0])
    columns = torch.allclose(r @ e0, r[:, 0]) and torch.allclose(r @ e1, r[:, 1])
    print(f"R e0 = {r @ e0}, R e1 = {r @ e1}: the columns of R: {columns}")
    v = torch.tensor([3.0, 4.0])
    keeps = torch.allclose(torch.linalg.vector_norm(r @ v), torch.linalg.vector_norm(v))
    print(f"||R v|| = {torch.linalg.vector_norm(r @ v).item():.4f} for ||v|| = 5: {keeps}")
    inverse = torch.allclose(r.T @ r, torch.eye(2), atol=1e-6)  # R^T undoes R
    print(f"R.T @ R = I: {inverse}")
    print(f"S e0 = {s @ e0}, S e1 = {s @ e1}")
    return {"columns": columns, "keeps": keeps, "inverse": inverse}


# --8<-- [end:check]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    r = rotation(math.radians(cfg.degrees))
    s = scaling(2.0, 0.75)
    print(f"R({cfg.degrees:g} degrees) =\n{r}\nS(2, 0.75) =\n{s}")
    facts = describe(r, s)
    det_r, det_s = torch.linalg.det(r).item(), torch.linalg.det(s).item()
    print(f"det R = {det_r:.4f}, det S = {det_s:.4f}: how each scales areas")
    return Result(
        rotation=r.tolist(),
        columns_are_images=facts["columns"],
        rotation_keeps_lengths=facts["keeps"],
        rotation_transpose_is_inverse=facts["inverse"],
        scaled_lengths=[torch.linalg.vector_norm(col).item() for col in s.T],
        rotation_determinant=det_r,
        scaling_determinant=det_s,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
