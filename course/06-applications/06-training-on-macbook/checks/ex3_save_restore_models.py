"""Check of exercise 3: a run trained a few steps, saved, resumed into fresh objects and
continued must match the same run continued without a break, bit for bit."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

import torch
from torch import nn

from coursetools.check_helpers import CheckFailed, expect_true, get_function
from rlcourse.checkpoints import CheckpointError


def network_and_optimizer(seed: int) -> tuple[nn.Module, torch.optim.Optimizer]:
    torch.manual_seed(seed)
    network = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
    return network, torch.optim.Adam(network.parameters(), lr=0.05)


def steps(network: nn.Module, optimizer: torch.optim.Optimizer, count: int, start: int) -> None:
    for step in range(start, start + count):
        inputs = torch.randn(16, 4, generator=torch.Generator().manual_seed(step))
        loss = network(inputs).pow(2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def check(module: ModuleType) -> None:
    save_run: Any = get_function(module, "save_run")
    resume_run: Any = get_function(module, "resume_run")
    unbroken, unbroken_optimizer = network_and_optimizer(0)
    steps(unbroken, unbroken_optimizer, 6, 0)
    first, first_optimizer = network_and_optimizer(0)
    steps(first, first_optimizer, 3, 0)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "run.pt"
        save_run(path, first, first_optimizer, 7)
        expect_true(path.is_file(), f"save_run wrote nothing at {path}")
        resumed, resumed_optimizer = network_and_optimizer(1)  # other weights to overwrite
        try:
            epoch = resume_run(path, resumed, resumed_optimizer)
        except CheckpointError as error:
            raise CheckFailed(
                f"loading your checkpoint failed: {error}. Save state_dicts (tensors), not the "
                "network or optimizer objects"
            ) from None
    if epoch != 7:
        raise CheckFailed(f"resume_run returned epoch {epoch!r}; save_run was given 7")
    restored = all(
        torch.equal(a, b) for a, b in zip(first.parameters(), resumed.parameters(), strict=True)
    )
    expect_true(
        restored,
        "after resume_run the network's weights are not the saved ones: load the state into "
        "the network you are given (network.load_state_dict), in place",
    )
    steps(resumed, resumed_optimizer, 3, 3)
    same = all(
        torch.equal(a, b) for a, b in zip(unbroken.parameters(), resumed.parameters(), strict=True)
    )
    expect_true(
        same,
        "the resumed run drifted away from the unbroken one: Adam's moment estimates and step "
        "count were not restored; save and load optimizer.state_dict() too",
    )
