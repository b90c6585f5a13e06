"""Demo 1: a scalar, a vector of episode returns, and the shapes the same numbers can take."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro

RETURNS = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]  # the post's running example: 8 episodes


@dataclass(frozen=True)
class Config:
    returns: tuple[float, ...] = tuple(RETURNS)  # one return per episode
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    scalar_shape: list[int]
    vector_shape: list[int]
    shapes: dict[str, list[int]]  # each reshaped version's shape, by the expression printed
    view_shares_memory: bool  # writing into the (2, 4) view changed the vector
    reshape_error: str


def shape_of(t: torch.Tensor) -> list[int]:
    return list(t.shape)


# --8<-- [start:create]
def create(returns: list[float]) -> tuple[torch.Tensor, torch.Tensor]:
    reward = torch.tensor(1.5)  # a scalar: shape (), no index at all
    g = torch.tensor(returns)  # a vector: shape (n,), one index
    print(f"reward = {reward}, shape {tuple(reward.shape)}, ndim {reward.ndim}")
    print(f"reward.item() = {reward.item()}, a Python {type(reward.item()).__name__}")
    print(f"torch.tensor([1.5]) has shape {tuple(torch.tensor([1.5]).shape)}: a vector of one")
    print(f"g = {g}, shape {tuple(g.shape)}, ndim {g.ndim}")
    return reward, g


def reshape_all(g: torch.Tensor) -> dict[str, torch.Tensor]:
    """The same n numbers, read in the same order, arranged in other shapes."""
    return {
        "g.reshape(2, 4)": g.reshape(2, 4),  # 2 rows of 4 consecutive entries
        "g.reshape(4, -1)": g.reshape(4, -1),  # -1: PyTorch computes 8 / 4 = 2
        "g.unsqueeze(0)": g.unsqueeze(0),  # a row, shape (1, n)
        "g.unsqueeze(1)": g.unsqueeze(1),  # a column, shape (n, 1)
        "g.reshape(2, 4).flatten()": g.reshape(2, 4).flatten(),  # back to (n,)
    }


# --8<-- [end:create]


# --8<-- [start:view]
def view_shares_memory(g: torch.Tensor) -> bool:
    """A reshaped tensor reads the same memory: writing into it writes into g."""
    copy = g.clone()  # keep the demo's vector intact
    table = copy.view(2, 4)
    table[0, 0] = 100.0
    print(f"after table[0, 0] = 100, the vector is {copy}")
    return copy[0].item() == 100.0


def impossible_reshape(g: torch.Tensor) -> str:
    try:
        g.reshape(3, 3)  # 9 places for 8 numbers
    except RuntimeError as error:
        print(f"g.reshape(3, 3) -> RuntimeError: {error}")
        return str(error)
    return "no error"


# --8<-- [end:view]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    scalar, g = create(list(cfg.returns))
    shapes: dict[str, list[int]] = {}
    for expression, t in reshape_all(g).items():
        print(f"{expression:26} shape {tuple(t.shape)}: {t.tolist()}")
        shapes[expression] = shape_of(t)
    shared = view_shares_memory(g)
    message = impossible_reshape(g)
    return Result(
        scalar_shape=shape_of(scalar),
        vector_shape=shape_of(g),
        shapes=shapes,
        view_shares_memory=shared,
        reshape_error=message,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
