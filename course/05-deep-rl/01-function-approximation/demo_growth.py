"""Demo 2: Q-table entries against the number of observation numbers, plotted."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tyro

N_ACTIONS = 2  # as in CartPole; more actions only multiply every line by a constant
BYTES_PER_ENTRY = 8  # a float64 Q-value
MEMORY_BYTES = 16e9  # a laptop's 16 GB
# Gymnasium environments and the length of their observation vectors.
ENVIRONMENT_DIMS = {"MountainCar": 2, "CartPole": 4, "Acrobot": 6, "LunarLander": 8}


@dataclass(frozen=True)
class Config:
    bins: tuple[int, ...] = (3, 6, 10, 20)  # intervals per observation number
    max_dims: int = 12
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    # Per number of bins: the fewest observation numbers whose float64 table no longer
    # fits in 16 GB, or -1 when max_dims still fits.
    dims_over_memory: dict[str, int]


def table_entries(bins: int, dims: np.ndarray, actions: int) -> np.ndarray:
    """bins ** dims rows times actions columns; float64, so that 20 ** 12 does not overflow."""
    return float(bins) ** dims.astype(np.float64) * actions


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    dims = np.arange(1, cfg.max_dims + 1)
    memory_entries = MEMORY_BYTES / BYTES_PER_ENTRY
    fig, ax = plt.subplots(figsize=(7, 4.5))
    dims_over_memory: dict[str, int] = {}
    # --8<-- [start:core]
    for bins in cfg.bins:
        entries = table_entries(bins, dims, N_ACTIONS)  # (max_dims,)
        ax.plot(dims, entries, marker="o", label=f"{bins} bins per number")
        too_big = dims[entries > memory_entries]
        dims_over_memory[str(bins)] = int(too_big[0]) if len(too_big) else -1
        cartpole = entries[ENVIRONMENT_DIMS["CartPole"] - 1]
        limit = (
            f"over 16 GB from {too_big[0]} numbers"
            if len(too_big)
            else f"under 16 GB up to {cfg.max_dims} numbers"
        )
        print(f"{bins:2d} bins: CartPole {cartpole:9,.0f} entries; {limit}")
    ax.axhline(memory_entries, color="black", linestyle="--", label="16 GB of float64")
    ax.set_yscale("log")  # on a log scale, exponential growth is a straight line
    # --8<-- [end:core]
    for name, env_dims in ENVIRONMENT_DIMS.items():
        ax.axvline(env_dims, color="grey", linestyle=":", linewidth=1)
        ax.text(env_dims, 1e-2, name, ha="center", color="grey", fontsize=9)
    ax.set_ylim(bottom=1e-3)
    ax.set_xlabel("numbers in one observation (d)")
    ax.set_ylabel(f"Q-table entries, bins^d x {N_ACTIONS} (log scale)")
    ax.set_title("Table size grows exponentially with the observation's length")
    ax.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(cfg.out_dir / "table_growth.png", dpi=100)
    plt.close(fig)
    return Result(dims_over_memory)


if __name__ == "__main__":
    main(tyro.cli(Config))
