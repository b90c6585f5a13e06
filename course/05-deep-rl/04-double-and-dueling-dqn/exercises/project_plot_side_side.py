"""Project exercise: learning curves of several DQN variants, side by side.

Write ``smoothed`` (a run's moving average, placed at environment steps) and
``plot_side_by_side`` (one panel per variant, one line per seed, a shared y axis). Then
run `rlcourse check 5.4`, and run this file with the lesson's ``outputs`` folder as its
argument to plot Demo 3's runs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

Run = tuple[np.ndarray, np.ndarray]  # (episode_end_steps, episode_returns), one entry per episode


def smoothed(run: Run, window: int) -> tuple[np.ndarray, np.ndarray]:
    """The mean of every ``window`` consecutive returns, each placed at the environment step
    where the last episode of its window ended: two arrays of length episodes - window + 1."""
    raise NotImplementedError("smoothed")


def plot_side_by_side(runs: dict[str, list[Run]], window: int, path: Path) -> None:
    """One panel per variant (in the order of ``runs``), titled with its name, one line per
    seed (``smoothed``), the panels sharing their y axis; x labelled on every panel, y on
    the first; saved to ``path``."""
    # Draw with matplotlib (import matplotlib.pyplot as plt) and save with fig.savefig(path).
    raise NotImplementedError("plot_side_by_side")


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "outputs") / "runs"
    runs: dict[str, list[Run]] = {}
    for file in sorted(folder.glob("*.json")):
        saved = json.loads(file.read_text())
        run = (np.array(saved["episode_end_steps"]), np.array(saved["episode_returns"]))
        runs.setdefault(saved["variant"], []).append(run)
    plot_side_by_side(runs, 20, Path("side_by_side.png"))
    print(f"saved side_by_side.png: {', '.join(runs)}")
