"""Check of exercise 3: shards on random sizes, then 2 real gloo processes (forked, with a
time limit) whose averaged-gradient training must match one process on all the rows."""

from __future__ import annotations

import socket
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import torch
import torch.distributed as dist
from torch import nn
from torch.multiprocessing.spawn import start_processes

from coursetools.check_helpers import CheckFailed, expect_equal, get_function, random_cases

STEPS = 15


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def make_model() -> tuple[nn.Module, torch.optim.Optimizer]:
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 1))
    return model, torch.optim.SGD(model.parameters(), lr=0.2)


def data() -> tuple[torch.Tensor, torch.Tensor]:
    inputs = torch.randn(128, 4, generator=torch.Generator().manual_seed(7))
    return inputs, inputs.sin().sum(dim=1, keepdim=True)


def worker(
    rank: int, port: int, average: Callable[..., Any], shard: Callable[..., Any], out: str
) -> None:
    dist.init_process_group("gloo", init_method=f"tcp://127.0.0.1:{port}", rank=rank, world_size=2)
    model, optimizer = make_model()
    inputs, targets = data()
    rows = shard(len(inputs), rank, 2)
    for _ in range(STEPS):
        loss = nn.functional.mse_loss(model(inputs[rows]), targets[rows])
        optimizer.zero_grad()
        loss.backward()
        average(model)
        optimizer.step()
    torch.save(model.state_dict(), f"{out}/rank{rank}.pt")
    dist.destroy_process_group()


def check(module: ModuleType) -> None:
    shard = get_function(module, "shard")
    average = get_function(module, "average_gradients")
    for rows, world in [
        (8, 2),
        *random_cases(75, 10, lambda rng: (int(rng.integers(1, 20)) * 4, 4)),
    ]:
        covered = [i for rank in range(world) for i in range(rows)[shard(rows, rank, world)]]
        expect_equal(
            covered,
            list(range(rows)),
            f"rows of shard(rows={rows}, rank, world={world}) over all ranks, in order",
        )
    one, optimizer = make_model()
    inputs, targets = data()
    for _ in range(STEPS):
        loss = nn.functional.mse_loss(one(inputs), targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    with tempfile.TemporaryDirectory() as out:
        context = start_processes(
            worker,
            args=(free_port(), average, shard, out),
            nprocs=2,
            join=False,
            start_method="fork",
        )
        assert context is not None  # join=False returns the running processes
        for _ in range(60):  # at most 30 s: a process waiting for a partner that died would hang
            if context.join(timeout=0.5):
                break
        else:
            for process in context.processes:
                process.kill()  # pyright: ignore[reportAttributeAccessIssue]
            raise CheckFailed(
                "the 2 processes did not finish within 30 s: does every rank call all_reduce "
                "the same number of times?"
            )
        ranks = [torch.load(Path(out) / f"rank{r}.pt", weights_only=True) for r in (0, 1)]
    for name, want in one.state_dict().items():
        if not torch.allclose(ranks[0][name], ranks[1][name], atol=1e-6):
            raise CheckFailed(
                f"after {STEPS} steps the two processes hold different {name}: average the "
                "gradients over processes"
            )
        got = ranks[0][name]
        if not torch.allclose(got, want, atol=1e-5):
            raise CheckFailed(
                f"after {STEPS} steps on 2 processes, {name} differs from 1 process on all rows by "
                f"{float((got - want).abs().max()):.2e}: all_reduce SUMS the gradients; "
                "divide by the "
                "world size to get the mean gradient of the full batch"
            )
