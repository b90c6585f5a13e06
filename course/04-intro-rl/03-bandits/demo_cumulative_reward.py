"""Demo 4: cumulative reward and regret of four strategies, averaged over many runs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tyro

from rlcourse.agents.bandits import (
    BernoulliBandit,
    Policy,
    epsilon_greedy,
    mean_and_half_width,
    simulate,
    strategy_rng,
    thompson_sampling,
    ucb1,
)
from rlcourse.seeding import seed_everything

EPSILONS = (0.1, 0.01)
STRATEGIES: dict[str, Policy] = {
    **{f"ε-greedy, ε = {epsilon:g}": epsilon_greedy(epsilon) for epsilon in EPSILONS},
    "UCB1": ucb1,
    "Thompson sampling": thompson_sampling,
}


@dataclass(frozen=True)
class Config:
    means: tuple[float, ...] = (0.45, 0.25, 0.70, 0.55, 0.60)
    steps: int = 20_000  # pulls per run, T
    runs: int = 1000  # independent runs per strategy
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Curves:
    """Mean over runs and 1.96-standard-error half width, at each step t = 1..T."""

    reward: np.ndarray  # (steps,) cumulative reward Σ_{s<=t} R_s
    reward_half_width: np.ndarray
    regret: np.ndarray  # (steps,) cumulative regret Σ_{s<=t} Δ(A_s)
    regret_half_width: np.ndarray


@dataclass(frozen=True)
class StrategySummary:
    name: str
    final_reward: float
    final_reward_half_width: float
    regret_at_checkpoints: list[float]
    regret_half_width_at_checkpoints: list[float]
    late_regret_per_step: float  # (regret at T - regret at T/2) / (T/2): the late slope


@dataclass(frozen=True)
class Result:
    steps: int
    runs: int
    best_arm_total: float  # T q*: the expected total of always pulling the best arm
    mean_gap: float  # average of Δ(a) over all arms: what a uniformly random pull costs
    exploration_costs: list[float]  # ε × mean_gap for each ε in EPSILONS
    checkpoints: list[int]
    strategies: list[StrategySummary]
    figure: str


# --8<-- [start:curves]
def strategy_curves(bandit: BernoulliBandit, cfg: Config) -> dict[str, Curves]:
    """Each strategy's cumulative reward and regret, mean and band over cfg.runs runs."""
    results: dict[str, Curves] = {}
    for name, policy in STRATEGIES.items():
        rng = strategy_rng(cfg.seed, name)
        history = simulate(bandit, policy, cfg.steps, cfg.runs, rng, name)
        cumulative_reward = np.cumsum(history.rewards, axis=1, dtype=np.float64)  # (runs, steps)
        reward, reward_half_width = mean_and_half_width(cumulative_reward)
        regret, regret_half_width = mean_and_half_width(history.regret(bandit))
        results[name] = Curves(reward, reward_half_width, regret, regret_half_width)
    return results


def late_slope(regret: np.ndarray) -> float:
    """Regret added per step over the second half of the run, from a (steps,) mean curve."""
    half = len(regret) // 2
    return float((regret[-1] - regret[half - 1]) / (len(regret) - half))


# --8<-- [end:curves]


def checkpoints_for(steps: int) -> list[int]:
    """Steps 10, 100, 1000, ... below ``steps``, then ``steps`` itself."""
    powers = [10**i for i in range(1, len(str(steps)))]
    return [t for t in powers if t < steps] + [steps]


def plot_curves(
    bandit: BernoulliBandit, results: dict[str, Curves], steps: int, path: Path
) -> None:
    t = np.arange(1, steps + 1)
    fig, (ax_reward, ax_regret) = plt.subplots(1, 2, figsize=(11, 4.2), dpi=100)
    # The reward curves almost coincide at full scale; the inset zooms on the last tenth.
    zoom = ax_reward.inset_axes((0.55, 0.08, 0.42, 0.42))
    last_tenth = slice(steps - steps // 10, steps)
    for ax, part in ((ax_reward, slice(0, steps)), (zoom, last_tenth)):
        ax.plot(t[part], bandit.best_mean * t[part], "k--", label="always the best arm: t q*")
        for name, c in results.items():
            low, high = c.reward - c.reward_half_width, c.reward + c.reward_half_width
            ax.plot(t[part], c.reward[part], label=name)
            ax.fill_between(t[part], low[part], high[part], alpha=0.3)
    zoom.tick_params(labelsize="x-small")
    ax_reward.indicate_inset_zoom(zoom, edgecolor="gray")
    ax_reward.set(title="Cumulative reward", xlabel="step t", ylabel="Σ R (mean over runs)")
    ax_reward.legend(loc="upper left", fontsize="small")
    for name, c in results.items():
        ax_regret.plot(t, c.regret, label=name)
        ax_regret.fill_between(
            t, c.regret - c.regret_half_width, c.regret + c.regret_half_width, alpha=0.3
        )
    ax_regret.set(
        title="Cumulative regret",
        xlabel="step t (log scale)",
        ylabel="Σ Δ(A) (mean over runs)",
        xscale="log",
    )
    ax_regret.legend(loc="upper left", fontsize="small")
    fig.suptitle("Mean over runs, bands ± 1.96 standard errors", fontsize="small")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def print_row(label: str, cells: list[str]) -> None:
    print(f"{label:>8}" + "".join(f"{cell:>20}" for cell in cells))


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    seed_everything(cfg.seed)
    bandit = BernoulliBandit(np.array(cfg.means))
    results = strategy_curves(bandit, cfg)
    checkpoints = checkpoints_for(cfg.steps)
    index = np.array(checkpoints) - 1  # step t is entry t - 1
    summaries = [
        StrategySummary(
            name=name,
            final_reward=float(c.reward[-1]),
            final_reward_half_width=float(c.reward_half_width[-1]),
            regret_at_checkpoints=c.regret[index].tolist(),
            regret_half_width_at_checkpoints=c.regret_half_width[index].tolist(),
            late_regret_per_step=late_slope(c.regret),
        )
        for name, c in results.items()
    ]

    print(f"{cfg.runs} runs of T = {cfg.steps} pulls; means ± 1.96 standard errors")
    best_arm_total = cfg.steps * bandit.best_mean
    print(f"always pulling the best arm collects T q* = {best_arm_total:.0f} on average")
    print_row("", [s.name for s in summaries])
    print_row(
        "reward", [f"{s.final_reward:.1f} ± {s.final_reward_half_width:.1f}" for s in summaries]
    )
    print("regret after t pulls:")
    for i, t in enumerate(checkpoints):
        print_row(
            str(t),
            [
                f"{s.regret_at_checkpoints[i]:.1f} ± {s.regret_half_width_at_checkpoints[i]:.1f}"
                for s in summaries
            ],
        )
    print("regret added per step over the second half:")
    print_row("", [f"{s.late_regret_per_step:.4f}" for s in summaries])
    mean_gap = float(bandit.gaps.mean())
    costs = [epsilon * mean_gap for epsilon in EPSILONS]
    print(f"mean gap {mean_gap:.2f}; exploring alone costs ε × mean gap per step:")
    for epsilon, cost in zip(EPSILONS, costs, strict=True):
        print(f"ε = {epsilon:g}: {cost:.4f}")

    figure = cfg.out_dir / "cumulative_reward.png"
    plot_curves(bandit, results, cfg.steps, figure)
    return Result(
        cfg.steps, cfg.runs, best_arm_total, mean_gap, costs, checkpoints, summaries, figure.name
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
