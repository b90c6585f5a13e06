"""Demo 3: the actor's and the critic's losses (and the policy's entropy) over training,
next to the episodes' returns, read back from the metrics.csv files Demo 2 wrote: five
seeds, and one of them again with a single step size for both networks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tyro
from matplotlib.ticker import FuncFormatter

from demo_train import one_step_size_dir, run_dir
from rlcourse.curves import moving_average
from rlcourse.metrics import read_metrics

SOLVED = 475.0  # CartPole-v1's reward threshold


@dataclass(frozen=True)
class Config:
    seeds: tuple[int, ...] = (0, 1, 2, 3, 4)  # Demo 2's runs
    one_step_size_seed: int = 4  # Demo 2's run with one step size for both networks
    window: int = 50  # updates (or episodes) in each moving average
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    runs: list[str]  # the seeds, then the run with one step size; every list follows this order
    first_solved_step: list[int]  # first step where the window's mean return reached 475; -1: never
    critic_loss_peak_step: list[int]  # the step where the smoothed critic loss was largest
    critic_loss_peak: list[float]
    critic_loss_final: list[float]  # smoothed, at the end
    actor_loss_mean: list[float]  # over all updates
    actor_loss_std: list[float]
    entropy_start: list[float]  # smoothed, first and last window
    entropy_final: list[float]


def smoothed(steps: list[int], values: list[float], window: int) -> tuple[np.ndarray, np.ndarray]:
    """The moving average of ``values`` and the step of the last value each mean includes."""
    return np.array(steps[window - 1 :]), moving_average(values, window)


# --8<-- [start:losses]
def main(cfg: Config) -> Result:
    fig, axes = plt.subplots(2, 2, figsize=(11, 7), dpi=110, sharex=True)
    names = [("episode_return", axes[0, 0]), ("critic_loss", axes[0, 1])]
    names += [("actor_loss", axes[1, 0]), ("entropy", axes[1, 1])]
    runs = {f"seed {seed}": run_dir(cfg.out_dir, seed) for seed in cfg.seeds}
    single = f"seed {cfg.one_step_size_seed}, one step size"
    runs[single] = one_step_size_dir(cfg.out_dir, cfg.one_step_size_seed)
    curves: dict[str, list[tuple[np.ndarray, np.ndarray]]] = {name: [] for name, _ in names}
    for i, (label, folder) in enumerate(runs.items()):
        metrics = read_metrics(folder)  # name -> (steps, values)
        style = {"color": "black", "linestyle": ":"} if label == single else {"color": f"C{i}"}
        for name, ax in names:
            steps, values = metrics[name]
            x, y = smoothed(steps, values, cfg.window)
            ax.plot(x, y, linewidth=1, label=label, **style)
            curves[name].append((x, y))
    # --8<-- [end:losses]
    titles = {
        "episode_return": "Episode return (mean of 50 episodes)",
        "critic_loss": "Critic: squared error against the targets",
        "actor_loss": "Actor: policy loss",
        "entropy": "Entropy of the policy (nats)",
    }
    for name, ax in names:
        ax.set_title(titles[name])
        ax.set_ylabel(name.replace("_", " "))
    axes[0, 0].axhline(SOLVED, color="black", linestyle="--", linewidth=1, label="475")
    axes[0, 1].set_yscale("log")
    axes[1, 0].axhline(0.0, color="black", linewidth=0.8)
    for ax in axes[1]:
        ax.set_xlabel("environment step")
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x / 1000:.0f}k"))
    # Below the panels: every part of every panel holds some run's curve.
    handles, labels = axes[0, 0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=len(labels), fontsize="small")
    fig.suptitle(f"A2C on CartPole-v1, {len(runs)} runs: moving averages of {cfg.window}")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    fig.savefig(cfg.out_dir / "losses.png")
    plt.close(fig)

    first = []
    for x, y in curves["episode_return"]:
        reached = np.flatnonzero(y >= SOLVED)
        first.append(int(x[reached[0]]) if reached.size else -1)
    peaks = [int(np.argmax(y)) for _, y in curves["critic_loss"]]
    result = Result(
        runs=list(runs),
        first_solved_step=first,
        critic_loss_peak_step=[
            int(x[p]) for (x, _), p in zip(curves["critic_loss"], peaks, strict=True)
        ],
        critic_loss_peak=[
            float(y[p]) for (_, y), p in zip(curves["critic_loss"], peaks, strict=True)
        ],
        critic_loss_final=[float(y[-1]) for _, y in curves["critic_loss"]],
        actor_loss_mean=[],
        actor_loss_std=[],
        entropy_start=[float(y[0]) for _, y in curves["entropy"]],
        entropy_final=[float(y[-1]) for _, y in curves["entropy"]],
    )
    for folder in runs.values():
        actor = np.array(read_metrics(folder)["actor_loss"][1])
        result.actor_loss_mean.append(float(actor.mean()))
        result.actor_loss_std.append(float(actor.std()))
    for i, label in enumerate(runs):
        solved = "never" if first[i] < 0 else f"at step {first[i]:,}"
        print(
            f"{label}: mean return reached 475 {solved} | critic loss peak "
            f"{result.critic_loss_peak[i]:.1f} at step {result.critic_loss_peak_step[i]:,}, "
            f"final {result.critic_loss_final[i]:.2f} | actor loss {result.actor_loss_mean[i]:+.4f}"
            f" ± {result.actor_loss_std[i]:.4f} | entropy {result.entropy_start[i]:.3f} -> "
            f"{result.entropy_final[i]:.3f}"
        )
    return result


if __name__ == "__main__":
    main(tyro.cli(Config))
