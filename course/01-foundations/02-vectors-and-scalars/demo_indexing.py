"""Demo 2: read entries and slices of the returns vector, and reverse it two ways."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro

from demo_shapes import RETURNS


@dataclass(frozen=True)
class Config:
    returns: tuple[float, ...] = tuple(RETURNS)  # one return per episode
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    first: float
    last: float
    middle: list[float]  # g[2:5]
    reversed_returns: list[float]
    flip_matches_index: bool  # torch.flip and indexing with n-1, ..., 0 agree exactly
    negative_step_error: str


# --8<-- [start:index]
def read_entries(g: torch.Tensor) -> dict[str, torch.Tensor]:
    n = g.shape[0]
    return {
        "g[0]": g[0],  # the first entry: a scalar tensor, shape ()
        "g[-1]": g[-1],  # negative i counts from the end: g[n + i]
        "g[2:5]": g[2:5],  # entries 2, 3, 4: the stop is left out, length 5 - 2
        "g[:3]": g[:3],  # the first 3 episodes
        "g[-3:]": g[-3:],  # the last 3 episodes
        "g[::2]": g[::2],  # every second entry, from 0
        "g[n - 1 - i]": g[torch.arange(n - 1, -1, -1)],  # an index vector (n-1, ..., 0)
        "torch.flip(g, dims=[0])": torch.flip(g, dims=[0]),
    }


def reverse_with_negative_step(g: torch.Tensor) -> str:
    try:
        g[::-1]  # Python lists and NumPy arrays accept this; PyTorch tensors do not
    except ValueError as error:
        print(f"g[::-1] -> ValueError: {error}")
        return str(error)
    return "no error"


# --8<-- [end:index]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    g = torch.tensor(cfg.returns)
    entries = read_entries(g)
    for expression, t in entries.items():
        print(f"{expression:24} = {t.tolist()}")
    by_index = entries["g[n - 1 - i]"]
    flipped = entries["torch.flip(g, dims=[0])"]
    matches = torch.equal(by_index, flipped)
    print(f"index vector and torch.flip agree: {matches}")
    message = reverse_with_negative_step(g)
    return Result(
        first=entries["g[0]"].item(),
        last=entries["g[-1]"].item(),
        middle=entries["g[2:5]"].tolist(),
        reversed_returns=flipped.tolist(),
        flip_matches_index=matches,
        negative_step_error=message,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
