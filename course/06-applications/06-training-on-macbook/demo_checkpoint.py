"""Demo 3 of Part 6.6: saving and restoring a training run with rlcourse.checkpoints:
how large the file is, how long it takes, and that a resumed run matches an unbroken one."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import torch
import tyro

from rlcourse.checkpoints import load_checkpoint, save_checkpoint
from rlcourse.devices import choose_device
from workload import Digits, accuracy, adam, load, make_network, median_seconds, train_epochs


@dataclass(frozen=True)
class Config:
    device: str | None = None  # "cpu", "mps" or "cuda"; None: the best available
    hidden_sizes: tuple[int, ...] = (256, 256)
    epochs: int = 6  # the whole run; it is interrupted after `stop_after`
    stop_after: int = 3
    batch_size: int = 64
    repeats: int = 7  # timed saves and loads; the median is reported
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    device: str
    parameters: int
    weights_bytes: int  # the network's state_dict alone
    checkpoint_bytes: int  # network, optimizer and progress
    bfloat16_bytes: int  # the weights stored as bfloat16
    save_seconds: float  # median
    load_seconds: float  # median
    resumed_equals_unbroken: bool  # every weight bit-identical
    accuracy_float32: float
    accuracy_bfloat16_weights: float


def run_epochs(
    network: torch.nn.Module,
    optimizer: torch.optim.Optimizer,
    data: Digits,
    epochs: range,
    batch_size: int,
) -> None:
    """Epoch k draws its batch order from seed k alone, so a run resumed at epoch k meets
    the same batches as an unbroken one: no random state needs saving."""
    for epoch in epochs:
        train_epochs(network, optimizer, data, 1, batch_size, seed=epoch)


# --8<-- [start:save_restore]
def save(
    path: Path, network: torch.nn.Module, optimizer: torch.optim.Optimizer, epoch: int
) -> None:
    """Weights, the optimizer's moment estimates and the epoch reached: what resuming needs."""
    state = {"network": network.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}
    save_checkpoint(state, path)  # atomic: a crash mid-write leaves the old file intact


def restore(
    path: Path, network: torch.nn.Module, optimizer: torch.optim.Optimizer, device: torch.device
) -> int:
    """Fill ``network`` and ``optimizer`` in place from ``path``; the epoch to resume at."""
    state = load_checkpoint(path, device)  # tensors only (weights_only=True), onto device
    network.load_state_dict(state["network"])
    optimizer.load_state_dict(state["optimizer"])
    return state["epoch"]


def main(cfg: Config) -> Result:
    torch.set_num_threads(1)
    device = choose_device(cfg.device)
    data = load(device)
    folder = Path(tempfile.mkdtemp())  # the files are measured, not committed
    unbroken = make_network(cfg.hidden_sizes, device, seed=0)
    run_epochs(unbroken, adam(unbroken, 1e-3), data, range(cfg.epochs), cfg.batch_size)

    first = make_network(cfg.hidden_sizes, device, seed=0)  # the same run, interrupted
    first_optimizer = adam(first, 1e-3)
    run_epochs(first, first_optimizer, data, range(cfg.stop_after), cfg.batch_size)
    save(folder / "run.pt", first, first_optimizer, cfg.stop_after)
    resumed = make_network(cfg.hidden_sizes, device, seed=1)  # other weights, overwritten
    resumed_optimizer = adam(resumed, 1e-3)
    epoch = restore(folder / "run.pt", resumed, resumed_optimizer, device)
    run_epochs(resumed, resumed_optimizer, data, range(epoch, cfg.epochs), cfg.batch_size)
    identical = all(
        torch.equal(a, b) for a, b in zip(unbroken.parameters(), resumed.parameters(), strict=True)
    )
    # --8<-- [end:save_restore]
    saving = partial(save, folder / "run.pt", first, first_optimizer, cfg.stop_after)
    save_seconds = median_seconds(saving, device, cfg.repeats)
    loading = partial(restore, folder / "run.pt", resumed, resumed_optimizer, device)
    load_seconds = median_seconds(loading, device, cfg.repeats)
    # --8<-- [start:sizes]
    torch.save(unbroken.state_dict(), folder / "weights.pt")
    half = {name: tensor.to(torch.bfloat16) for name, tensor in unbroken.state_dict().items()}
    torch.save(half, folder / "weights_bf16.pt")
    restored = make_network(cfg.hidden_sizes, device, seed=2)
    loaded = torch.load(folder / "weights_bf16.pt", map_location=device, weights_only=True)
    restored.load_state_dict({name: tensor.float() for name, tensor in loaded.items()})
    # --8<-- [end:sizes]
    sizes = {
        name: (folder / name).stat().st_size for name in ("weights.pt", "weights_bf16.pt", "run.pt")
    }
    parameters = sum(p.numel() for p in unbroken.parameters())
    full = accuracy(unbroken, data.test_inputs, data.test_labels)
    low = accuracy(restored, data.test_inputs, data.test_labels)
    print(f"device: {device}; {parameters:,} parameters ({parameters * 4:,} bytes as float32)")
    print(f"weights only: {sizes['weights.pt']:,} bytes; as bfloat16: {sizes['weights_bf16.pt']:,}")
    print(f"checkpoint (weights, Adam's two moments, epoch): {sizes['run.pt']:,} bytes")
    print(
        f"save {save_seconds * 1e3:.2f} ms, load {load_seconds * 1e3:.2f} ms "
        f"(medians of {cfg.repeats})"
    )
    print(f"resumed after epoch {cfg.stop_after} == unbroken run, every weight: {identical}")
    print(f"test accuracy: float32 weights {full:.2%}, bfloat16 weights {low:.2%}")
    return Result(
        device=device.type,
        parameters=parameters,
        weights_bytes=sizes["weights.pt"],
        checkpoint_bytes=sizes["run.pt"],
        bfloat16_bytes=sizes["weights_bf16.pt"],
        save_seconds=save_seconds,
        load_seconds=load_seconds,
        resumed_equals_unbroken=identical,
        accuracy_float32=full,
        accuracy_bfloat16_weights=low,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
