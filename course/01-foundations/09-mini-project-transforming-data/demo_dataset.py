"""Demo 1: make a 2-D data set, save it as a CSV file, load it back, and plot it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro

from cloud import make_cloud


@dataclass(frozen=True)
class Config:
    n: int = 500  # points in the data set
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    shape: list[int]
    loaded_equals_saved: bool
    first_rows: list[list[float]]
    figure: str


# --8<-- [start:load]
def save_and_load(data: torch.Tensor, path: Path) -> torch.Tensor:
    np.savetxt(path, data.numpy(), delimiter=",", header="x,y", comments="")
    loaded = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float32)  # (n, 2)
    return torch.from_numpy(loaded)


# --8<-- [end:load]


def plot(data: torch.Tensor, path: Path) -> None:
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=100)
    ax.scatter(data[:, 0], data[:, 1], s=8, alpha=0.6)
    ax.set_aspect("equal")
    ax.grid(alpha=0.3)
    ax.set_xlabel("x (first feature)")
    ax.set_ylabel("y (second feature)")
    ax.set_title(f"A synthetic 2-D data set: {len(data)} points")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    data = make_cloud(cfg.n, cfg.seed)
    loaded = save_and_load(data, cfg.out_dir / "cloud.csv")
    same = torch.equal(loaded, data)
    print(f"data: shape {tuple(data.shape)}, dtype {data.dtype}")
    print(f"first rows:\n{data[:3]}")
    print(f"loaded from cloud.csv: shape {tuple(loaded.shape)}, identical: {same}")
    figure = cfg.out_dir / "cloud.png"
    plot(data, figure)
    return Result(
        shape=list(data.shape),
        loaded_equals_saved=same,
        first_rows=data[:3].tolist(),
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
