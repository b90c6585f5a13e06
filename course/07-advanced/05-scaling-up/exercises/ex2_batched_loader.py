"""Exercise 2 of Part 7.5: a data loader that reads whole batches from memory-mapped files.

Demo 2's ``TransitionFile`` reads one row per ``__getitem__`` call, and the DataLoader
glues 1,024 of them together: a thousand Python calls per batch. Here the Dataset is
indexed by a whole batch of row numbers and reads them with one NumPy indexing of the
map. Write

- ``BatchedTransitionFile.__getitem__(rows)``: open both files with
  ``np.load(path, mmap_mode="r")`` on the first call (in each process), and return the
  (len(rows), 15) float32 observations and the (len(rows),) float32 rewards of those rows,
  in the order of ``rows``, as tensors;
- ``make_loader(folder, batch_size, workers, seed)``: a DataLoader that gives batches of
  ``batch_size`` rows in a random order drawn from ``seed`` (a ``BatchSampler`` over a
  ``RandomSampler`` with a seeded generator, and ``batch_size=None`` so the DataLoader
  passes each list of rows to ``__getitem__`` as it is).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from torch.utils.data import BatchSampler, DataLoader, Dataset, RandomSampler  # noqa: F401

Batch = tuple[torch.Tensor, torch.Tensor]


class BatchedTransitionFile(Dataset[Batch]):
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.length = len(np.load(folder / "rewards.npy", mmap_mode="r"))  # the header only
        self.arrays: tuple[np.ndarray, np.ndarray] | None = None

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, rows: list[int]) -> Batch:
        raise NotImplementedError("write __getitem__")


def make_loader(folder: Path, batch_size: int, workers: int, seed: int) -> DataLoader[Batch]:
    raise NotImplementedError("write make_loader")


if __name__ == "__main__":
    import tempfile
    import time

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        rng = np.random.default_rng(0)
        observations = np.lib.format.open_memmap(
            folder / "observations.npy", "w+", np.float32, (200_000, 15)
        )
        observations[:] = rng.standard_normal((200_000, 15), dtype=np.float32)
        np.save(folder / "rewards.npy", observations[:, :4].sum(axis=1))
        start = time.perf_counter()
        rows = sum(len(rewards) for _, rewards in make_loader(folder, 1024, 0, 0))
        print(f"{rows:,} rows in {time.perf_counter() - start:.2f} s")
