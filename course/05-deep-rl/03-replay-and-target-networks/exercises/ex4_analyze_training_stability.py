"""Exercise 4: how much do episode returns swing while DQN trains? A rolling variance.

Write ``rolling_variance`` (the sample variance of each window of consecutive episode
returns) and ``plot_variance`` (one line per training variant). Then run `rlcourse check 5.3`,
and this file with the lesson's outputs/runs folder as its argument: it plots the seed-0
runs of Demo 2.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from rlcourse.metrics import read_metrics


def rolling_variance(returns: np.ndarray, window: int) -> np.ndarray:
    """Sample variance (n - 1 in the denominator) of each ``window`` consecutive returns:
    entry i covers returns[i : i + window]; shape (len(returns) - window + 1,)."""
    raise NotImplementedError("rolling_variance")


def plot_variance(runs: dict[str, np.ndarray], window: int, path: Path) -> None:
    """One line per run name: x = the number of the episode that ends each window
    (window, window + 1, ..., counting episodes from 1), y = its rolling variance. Label
    both axes, give the figure a title and a legend with the run names, save it to ``path``."""
    # Draw with matplotlib (import matplotlib.pyplot as plt) and save with fig.savefig(path).
    raise NotImplementedError("plot_variance")


# Demo 2's run folders, named by how each config differs from the Part's settings.
FOLDERS = {
    "DQN": "settings",
    "no target network": "target_network=False",
    "no replay": "replay=False",
    "neither": "replay=False,target_network=False",
}

if __name__ == "__main__":
    # Usage: python ex4_analyze_training_stability.py <the lesson's outputs/runs folder>
    runs_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("outputs/runs")
    runs = {
        name: np.array(read_metrics(runs_dir / folder / "seed0")["episode_return"][1])
        for name, folder in FOLDERS.items()
        if (runs_dir / folder / "seed0").is_dir()
    }
    plot_variance(runs, window=20, path=Path("variance.png"))
    print(f"plotted {len(runs)} runs from {runs_dir} to variance.png")
