"""Check for exercise 4: training resumed from the learner's checkpoint must give exactly
the losses of training that never stopped, and the file must load with weights_only=True."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import torch
from torch import nn

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_true,
    get_function,
    random_cases,
)
from rlcourse.networks import mlp
from rlcourse.training import fit

Case = tuple[int, int, int, int]  # hidden width, epochs before the save, epoch number, seed


@contextmanager
def load_calls() -> Iterator[list[dict[str, Any]]]:
    """Record the keyword arguments of every torch.load call made while the block runs."""
    calls: list[dict[str, Any]] = []
    original: Callable[..., Any] = torch.load

    def recording(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs)
        return original(*args, **kwargs)

    torch.load = recording
    try:
        yield calls
    finally:
        torch.load = original


def problem(
    seed: int, width: int
) -> tuple[nn.Module, torch.optim.Optimizer, torch.Tensor, torch.Tensor]:
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(50, 3, generator=generator)
    y = (x.sum(dim=1, keepdim=True) > 0).float()
    torch.manual_seed(seed)
    model = mlp(3, [width], 1, nn.Tanh)
    return model, torch.optim.Adam(model.parameters(), lr=0.03), x, y


def random_case(rng: np.random.Generator) -> Case:
    width, before, epoch = (int(v) for v in rng.integers(2, 9, size=3))
    return width, before, epoch * 10, int(rng.integers(1_000_000))


def check_case(module: ModuleType, case: Case, folder: Path) -> None:
    width, before, epoch, seed = case
    save = get_function(module, "save_checkpoint")
    load = get_function(module, "load_checkpoint")
    loss = nn.BCEWithLogitsLoss()
    model, optimizer, x, y = problem(seed, width)
    fit(model, loss, optimizer, x, y, before)
    path = folder / f"checkpoint_{seed}.pt"
    save(model, optimizer, epoch, path)
    expect_true(path.is_file(), f"save_checkpoint wrote no file at {path}")
    try:
        saved = torch.load(path, weights_only=True)
    except Exception as error:  # pickle.UnpicklingError names the class it refused
        raise CheckFailed(
            "torch.load(path, weights_only=True) refused your checkpoint "
            f"({type(error).__name__}): save model.state_dict(), not the model object"
        ) from None
    expect_true(
        isinstance(saved, dict) and {"model", "optimizer", "epoch"} <= set(saved),
        "the checkpoint should be a dict with the keys 'model', 'optimizer' and 'epoch'",
    )
    uninterrupted = fit(model, loss, optimizer, x, y, 5)  # the run that never stopped
    fresh, fresh_optimizer, _, _ = problem(seed + 1, width)  # other weights, an empty Adam
    with load_calls() as calls:
        got_epoch = load(fresh, fresh_optimizer, path)
    expect_true(bool(calls), "load_checkpoint never called torch.load")
    expect_true(
        all(call.get("weights_only") is True for call in calls),
        "call torch.load(path, weights_only=True): the course never loads pickles that could "
        "run code",
    )
    expect_equal(got_epoch, epoch, "load_checkpoint's returned epoch")
    resumed = fit(fresh, loss, fresh_optimizer, x, y, 5)
    what = f"the 5 losses after resuming (width {width}, saved after {before} epochs)"
    if np.isclose(resumed[0], uninterrupted[0], atol=1e-6) and not np.allclose(
        resumed, uninterrupted, atol=1e-6
    ):
        raise CheckFailed(
            f"{what}: the first step matches, later ones drift: Adam's running averages were "
            "not restored; save and load optimizer.state_dict() too"
        )
    expect_close(np.array(resumed), np.array(uninterrupted), what, atol=1e-6)


def check(module: ModuleType) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for case in [(4, 3, 3, 0), *random_cases(36, 5, random_case)]:
            check_case(module, case, Path(folder))
