"""Demo 3: UCB1 and Thompson sampling on the same bandit, one run up close and many runs."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tyro
from matplotlib.axes import Axes

from rlcourse.agents.bandits import (
    ArmStatistics,
    BernoulliBandit,
    Policy,
    mean_and_half_width,
    simulate,
    strategy_rng,
    thompson_sampling,
    ucb1,
)
from rlcourse.seeding import seed_everything

STRATEGIES: dict[str, Policy] = {"UCB1": ucb1, "Thompson sampling": thompson_sampling}


@dataclass(frozen=True)
class Config:
    means: tuple[float, ...] = (0.45, 0.25, 0.70, 0.55, 0.60)
    steps: int = 20_000  # pulls per run, T
    runs: int = 1000  # independent runs per strategy
    snapshot_steps: int = 200  # the single run drawn up close stops here
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class StrategySummary:
    regret: float  # mean over runs of the regret after T pulls
    regret_half_width: float  # 1.96 standard errors of that mean
    mean_pulls: list[float]  # mean over runs of N_T(a), per arm
    snapshot_counts: list[int]  # N(a) of the single run after snapshot_steps pulls


@dataclass(frozen=True)
class Result:
    steps: int
    runs: int
    ucb1: StrategySummary
    thompson: StrategySummary
    difference: float  # UCB1's mean regret minus Thompson's
    difference_half_width: float  # 1.96 standard errors of the difference
    ucb1_bound: float  # Auer et al.'s upper bound on UCB1's expected regret after T pulls
    figures: list[str]


def ucb1_regret_bound(bandit: BernoulliBandit, steps: int) -> float:
    """Σ_{a: Δ>0} 8 ln T / Δ(a) + (1 + π²/3) Σ_a Δ(a) (Auer, Cesa-Bianchi and Fischer, 2002)."""
    gaps = bandit.gaps[bandit.gaps > 0]
    return float(np.sum(8 * math.log(steps) / gaps) + (1 + math.pi**2 / 3) * np.sum(gaps))


def beta_density(x: np.ndarray, alpha: float, beta: float) -> np.ndarray:
    """Density of Beta(alpha, beta) at x in (0, 1): x^(α-1) (1-x)^(β-1) / B(α, β)."""
    log_norm = math.lgamma(alpha) + math.lgamma(beta) - math.lgamma(alpha + beta)  # ln B(α, β)
    return np.exp((alpha - 1) * np.log(x) + (beta - 1) * np.log1p(-x) - log_norm)


def draw_ucb_snapshot(ax: Axes, bandit: BernoulliBandit, stats: ArmStatistics, pulls: int) -> None:
    arms = np.arange(bandit.n_arms)
    counts, values = stats.counts[0], stats.values[0]  # the single run
    bonus = np.sqrt(2 * math.log(pulls) / counts)
    ax.bar(arms, bonus, bottom=values, width=0.5, color="#c6dbef", label="bonus √(2 ln t / N)")
    ax.scatter(arms, values, color="#08519c", zorder=3, label="Q(a)")
    ax.scatter(arms, bandit.means, color="black", marker="x", zorder=3, label="q*(a)")
    for arm in range(bandit.n_arms):
        ax.text(arm, values[arm] + bonus[arm] + 0.02, f"N={counts[arm]}", ha="center")
    ax.set(title=f"UCB1 after {pulls} pulls", xlabel="arm", ylabel="value", xticks=arms)
    ax.set_ylim(0, 1.5)  # room above the bars for the counts and the legend
    ax.legend(loc="upper center", ncols=3, fontsize="small")


def draw_posteriors(ax: Axes, bandit: BernoulliBandit, stats: ArmStatistics, pulls: int) -> None:
    x = np.linspace(0.001, 0.999, 500)
    successes = stats.counts[0] * stats.values[0]
    failures = stats.counts[0] - successes
    for arm in range(bandit.n_arms):
        color = f"C{arm}"
        density = beta_density(x, 1 + successes[arm], 1 + failures[arm])
        ax.plot(x, density, color=color, label=f"arm {arm} (N={stats.counts[0, arm]})")
        ax.axvline(bandit.means[arm], color=color, linestyle=":")
    ax.set(
        title=f"Thompson sampling after {pulls} pulls: Beta posteriors",
        xlabel="θ (dotted: q*(a))",
        ylabel="posterior density",
    )
    ax.legend(loc="upper left", fontsize="small")


def plot_pulls(bandit: BernoulliBandit, summaries: dict[str, StrategySummary], path: Path) -> None:
    arms = np.arange(bandit.n_arms)
    fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
    width = 0.8 / len(summaries)
    for i, (name, summary) in enumerate(summaries.items()):
        ax.bar(arms + (i - 0.5) * width, summary.mean_pulls, width=width, label=name)
    ax.set(
        yscale="log",
        xticks=arms,
        xlabel="arm (best: " + str(bandit.best_arm) + ")",
        ylabel="mean number of pulls N_T(a)",
        title="Where the pulls went",
    )
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


# --8<-- [start:play]
def play(bandit: BernoulliBandit, name: str, cfg: Config) -> tuple[np.ndarray, np.ndarray]:
    """cfg.runs independent runs of one strategy: the regret of each run after T pulls,
    shape (runs,), and its pull counts N_T(a), shape (runs, k)."""
    rng = strategy_rng(cfg.seed, name)
    history = simulate(bandit, STRATEGIES[name], cfg.steps, cfg.runs, rng, name)
    return history.regret(bandit)[:, -1], history.final.counts


def compare(a: StrategySummary, b: StrategySummary) -> tuple[float, float]:
    """a's mean regret minus b's, and its 95% half width."""
    # The runs of the two strategies are independent, so the variances of the means add.
    return a.regret - b.regret, math.hypot(a.regret_half_width, b.regret_half_width)


# --8<-- [end:play]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    seed_everything(cfg.seed)
    bandit = BernoulliBandit(np.array(cfg.means))

    # One run of each strategy, stopped early, to see what each one bases its choice on.
    snapshots = {
        name: simulate(bandit, policy, cfg.snapshot_steps, 1, strategy_rng(cfg.seed, name))
        for name, policy in STRATEGIES.items()
    }
    fig, (ax_ucb, ax_thompson) = plt.subplots(1, 2, figsize=(11, 4), dpi=100)
    draw_ucb_snapshot(ax_ucb, bandit, snapshots["UCB1"].final, cfg.snapshot_steps)
    draw_posteriors(ax_thompson, bandit, snapshots["Thompson sampling"].final, cfg.snapshot_steps)
    fig.tight_layout()
    snapshot_figure = cfg.out_dir / "ucb_thompson_snapshot.png"
    fig.savefig(snapshot_figure)
    plt.close(fig)

    summaries: dict[str, StrategySummary] = {}
    for name in STRATEGIES:
        final_regrets, counts = play(bandit, name, cfg)
        regret, half_width = mean_and_half_width(final_regrets)
        summaries[name] = StrategySummary(
            regret=float(regret),
            regret_half_width=float(half_width),
            mean_pulls=counts.mean(axis=0).tolist(),
            snapshot_counts=snapshots[name].final.counts[0].tolist(),
        )
    ucb, thompson = summaries["UCB1"], summaries["Thompson sampling"]
    difference, difference_half_width = compare(ucb, thompson)

    print(f"{cfg.runs} runs of T = {cfg.steps} pulls; best arm {bandit.best_arm}")
    print(f"{'':18} regret after T (± 1.96 SE)   mean N_T(a) for arms 0..{bandit.n_arms - 1}")
    for name, s in summaries.items():
        pulls = " ".join(f"{n:7.1f}" for n in s.mean_pulls)
        print(f"{name:18} {s.regret:10.1f} ± {s.regret_half_width:4.1f}             {pulls}")
    print(f"UCB1 - Thompson: {difference:.1f} ± {difference_half_width:.1f}")
    bound = ucb1_regret_bound(bandit, cfg.steps)
    print(f"UCB1's guaranteed upper bound on the expected regret at T: {bound:.0f}")

    pulls_figure = cfg.out_dir / "ucb_thompson_pulls.png"
    plot_pulls(bandit, summaries, pulls_figure)
    return Result(
        steps=cfg.steps,
        runs=cfg.runs,
        ucb1=ucb,
        thompson=thompson,
        difference=difference,
        difference_half_width=difference_half_width,
        ucb1_bound=bound,
        figures=[snapshot_figure.name, pulls_figure.name],
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
