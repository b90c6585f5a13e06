"""Demo 2: a Dataset over memory-mapped files, read by DataLoader workers."""

from __future__ import annotations

import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import tyro
from torch.utils.data import DataLoader, Dataset

from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    rows: int = 2_000_000  # transitions in the file (64 bytes each: 128 MB)
    chunk_rows: int = 250_000  # rows written at a time: the demo never holds the whole file
    batch_size: int = 1024
    batches: int = 150  # batches read per configuration
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    file_megabytes: float
    rows_per_second: dict[str, float]  # configuration -> rows read per second (timing: varies)
    anon_growth_megabytes: float  # growth of the process's own memory while reading (RssAnon)
    file_growth_megabytes: float  # growth of its mapped file pages (RssFile): page cache, evictable
    pin_memory_warning: str
    rows_match: bool  # the loader's rows equal the file's rows at the same indices


# --8<-- [start:write]
def write_transitions(folder: Path, rows: int, chunk_rows: int, rng: np.random.Generator) -> None:
    """Two arrays on disk, filled a chunk at a time: (rows, 15) float32 observations
    (state, action, next state) and (rows,) float32 rewards."""
    observations = np.lib.format.open_memmap(
        folder / "observations.npy", "w+", np.float32, (rows, 15)
    )
    rewards = np.lib.format.open_memmap(folder / "rewards.npy", "w+", np.float32, (rows,))
    for start in range(0, rows, chunk_rows):
        stop = min(start + chunk_rows, rows)
        observations[start:stop] = rng.standard_normal((stop - start, 15), dtype=np.float32)
        rewards[start:stop] = observations[start:stop, :4].sum(axis=1)
    observations.flush()
    rewards.flush()


# --8<-- [end:write]


# --8<-- [start:dataset]
class TransitionFile(Dataset[tuple[torch.Tensor, torch.Tensor]]):
    """Rows of the files of ``write_transitions``, read from disk only when asked for."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.length = len(np.load(folder / "rewards.npy", mmap_mode="r"))  # reads the header only
        self.arrays: tuple[np.ndarray, np.ndarray] | None = None  # opened in each process

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, index: int) -> tuple[torch.Tensor, torch.Tensor]:
        if self.arrays is None:  # first call in this process (a worker opens its own map)
            self.arrays = (
                np.load(self.folder / "observations.npy", mmap_mode="r"),
                np.load(self.folder / "rewards.npy", mmap_mode="r"),
            )
        observations, rewards = self.arrays
        # np.array copies the row out of the read-only map into memory torch may own
        return torch.from_numpy(np.array(observations[index])), torch.tensor(rewards[index])


# --8<-- [end:dataset]


def memory_megabytes() -> np.ndarray:
    """[RssAnon, RssFile] of this process in MB, from /proc (Linux); [-1, -1] elsewhere.
    RssAnon is memory the process owns; RssFile counts pages of mapped files (and of its
    libraries) in RAM, which the kernel may drop and reread when memory runs short."""
    status = Path("/proc/self/status")
    if not status.exists():
        return np.array([-1.0, -1.0])
    fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
    return np.array([float(fields[key].split()[0]) / 1024 for key in ("RssAnon", "RssFile")])


def read_rate(loader: DataLoader[tuple[torch.Tensor, torch.Tensor]], batches: int) -> float:
    """Rows per second over ``batches`` batches, after one batch of warm-up (worker start)."""
    iterator = iter(loader)
    next(iterator)
    start = time.perf_counter()
    rows = sum(len(next(iterator)[1]) for _ in range(batches))
    return rows / (time.perf_counter() - start)


def main(cfg: Config) -> Result:
    rng = seed_everything(cfg.seed)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        write_transitions(folder, cfg.rows, cfg.chunk_rows, rng)
        megabytes = sum(f.stat().st_size for f in folder.iterdir()) / 2**20
        dataset = TransitionFile(folder)
        rates: dict[str, float] = {}
        caught: list[warnings.WarningMessage] = []
        before = memory_megabytes()
        anon, file_backed = 0.0, 0.0  # set after the reads without workers
        # --8<-- [start:loaders]
        for workers in (0, 2):
            for pin in (False, True):
                with warnings.catch_warnings(record=True) as seen:
                    warnings.simplefilter("always")
                    loader = DataLoader(
                        dataset,
                        cfg.batch_size,
                        shuffle=True,
                        num_workers=workers,
                        pin_memory=pin,
                        generator=torch.Generator().manual_seed(cfg.seed),
                    )
                    rates[f"workers={workers} pin_memory={pin}"] = read_rate(loader, cfg.batches)
                caught += seen
            if workers == 0:  # the reads so far happened in this process
                anon, file_backed = memory_megabytes() - before
        # --8<-- [end:loaders]
        index = int(rng.integers(cfg.rows))
        observation, _ = dataset[index]
        rows_match = bool(
            np.array_equal(
                observation.numpy(), np.load(folder / "observations.npy", mmap_mode="r")[index]
            )
        )
    warning = str(caught[0].message) if caught else ""
    print(f"file: {cfg.rows:,} transitions, {megabytes:.0f} MB on disk")
    for name, rate in rates.items():
        print(f"  {name:<28}{rate:>12,.0f} rows/s")
    print(
        f"while reading without workers, this process's own memory changed by {anon:+.0f} MB "
        f"(RssAnon) and its mapped file pages by {file_backed:+.0f} MB (RssFile)"
    )
    print(f"pin_memory on this machine: {warning or 'no warning'}")
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    return Result(megabytes, rates, float(anon), float(file_backed), warning, rows_match)


if __name__ == "__main__":
    main(tyro.cli(Config))
