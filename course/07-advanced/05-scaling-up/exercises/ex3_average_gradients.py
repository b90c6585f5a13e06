"""Exercise 3 of Part 7.5: what DistributedDataParallel does, by hand.

``DataParallel`` (one process, one thread per GPU, the model copied to every GPU at every
step) needs GPUs and is the legacy path. DDP runs one process per device and, during
``backward``, averages the gradients over all processes, so every copy takes the same
step. Write the two pieces:

- ``shard(rows, rank, world)``: the contiguous slice of ``range(rows)`` that process
  ``rank`` of ``world`` trains on (``rows`` divisible by ``world``);
- ``average_gradients(model)``: after ``backward``, replace each parameter's gradient by
  its mean over all processes (``dist.all_reduce`` sums in place; the gloo backend has no
  average operation, so divide by ``dist.get_world_size()`` yourself).

The main block trains on 2 processes and on 1 and compares the weights.
"""

from __future__ import annotations

import os

import torch
import torch.distributed as dist
from torch import nn
from torch.multiprocessing.spawn import spawn


def shard(rows: int, rank: int, world: int) -> slice:
    raise NotImplementedError("write shard")


def average_gradients(model: nn.Module) -> None:
    raise NotImplementedError("write average_gradients")


def train(rank: int, world: int, steps: int, out: str) -> None:
    """Given: one process's training; ``world = 1`` trains alone on all the rows."""
    if world > 1:
        dist.init_process_group("gloo", rank=rank, world_size=world)
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 1))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    generator = torch.Generator().manual_seed(1)
    inputs = torch.randn(256, 4, generator=generator)
    targets = inputs.sin().sum(dim=1, keepdim=True)
    rows = shard(len(inputs), rank, world)
    for _ in range(steps):
        loss = nn.functional.mse_loss(model(inputs[rows]), targets[rows])
        optimizer.zero_grad()
        loss.backward()
        if world > 1:
            average_gradients(model)
        optimizer.step()
    if rank == 0:
        torch.save(model.state_dict(), out)
    if world > 1:
        dist.destroy_process_group()


if __name__ == "__main__":
    os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT="29517")
    spawn(train, args=(2, 20, "two.pt"), nprocs=2)
    train(0, 1, 20, "one.pt")
    two, one = torch.load("two.pt", weights_only=True), torch.load("one.pt", weights_only=True)
    print("max |difference|:", max(float((two[k] - one[k]).abs().max()) for k in one))
