"""Demo 1: checkpoints that move between machines and devices."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import torch
import tyro
from torch import nn
from torch.nn.modules.utils import consume_prefix_in_state_dict_if_present

from rlcourse.checkpoints import load_checkpoint, save_checkpoint
from rlcourse.devices import choose_device, describe_device
from rlcourse.networks import mlp
from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    steps: int = 200  # Adam steps of the run that is stopped and resumed
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    device: str  # where this run trained
    loaded_devices: dict[str, str]  # map_location given -> device of the loaded tensors
    wrapped_error: str  # the error of loading a DataParallel checkpoint into a bare model
    prefix_fixed: bool  # stripping "module." made the same checkpoint load
    resumed_equal: bool  # stop, save, load, continue == never stopped, bit for bit
    without_optimizer_difference: float  # max |difference| when the optimizer state is not saved


def task(seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    generator = torch.Generator().manual_seed(seed)
    inputs = torch.randn(512, 4, generator=generator)
    return inputs, inputs.sin().sum(dim=1, keepdim=True)


def train(
    model: nn.Module, optimizer: torch.optim.Optimizer, steps: int, device: torch.device
) -> None:
    inputs, targets = (t.to(device) for t in task(0))
    for _ in range(steps):
        loss = nn.functional.mse_loss(model(inputs), targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def fresh(device: torch.device) -> tuple[nn.Module, torch.optim.Optimizer]:
    torch.manual_seed(0)
    model = mlp(4, [32], 1).to(device)
    return model, torch.optim.Adam(model.parameters(), lr=1e-2)


def main(cfg: Config) -> Result:
    seed_everything(cfg.seed)
    device = choose_device()
    half = cfg.steps // 2
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "run.pt"
        # --8<-- [start:resume]
        straight, straight_optimizer = fresh(device)
        train(straight, straight_optimizer, cfg.steps, device)  # never stopped
        model, optimizer = fresh(device)
        train(model, optimizer, half, device)
        save_checkpoint(
            {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "step": half}, path
        )
        # ... on another machine: build the same objects, load onto whatever device it has
        state = load_checkpoint(
            path, device=device
        )  # torch.load(map_location=device, weights_only=True)
        resumed, resumed_optimizer = fresh(device)
        resumed.load_state_dict(state["model"])
        resumed_optimizer.load_state_dict(state["optimizer"])  # Adam's moment estimates too
        train(resumed, resumed_optimizer, cfg.steps - state["step"], device)
        # --8<-- [end:resume]
        resumed_equal = all(
            torch.equal(a, b)
            for a, b in zip(
                straight.state_dict().values(), resumed.state_dict().values(), strict=True
            )
        )
        # the same without the optimizer's state: Adam restarts its averages
        amnesiac, new_optimizer = fresh(device)
        amnesiac.load_state_dict(state["model"])
        train(amnesiac, new_optimizer, cfg.steps - half, device)
        without = max(
            float((a - b).abs().max())
            for a, b in zip(
                straight.state_dict().values(), amnesiac.state_dict().values(), strict=True
            )
        )
        # --8<-- [start:map_location]
        loaded_devices: dict[str, str] = {}
        for where in ("cpu", "meta", str(device)):  # meta: shapes without data, to inspect a file
            weights = torch.load(path, map_location=where, weights_only=True)["model"]
            loaded_devices[where] = str(next(iter(weights.values())).device)
        # --8<-- [end:map_location]
        # --8<-- [start:prefix]
        wrapped = nn.DataParallel(mlp(4, [32], 1))  # DDP's state_dict has the same "module." prefix
        torch.save(wrapped.state_dict(), path)
        bare = mlp(4, [32], 1)
        try:
            bare.load_state_dict(torch.load(path, weights_only=True))
            error = ""
        except RuntimeError as caught:
            error = str(caught).splitlines()[0] + " " + str(caught).splitlines()[1].strip()
        state_dict = torch.load(path, weights_only=True)
        consume_prefix_in_state_dict_if_present(
            state_dict, "module."
        )  # "module.0.weight" -> "0.weight"
        bare.load_state_dict(state_dict)
        # --8<-- [end:prefix]
    print(f"trained on {describe_device(device)}")
    for where, got in loaded_devices.items():
        print(f"  map_location={where!r:<8} -> tensors on {got}")
    print(
        f"resumed at step {half} of {cfg.steps}: equal to the uninterrupted run, "
        f"bit for bit: {resumed_equal}"
    )
    print(f"resumed without the optimizer's state: weights differ by up to {without:.2e}")
    print(f"a DataParallel checkpoint in a bare model: {error}")
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    return Result(str(device), loaded_devices, error, True, resumed_equal, without)


if __name__ == "__main__":
    main(tyro.cli(Config))
