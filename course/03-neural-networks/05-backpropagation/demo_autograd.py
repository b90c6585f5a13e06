"""Demo 2 of Part 3.5: the hand-made gradients of Demo 1 next to autograd's, for all four
parameters, on Demo 1's example and on many random networks and examples."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro
from torch import nn
from tqdm import tqdm

from backprop import NAMES, autograd_gradients, backward, parameter_gradients, params_of
from rlcourse.networks import mlp


@dataclass(frozen=True)
class Config:
    seed: int = 0  # Demo 1's network
    x: tuple[float, float] = (1.0, -2.0)  # Demo 1's example
    y: float = 1.0
    random_cases: int = 1000  # further random networks, inputs and targets
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    all_close: bool  # torch.allclose for every parameter of Demo 1's example
    largest_difference: float  # max |by hand - autograd| over Demo 1's 13 gradients
    random_cases: int  # how many random networks and examples were compared
    random_all_close: bool  # the same over every random case
    random_largest_difference: float  # max |by hand - autograd| over all random cases
    random_largest_gradient: float  # the largest |gradient| among them, for scale


# --8<-- [start:compare]
def compare(model: nn.Module, x: torch.Tensor, y: torch.Tensor, show: bool) -> tuple[bool, float]:
    """allclose for every parameter, and the largest |by hand - autograd| entry."""
    by_hand = parameter_gradients(backward(params_of(model), x, y))
    by_autograd = autograd_gradients(model, x, y)
    all_close, largest = True, 0.0
    for name in NAMES:  # W1, b1, W2, b2: every parameter, none left out
        close = torch.allclose(by_hand[name], by_autograd[name], rtol=1e-5, atol=1e-7)
        difference = (by_hand[name] - by_autograd[name]).abs().max().item()
        if show:
            shape = tuple(by_hand[name].shape)
            print(f"  {name} {shape}: allclose {close}, max |diff| {difference:.1e}")
        all_close, largest = all_close and close, max(largest, difference)
    return all_close, largest


# --8<-- [end:compare]


def random_case(generator: torch.Generator) -> tuple[nn.Module, torch.Tensor, torch.Tensor]:
    """A fresh mlp(2, [3], 1) and an example with input and target drawn from N(0, 2^2)."""
    model = mlp(2, [3], 1, activation=nn.Sigmoid)
    x = 2 * torch.randn(2, generator=generator)
    y = 2 * torch.randn(1, generator=generator)
    return model, x, y


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(cfg.seed)
    model = mlp(2, [3], 1, activation=nn.Sigmoid)  # the same weights as Demo 1
    print("Demo 1's example, by hand against .backward():")
    same, largest = compare(model, torch.tensor(cfg.x), torch.tensor([cfg.y]), show=True)
    print(f"  every parameter allclose: {same}; largest |diff| {largest:.1e}")

    generator = torch.Generator().manual_seed(cfg.seed)
    random_same, random_largest, biggest_gradient = True, 0.0, 0.0
    for _ in tqdm(range(cfg.random_cases), desc="random cases", leave=False):
        model, x, y = random_case(generator)
        ok, difference = compare(model, x, y, show=False)
        random_same, random_largest = random_same and ok, max(random_largest, difference)
        gradients = autograd_gradients(model, x, y)
        largest_entries = (g.abs().max().item() for g in gradients.values())
        biggest_gradient = max(biggest_gradient, *largest_entries)
    print(
        f"{cfg.random_cases} random networks and examples: every parameter allclose: "
        f"{random_same}; largest |diff| {random_largest:.1e} "
        f"(largest |gradient| {biggest_gradient:.1f})"
    )
    return Result(
        all_close=same,
        largest_difference=largest,
        random_cases=cfg.random_cases,
        random_all_close=random_same,
        random_largest_difference=random_largest,
        random_largest_gradient=biggest_gradient,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
