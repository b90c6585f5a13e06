"""Demo 1 of Part 6.6: where the time of a training epoch goes, by wall clock and by
torch.profiler, on whichever device this machine has (or the one asked for)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro
from torch.profiler import ProfilerActivity, profile

from rlcourse.devices import choose_device, describe_device
from workload import adam, load, make_network, median_seconds, train_epochs


@dataclass(frozen=True)
class Config:
    device: str | None = None  # "cpu", "mps" or "cuda"; None: the best available
    hidden_sizes: tuple[int, ...] = (256, 256)
    batch_size: int = 64
    repeats: int = 7  # timed epochs; the median is reported
    threads: int = 1  # CPU threads for PyTorch (this machine shares 2 cores)
    rows: int = 8  # operations listed from the profiler's table
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    device: str
    threads: int
    epoch_seconds: float  # median over repeats
    samples_per_second: float
    steps_per_second: float
    top_operation: str  # the operation with the largest self time in the profile
    top_share_of_seconds: float  # its share of the profiled self time
    optimizer_share_of_seconds: float  # Adam's steps, everything they call included
    matmul_share_of_seconds: float  # the matrix products (aten::mm and aten::addmm)


# --8<-- [start:profile]
def main(cfg: Config) -> Result:
    torch.set_num_threads(cfg.threads)
    device = choose_device(cfg.device)
    print(f"device: {describe_device(device)}, {torch.get_num_threads()} CPU thread(s)")
    data = load(device)
    network = make_network(cfg.hidden_sizes, device, seed=0)
    optimizer = adam(network, learning_rate=1e-3)

    def one_epoch() -> None:
        train_epochs(network, optimizer, data, 1, cfg.batch_size, seed=0)

    seconds = median_seconds(one_epoch, device, cfg.repeats)
    steps = -(-len(data.train_labels) // cfg.batch_size)  # mini-batches per epoch, rounded up
    print(
        f"one epoch: {seconds * 1e3:.1f} ms (median of {cfg.repeats}), {steps} steps, "
        f"{len(data.train_labels) / seconds:,.0f} samples/s"
    )

    activities = [ProfilerActivity.CPU]
    if device.type == "cuda":
        activities.append(ProfilerActivity.CUDA)
    with profile(activities=activities) as profiler:
        one_epoch()
    table = profiler.key_averages()
    print(table.table(sort_by="self_cpu_time_total", row_limit=cfg.rows, max_name_column_width=28))
    # --8<-- [end:profile]
    events = sorted(table, key=lambda event: event.self_cpu_time_total, reverse=True)
    total = sum(event.self_cpu_time_total for event in events)
    adam_time = sum(e.cpu_time_total for e in events if e.key.startswith("Optimizer.step"))
    matmul = sum(e.self_cpu_time_total for e in events if e.key in ("aten::mm", "aten::addmm"))
    print(
        f"Adam's steps: {adam_time / total:.0%} of the time; matrix products: {matmul / total:.0%}"
    )
    return Result(
        device=device.type,
        threads=torch.get_num_threads(),
        epoch_seconds=seconds,
        samples_per_second=len(data.train_labels) / seconds,
        steps_per_second=steps / seconds,
        top_operation=events[0].key,
        top_share_of_seconds=events[0].self_cpu_time_total / total,
        optimizer_share_of_seconds=adam_time / total,
        matmul_share_of_seconds=matmul / total,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
