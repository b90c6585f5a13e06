"""The training script that ``torchrun`` launches in Part 7.5 (one copy per process).

Every process builds the same model from the same seed, takes its own shard of the data,
and trains through ``DistributedDataParallel``, which averages the gradients of all
processes in ``backward`` so that every copy takes the same step. Rank 0 writes a
checkpoint every ``checkpoint_every`` steps; a restarted run resumes from it.

``fail_at_step`` injects a fault: process 1 exits at that step on the first attempt only
(``TORCHELASTIC_RESTART_COUNT`` is 0), as a crashed machine would.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.distributed as dist
import tyro
from torch import nn
from torch.distributed.distributed_c10d import PrefixStore
from torch.nn.parallel import DistributedDataParallel

from rlcourse.checkpoints import load_checkpoint, save_checkpoint
from rlcourse.networks import mlp
from rlcourse.training import fit


@dataclass(frozen=True)
class Config:
    out_dir: Path  # where the checkpoint, the final weights and the timings go
    steps: int = 60  # gradient steps, each on the whole data set
    rows: int = 8192  # rows of the data set, split evenly between the processes
    hidden: int = 256
    learning_rate: float = 0.05
    checkpoint_every: int = 10
    fail_at_step: int = -1  # -1: no fault
    seed: int = 0


# --8<-- [start:data]
def make_data(rows: int, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """A regression task, the same on every process: (rows, 8) inputs, (rows, 1) targets."""
    generator = torch.Generator().manual_seed(seed)
    inputs = torch.randn(rows, 8, generator=generator)
    return inputs, torch.sin(inputs.sum(dim=1, keepdim=True))


def make_model(cfg: Config) -> tuple[nn.Module, torch.optim.Optimizer]:
    torch.manual_seed(cfg.seed)  # the same initial weights on every process
    model = mlp(8, [cfg.hidden, cfg.hidden], 1, nn.Tanh)
    return model, torch.optim.SGD(model.parameters(), lr=cfg.learning_rate)


# --8<-- [end:data]


# --8<-- [start:train]
def train(cfg: Config) -> None:
    rank, world, attempt = (
        int(os.environ[key]) for key in ("RANK", "WORLD_SIZE", "TORCHELASTIC_RESTART_COUNT")
    )
    # The processes meet through torchrun's key-value store, which outlives a restart: we
    # prefix the keys with the attempt, or a restarted process may read the address of a
    # dead one and fail to connect. (TCPStore is public but missing from torch's stubs.)
    store = dist.TCPStore(  # pyright: ignore[reportPrivateImportUsage]
        os.environ["MASTER_ADDR"], int(os.environ["MASTER_PORT"]), world, is_master=False
    )
    dist.init_process_group(
        "gloo", store=PrefixStore(f"attempt{attempt}", store), rank=rank, world_size=world
    )
    if cfg.rows % world:
        raise ValueError(f"rows ({cfg.rows}) must split evenly over {world} processes")
    model, optimizer = make_model(cfg)
    checkpoint = cfg.out_dir / "checkpoint.pt"
    start = 0
    if checkpoint.exists():  # a restart: continue from the last complete checkpoint
        state = load_checkpoint(checkpoint)
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        start = state["step"]
    ddp_model = DistributedDataParallel(model)  # broadcasts rank 0's weights, then syncs grads
    inputs, targets = make_data(cfg.rows, cfg.seed)
    shard = slice(rank * cfg.rows // world, (rank + 1) * cfg.rows // world)
    began = time.perf_counter()
    for step in range(start, cfg.steps):
        if step == cfg.fail_at_step and rank == 1 and attempt == 0:
            os._exit(1)  # a crash: no clean-up, no message to the others
        # One full-batch step on this shard; backward averages the gradients over processes.
        fit(ddp_model, nn.functional.mse_loss, optimizer, inputs[shard], targets[shard], epochs=1)
        if rank == 0 and (step + 1) % cfg.checkpoint_every == 0:
            save_checkpoint(
                {
                    "model": model.state_dict(),
                    "optimizer": optimizer.state_dict(),
                    "step": step + 1,
                },
                checkpoint,
            )
        dist.barrier()  # nobody runs ahead of a checkpoint that is still being written
    # --8<-- [end:train]
    if rank == 0:
        torch.save(model.state_dict(), cfg.out_dir / "final.pt")
        report = {
            "world": world,
            "resumed_from": start,
            "train_seconds": time.perf_counter() - began,
        }
        (cfg.out_dir / f"report_{attempt}.json").write_text(json.dumps(report))
    # Everyone leaves together. Without this barrier one process could exit while the other
    # was still at work, and on a loaded 2-core machine a process of the restarted run
    # aborted at exit, its work done, in 5 of 59 tries; with it, in 0 of 60.
    dist.barrier()
    dist.destroy_process_group()


if __name__ == "__main__":
    train(tyro.cli(Config))
