"""Check of exercise 1: what the file holds, where it is loaded, and whether training
continues exactly where it stopped."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import torch
from torch import nn

from coursetools.check_helpers import (
    CheckFailed,
    expect_equal,
    expect_true,
    get_function,
    recorded_keyword,
)


def train(model: nn.Module, optimizer: torch.optim.Optimizer, steps: int, seed: int) -> None:
    generator = torch.Generator().manual_seed(seed)
    inputs = torch.randn(64, 3, generator=generator)
    for _ in range(steps):
        loss = (model(inputs) - inputs.sum(dim=1, keepdim=True)).pow(2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def fresh(seed: int) -> tuple[nn.Module, torch.optim.Optimizer]:
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 1))
    return model, torch.optim.Adam(model.parameters(), lr=0.05)


def check_resume(
    save: Callable[..., Any], load: Callable[..., Any], folder: Path, seed: int
) -> None:
    straight, straight_optimizer = fresh(seed)
    train(straight, straight_optimizer, 20, seed)
    model, optimizer = fresh(seed)
    train(model, optimizer, 8, seed)
    save(nn.DataParallel(model), optimizer, 8, folder / "run.pt")
    keys = list(torch.load(folder / "run.pt", weights_only=True)["model"])
    if any(key.startswith("module.") for key in keys):
        raise CheckFailed(
            f"the saved weights have keys {keys[:2]}...: save the bare model's state_dict "
            "(model.module inside a wrapper), so a plain model can load it"
        )
    resumed, resumed_optimizer = fresh(seed + 100)  # other initial weights: all must be loaded
    with recorded_keyword(torch, "load", "map_location") as locations:
        step = load(folder / "run.pt", resumed, resumed_optimizer, torch.device("cpu"))
    expect_equal(step, 8, "load_portable's returned step")
    if not locations or locations[-1] is None:
        raise CheckFailed(
            "torch.load was called without map_location: a checkpoint written on a GPU would "
            "fail to open on a machine without one; pass the device to load_checkpoint"
        )
    train(resumed, resumed_optimizer, 12, seed)
    for (name, want), got in zip(
        straight.state_dict().items(), resumed.state_dict().values(), strict=True
    ):
        if not torch.equal(want, got):
            raise CheckFailed(
                f"seed {seed}: 8 steps, save, load, 12 steps differs from 20 steps at {name} "
                f"(max {float((want - got).abs().max()):.2e}): restore the optimizer's state "
                "too (Adam's moment estimates), not only the weights"
            )


def check(module: ModuleType) -> None:
    save = get_function(module, "save_portable")
    load = get_function(module, "load_portable")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for seed in (0, 1):
            check_resume(save, load, folder, seed)
        # a file from someone else's wrapped model: keys start with "module."
        wrapped, optimizer = fresh(5)
        legacy = {
            "model": nn.DataParallel(wrapped).state_dict(),
            "optimizer": optimizer.state_dict(),
            "step": 3,
        }
        torch.save(legacy, folder / "wrapped.pt")
        bare, bare_optimizer = fresh(6)
        try:
            load(folder / "wrapped.pt", bare, bare_optimizer, torch.device("cpu"))
        except RuntimeError as error:
            raise CheckFailed(
                "loading a checkpoint whose keys start with 'module.' failed "
                f"({str(error).splitlines()[0]}): strip the prefix before load_state_dict"
            ) from None
        expect_true(
            all(
                torch.equal(a, b)
                for a, b in zip(
                    bare.state_dict().values(), wrapped.state_dict().values(), strict=True
                )
            ),
            "the weights loaded from a 'module.' checkpoint differ from the ones saved",
        )
