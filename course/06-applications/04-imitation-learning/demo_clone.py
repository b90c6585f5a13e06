"""Demo 2 of Part 6.4: behavioural cloning from demonstrations of several lengths, and the
compounding error: the clone agrees with the expert on the expert's states far more often
than on the states it reaches itself."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro
from tqdm import tqdm

from imitation import (
    CloneSettings,
    Player,
    agreement,
    evaluate,
    network_policy,
    scripted_expert,
    train_clone,
)
from rlcourse.stats import mean_and_standard_error


@dataclass(frozen=True)
class Config:
    budgets: tuple[int, ...] = (25, 50, 100, 200, 500)  # demonstration lengths, in steps
    seeds: tuple[int, ...] = (0, 1, 2)
    eval_episodes: int = 100
    probe_steps: int = 500  # steps the clone plays while the expert labels its states
    gradient_steps: int = CloneSettings.gradient_steps
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    mean_return: list[float]  # per budget, mean over seeds of the mean over eval_episodes
    standard_error: list[float]  # over seeds
    agreement_expert_states: list[float]  # per budget, mean over seeds
    agreement_own_states: list[float]
    outside_fraction: list[float]  # share of the clone's states with |x| beyond the demo's


@dataclass(frozen=True)
class Measurement:
    mean_return: float
    on_expert_states: float  # agreement with the expert on held-out expert states
    on_own_states: float  # agreement with the expert on the states the clone visits
    outside: float  # share of the clone's states whose |x| exceeds every demonstrated |x|
    own_positions: np.ndarray  # (probe_steps,) cart position x while the clone plays


# --8<-- [start:measure]
def measure(budget: int, seed: int, cfg: Config) -> Measurement:
    demo = Player(seed).play(scripted_expert, scripted_expert, budget)  # expert's first steps
    clone = network_policy(
        train_clone(demo, CloneSettings(gradient_steps=cfg.gradient_steps), seed)
    )
    returns = evaluate(clone, cfg.eval_episodes, seed=1000 + seed)
    # Both data sets are labelled by the expert; only who drives the cart differs.
    expert_states = Player(2000 + seed).play(scripted_expert, scripted_expert, cfg.probe_steps)
    own_states = Player(3000 + seed).play(clone, scripted_expert, cfg.probe_steps)
    widest = np.abs(demo.states[:, 0]).max()  # the farthest the demonstration took the cart
    return Measurement(
        mean_return=float(returns.mean()),
        on_expert_states=agreement(clone, expert_states),
        on_own_states=agreement(clone, own_states),
        outside=float((np.abs(own_states.states[:, 0]) > widest).mean()),
        own_positions=own_states.states[:, 0],
    )


# --8<-- [end:measure]


def main(cfg: Config) -> Result:
    torch.set_num_threads(1)  # a small network: a second thread adds overhead, not speed
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    runs = [[measure(b, s, cfg) for s in cfg.seeds] for b in tqdm(cfg.budgets, "budgets")]
    print(
        "steps shown | return (mean ± s.e. over seeds) | agrees on expert's states | on own"
        " | |x| outside demo"
    )
    summary: dict[str, list[float]] = {key: [] for key in ("mean", "se", "expert", "own", "out")}
    for budget, seeds in zip(cfg.budgets, runs, strict=True):
        mean, se = mean_and_standard_error([m.mean_return for m in seeds])
        rows = {
            "mean": mean,
            "se": se,
            "expert": float(np.mean([m.on_expert_states for m in seeds])),
            "own": float(np.mean([m.on_own_states for m in seeds])),
            "out": float(np.mean([m.outside for m in seeds])),
        }
        for key, value in rows.items():
            summary[key].append(value)
        print(
            f"{budget:11d} | {mean:7.1f} ± {se:5.1f}{'':17} | {rows['expert']:25.1%} | "
            f"{rows['own']:6.1%} | {rows['out']:.1%}"
        )
    plot(cfg, runs, summary, cfg.out_dir / "compounding_error.png")
    return Result(
        mean_return=summary["mean"],
        standard_error=summary["se"],
        agreement_expert_states=summary["expert"],
        agreement_own_states=summary["own"],
        outside_fraction=summary["out"],
    )


def plot(
    cfg: Config, runs: list[list[Measurement]], summary: dict[str, list[float]], path: Path
) -> None:
    fig, (agree_ax, drift_ax) = plt.subplots(1, 2, figsize=(11, 4.2), dpi=110)
    agree_ax.plot(cfg.budgets, summary["expert"], "o-", label="on the expert's states")
    agree_ax.plot(cfg.budgets, summary["own"], "s-", label="on the clone's own states")
    agree_ax.set(xscale="log", xlabel="length of the demonstration (steps)", ylim=(0.4, 1.0))
    agree_ax.set(ylabel="agreement with the expert", xticks=cfg.budgets, xticklabels=cfg.budgets)
    agree_ax.minorticks_off()
    agree_ax.set_title(f"Clone vs expert, mean over {len(cfg.seeds)} seeds")
    agree_ax.legend(loc="lower right")
    expert_positions = Player(2000).play(scripted_expert, scripted_expert, cfg.probe_steps)
    drift_ax.plot(expert_positions.states[:, 0], color="black", label="expert")
    for i, budget in enumerate(cfg.budgets[:2]):
        drift_ax.plot(runs[i][0].own_positions, color=f"C{i + 2}", label=f"clone of {budget} steps")
    drift_ax.axhspan(-2.4, -2.6, color="red", alpha=0.2)
    drift_ax.axhspan(2.4, 2.6, color="red", alpha=0.2, label="out of bounds")
    drift_ax.set(xlabel="time step (episodes restart when they end)", ylabel="cart position x")
    drift_ax.set_title(f"Where the cart goes (seed {cfg.seeds[0]})")
    drift_ax.legend(loc="lower left")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
