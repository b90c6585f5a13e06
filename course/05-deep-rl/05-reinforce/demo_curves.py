"""Demo 3: the total reward of every training episode and its smoothed average, read back
from the metrics.csv files Demo 2 wrote."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tyro

from demo_train import run_dir
from rlcourse.curves import moving_average
from rlcourse.metrics import read_metrics

SOLVED = 475.0  # CartPole-v1's reward threshold


@dataclass(frozen=True)
class Config:
    seeds: tuple[int, ...] = (0, 1, 2, 3, 4)  # Demo 2's runs
    window: int = 20  # episodes in the moving average
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    first_solved_episode: list[int]  # first episode whose moving average reached 475; -1: never
    final_average: list[float]  # moving average of the last `window` episodes
    lowest_after_solved: list[float]  # the moving average's minimum after it first reached 475


# --8<-- [start:curves]
def main(cfg: Config) -> Result:
    fig, (returns_ax, loss_ax) = plt.subplots(1, 2, figsize=(11, 4), dpi=110)
    first, final, lowest = [], [], []
    for i, seed in enumerate(cfg.seeds):
        metrics = read_metrics(run_dir(cfg.out_dir, seed))  # name -> (steps, values)
        returns = np.array(metrics["episode_return"][1])
        smooth = moving_average(returns, cfg.window)  # entry i ends at episode i + window
        episodes = np.arange(1, len(returns) + 1)
        returns_ax.plot(episodes, returns, color=f"C{i}", alpha=0.25, linewidth=0.7)
        returns_ax.plot(episodes[cfg.window - 1 :], smooth, color=f"C{i}", label=f"seed {seed}")
        steps, value_losses = metrics["value_loss"]
        loss_ax.plot(steps, value_losses, color=f"C{i}", linewidth=0.7, label=f"seed {seed}")
        reached = np.flatnonzero(smooth >= SOLVED)
        first.append(int(reached[0]) + cfg.window if reached.size else -1)
        lowest.append(float(smooth[reached[0] :].min()) if reached.size else -1.0)
        final.append(float(smooth[-1]))
    # --8<-- [end:curves]
    returns_ax.axhline(SOLVED, color="black", linestyle="--", linewidth=1, label="475")
    returns_ax.set(xlabel="episode", ylabel="total reward of the episode", ylim=(0, 520))
    returns_ax.set_title(f"REINFORCE on CartPole-v1: total reward, {cfg.window}-episode mean")
    returns_ax.legend(loc="upper left")
    loss_ax.set(xlabel="environment step", ylabel="value loss (mean squared error)", yscale="log")
    loss_ax.set_title("Baseline v(s): squared error against the returns")
    loss_ax.legend(loc="upper right")
    fig.tight_layout()
    fig.savefig(cfg.out_dir / "learning_curves.png")
    plt.close(fig)
    for seed, episode, average, low in zip(cfg.seeds, first, final, lowest, strict=True):
        reached = "never" if episode < 0 else f"at episode {episode}, lowest {low:.0f} after"
        print(
            f"seed {seed}: {cfg.window}-episode mean reached 475 {reached}; "
            f"last {cfg.window} episodes {average:.1f}"
        )
    return Result(first_solved_episode=first, final_average=final, lowest_after_solved=lowest)


if __name__ == "__main__":
    main(tyro.cli(Config))
