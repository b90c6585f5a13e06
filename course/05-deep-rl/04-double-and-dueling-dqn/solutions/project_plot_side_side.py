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

import matplotlib.pyplot as plt
import numpy as np

Run = tuple[np.ndarray, np.ndarray]  # (episode_end_steps, episode_returns), one entry per episode


def smoothed(run: Run, window: int) -> tuple[np.ndarray, np.ndarray]:
    """The mean of every ``window`` consecutive returns, each placed at the environment step
    where the last episode of its window ended: two arrays of length episodes - window + 1."""
    steps, returns = run
    averages = np.convolve(returns, np.ones(window) / window, mode="valid")
    return steps[window - 1 :], averages


def plot_side_by_side(runs: dict[str, list[Run]], window: int, path: Path) -> None:
    """One panel per variant (in the order of ``runs``), titled with its name, one line per
    seed (``smoothed``), the panels sharing their y axis; x labelled on every panel, y on
    the first; saved to ``path``."""
    fig, axes = plt.subplots(1, len(runs), figsize=(4 * len(runs), 3.5), sharey=True)
    for ax, (name, group) in zip(np.atleast_1d(axes), runs.items(), strict=True):
        for seed, run in enumerate(group):
            ax.plot(*smoothed(run, window), label=f"seed {seed}")
        ax.set(title=name, xlabel="environment step")
    np.atleast_1d(axes)[0].set_ylabel(f"return ({window}-episode mean)")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "outputs") / "runs"
    runs: dict[str, list[Run]] = {}
    for file in sorted(folder.glob("*.json")):
        saved = json.loads(file.read_text())
        run = (np.array(saved["episode_end_steps"]), np.array(saved["episode_returns"]))
        runs.setdefault(saved["variant"], []).append(run)
    plot_side_by_side(runs, 20, Path("side_by_side.png"))
    print(f"saved side_by_side.png: {', '.join(runs)}")
