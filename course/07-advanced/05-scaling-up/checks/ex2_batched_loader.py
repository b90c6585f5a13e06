"""Check of exercise 2: rows read through a memory map, in the order asked for, aligned
with their rewards; every row once per epoch, in a seeded order."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_array_equal,
    expect_equal,
    expect_seeded,
    get_function,
    recorded_keyword,
)


def write(folder: Path, rows: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    observations = rng.standard_normal((rows, 15)).astype(np.float32)
    rewards = np.arange(rows, dtype=np.float32)  # the reward names its row: misalignment shows
    np.save(folder / "observations.npy", observations)
    np.save(folder / "rewards.npy", rewards)
    return observations, rewards


def check(module: ModuleType) -> None:
    dataset_class = getattr(module, "BatchedTransitionFile", None)
    if dataset_class is None:
        raise CheckFailed("your file defines no `BatchedTransitionFile`: keep the class name")
    make_loader = get_function(module, "make_loader")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        observations, rewards = write(folder, 503, 72)
        with recorded_keyword(np, "load", "mmap_mode") as modes:
            dataset = dataset_class(folder)
            expect_equal(len(dataset), 503, "len(BatchedTransitionFile)")
            rows = [400, 3, 77, 502, 3]
            got_observations, got_rewards = dataset[rows]
        if not modes or any(mode != "r" for mode in modes):
            raise CheckFailed(
                f"np.load was called with mmap_mode {modes}: open every file memory-mapped "
                "(mmap_mode='r'), or a file larger than memory is read whole"
            )
        got_rewards = np.asarray(got_rewards)
        expect_array_equal(got_rewards, rewards[rows], f"rewards of rows {rows} (in that order)")
        expect_array_equal(
            np.asarray(got_observations), observations[rows], f"observations of rows {rows}"
        )
        if not isinstance(got_observations, torch.Tensor):
            raise CheckFailed("__getitem__ should return tensors (torch.from_numpy)")
        for workers in (0, 2):
            loader = make_loader(folder, 64, workers, 3)
            batches = [np.asarray(r) for _, r in loader]
            expect_equal(
                [len(b) for b in batches], [64] * 7 + [55], f"batch sizes with {workers} workers"
            )
            seen = np.sort(np.concatenate(batches)).astype(int)
            expect_array_equal(
                seen, np.arange(503), f"rows of one epoch with {workers} workers (each once)"
            )
            if np.array_equal(np.concatenate(batches), rewards):
                raise CheckFailed(
                    "the loader reads the rows in file order: shuffle them (RandomSampler)"
                )
        expect_seeded(
            lambda seed: np.concatenate(
                [np.asarray(r) for _, r in make_loader(folder, 100, 0, seed)]
            ),
            "make_loader(folder, 100, 0, seed): the order of the rows",
        )
