"""Demo 4 of Part 6.3: portfolio value over time of the agents Demo 3 trained, next to a
random policy and buy-and-hold, on a few held-out paths; the distribution of final values
over all of them; and where the mean-reverting agents choose to be invested."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro

from rlcourse.devices import choose_device
from rlcourse.envs.trading import Process
from rlcourse.stats import mean_and_standard_error
from strategies import (
    Episode,
    agent_policy,
    buy_and_hold,
    final_values,
    held_out,
    random_policy,
    trained_trader,
)

PROCESSES: tuple[Process, ...] = ("random_walk", "mean_reverting")
COLOURS = {"DQN agent": "tab:green", "random": "tab:red", "buy and hold": "tab:blue"}


@dataclass(frozen=True)
class Config:
    seeds: tuple[int, ...] = (0, 1, 2)  # Demo 3's runs, read back from out_dir/runs
    total_steps: int = 20_000
    paths: int = 500  # held-out paths for the distributions (Demo 3's)
    shown_paths: int = 3  # paths drawn step by step
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    # Per process, [mean, standard error] over seeds: the share of held-out paths on which
    # the agent ends above the random policy, and above buy-and-hold.
    beats_random: dict[str, list[float]]
    beats_buy_and_hold: dict[str, list[float]]
    # Mean-reverting paths: the share of steps the agents spend invested when the price is
    # more than 1% below its mean, and when it is above it ([mean, standard error] over seeds).
    invested_below: list[float]
    invested_above: list[float]


# --8<-- [start:compare]
def share_above(mine: np.ndarray, theirs: np.ndarray) -> float:
    """The share of paths on which ``mine`` ends strictly above ``theirs``: both are
    (paths, steps + 1) values on the same paths."""
    return float(np.mean(mine[:, -1] > theirs[:, -1]))


def invested_share(episodes: list[Episode], below: bool) -> float:
    """The share of steps spent invested when 100 * log(P_t / 100) < -1 (``below``), or > 0."""
    levels = np.concatenate([100 * np.log(e.prices[:-1] / 100.0) for e in episodes])
    positions = np.concatenate([e.positions for e in episodes])
    chosen = levels < -1.0 if below else levels > 0.0
    return float(positions[chosen].mean())


# --8<-- [end:compare]


def main(cfg: Config) -> Result:
    torch.set_num_threads(1)
    device = choose_device()
    runs: dict[str, dict[str, list[Episode]]] = {}
    beats_random, beats_hold = {}, {}
    below, above = [], []
    for process in PROCESSES:
        agents = [
            held_out(
                agent_policy(
                    trained_trader(process, seed, cfg.total_steps, cfg.out_dir, device).network
                ),
                process,
                cfg.paths,
            )
            for seed in cfg.seeds
        ]
        runs[process] = {
            "DQN agent": [episode for episodes in agents for episode in episodes],
            "random": held_out(random_policy(seed=0), process, cfg.paths),
            "buy and hold": held_out(buy_and_hold, process, cfg.paths),
        }
        values = {
            name: np.stack([e.values for e in episodes]) for name, episodes in runs[process].items()
        }
        per_seed = [np.stack([e.values for e in episodes]) for episodes in agents]
        beats_random[process] = list(
            mean_and_standard_error([share_above(v, values["random"]) for v in per_seed])
        )
        beats_hold[process] = list(
            mean_and_standard_error([share_above(v, values["buy and hold"]) for v in per_seed])
        )
        print(
            f"{process}: the agents end above random on {beats_random[process][0]:.2f} ± "
            f"{beats_random[process][1]:.2f} of the paths, above buy-and-hold on "
            f"{beats_hold[process][0]:.2f} ± {beats_hold[process][1]:.2f}"
        )
        if process == "mean_reverting":
            below = [invested_share(episodes, below=True) for episodes in agents]
            above = [invested_share(episodes, below=False) for episodes in agents]
    below_stats, above_stats = mean_and_standard_error(below), mean_and_standard_error(above)
    print(
        f"mean_reverting: invested {below_stats[0]:.2f} ± {below_stats[1]:.2f} of the steps "
        f"when the price is over 1% below its mean, {above_stats[0]:.2f} ± {above_stats[1]:.2f} "
        "when it is above"
    )
    plot_value_paths(runs, cfg)
    plot_final_values(runs, cfg)
    return Result(beats_random, beats_hold, list(below_stats), list(above_stats))


def plot_value_paths(runs: dict[str, dict[str, list[Episode]]], cfg: Config) -> None:
    """One row per process, one column per held-out path: each strategy's value over time.
    The agent drawn is seed 0's (its episodes come first)."""
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, axes = plt.subplots(
        len(runs),
        cfg.shown_paths,
        figsize=(4 * cfg.shown_paths, 6.4),
        dpi=100,
        sharex=True,
        squeeze=False,
        layout="constrained",
    )
    for row, (process, strategies) in enumerate(runs.items()):
        for column in range(cfg.shown_paths):
            ax = axes[row, column]
            for name, episodes in strategies.items():
                values = episodes[column].values
                ax.plot(np.arange(len(values)), values, color=COLOURS[name], label=name)
            ax.axhline(1.0, color="gray", linewidth=0.6)
            ax.set_title(f"{process.replace('_', '-')}, held-out path {column}")
            ax.set_xlabel("step t")
        axes[row, 0].set_ylabel("portfolio value (start 1.0)")
    fig.legend(*axes[0, 0].get_legend_handles_labels(), loc="outside lower center", ncols=3)
    fig.suptitle("Portfolio value over time: DQN agent (seed 0), random policy, buy-and-hold")
    fig.savefig(cfg.out_dir / "portfolio_values.png")
    plt.close(fig)


def plot_final_values(runs: dict[str, dict[str, list[Episode]]], cfg: Config) -> None:
    fig, axes = plt.subplots(1, len(runs), figsize=(11, 3.8), dpi=100, layout="constrained")
    for ax, (process, strategies) in zip(axes, runs.items(), strict=True):
        finals = {name: final_values(episodes) for name, episodes in strategies.items()}
        bins = np.linspace(
            min(f.min() for f in finals.values()), max(f.max() for f in finals.values()), 40
        )
        for name, values in finals.items():
            ax.hist(
                values,
                bins=bins,
                density=True,
                histtype="step",
                linewidth=1.5,
                color=COLOURS[name],
                label=f"{name} (mean {values.mean():.3f})",
            )
        ax.axvline(1.0, color="gray", linestyle="--", linewidth=1)
        ax.set_title(f"{process.replace('_', '-')}: final values, held-out paths")
        ax.set_xlabel("final portfolio value")
        ax.set_ylabel("density")
        ax.legend(loc="upper left", fontsize=8)
    fig.savefig(cfg.out_dir / "final_values.png")
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
