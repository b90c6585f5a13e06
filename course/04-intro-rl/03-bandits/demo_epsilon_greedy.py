"""Demo 2: epsilon-greedy with three values of epsilon, tracking which arms it selects."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tyro

from rlcourse.agents.bandits import (
    BernoulliBandit,
    History,
    epsilon_greedy,
    simulate,
    strategy_rng,
)
from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    means: tuple[float, ...] = (0.45, 0.25, 0.70, 0.55, 0.60)
    epsilons: tuple[float, ...] = (0.0, 0.01, 0.1)
    single_run_epsilon: float = 0.1  # the run played one pull at a time, by hand
    steps: int = 2000  # pulls per run
    runs: int = 2000  # independent runs per epsilon
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class EpsilonSummary:
    epsilon: float
    mean_pulls: list[float]  # average over runs of N(a) after the last step, per arm
    best_at_last_step: float  # fraction of runs whose last pull was the best arm
    best_most_pulled: float  # fraction of runs whose most-pulled arm is the best arm
    best_most_pulled_half_width: float  # 1.96 standard errors of that fraction


@dataclass(frozen=True)
class Result:
    steps: int
    runs: int
    one_run_counts: list[int]  # N(a) after the run by hand
    one_run_values: list[float]  # Q(a) after the run by hand
    greedy_lock_in_prediction: float  # q*(best) / Σ q*(a), see the post
    summaries: list[EpsilonSummary]
    figure: str


# --8<-- [start:loop]
def one_run(
    means: np.ndarray, epsilon: float, steps: int, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """One run of ε-greedy, one pull at a time: the final counts N(a) and estimates Q(a)."""
    k = len(means)
    counts = np.zeros(k, dtype=np.int64)  # N(a)
    values = np.zeros(k)  # Q(a), 0 before the first pull
    for _ in range(steps):
        if rng.random() < epsilon:
            arm = int(rng.integers(k))  # explore: a uniformly random arm
        else:
            greedy = np.flatnonzero(values == values.max())  # every arm tied for the top
            arm = int(rng.choice(greedy))  # exploit, ties broken at random
        reward = float(rng.random() < means[arm])  # pays 1 with probability q*(arm)
        counts[arm] += 1
        values[arm] += (reward - values[arm]) / counts[arm]  # Q <- Q + (R - Q) / N
    return counts, values


# --8<-- [end:loop]


# --8<-- [start:track]
def track(bandit: BernoulliBandit, epsilon: float, cfg: Config) -> tuple[History, np.ndarray]:
    """cfg.runs runs at once, and the (k, steps) fraction of runs that pulled arm a at step t."""
    name = f"epsilon-greedy {epsilon:g}"  # names this strategy's own random stream
    rng = strategy_rng(cfg.seed, name)
    history = simulate(bandit, epsilon_greedy(epsilon), cfg.steps, cfg.runs, rng)
    fractions = np.stack([(history.arms == arm).mean(axis=0) for arm in range(bandit.n_arms)])
    return history, fractions


# --8<-- [end:track]


def summarise(epsilon: float, arms: np.ndarray, counts: np.ndarray, best: int) -> EpsilonSummary:
    """Selections of one epsilon: arms (runs, steps) pulled, counts (runs, k) at the end."""
    runs = len(arms)
    most_pulled = float(np.mean(np.argmax(counts, axis=1) == best))
    return EpsilonSummary(
        epsilon=epsilon,
        mean_pulls=counts.mean(axis=0).tolist(),
        best_at_last_step=float(np.mean(arms[:, -1] == best)),
        best_most_pulled=most_pulled,
        # A fraction p of n independent runs has standard error sqrt(p (1 - p) / n).
        best_most_pulled_half_width=1.96 * float(np.sqrt(most_pulled * (1 - most_pulled) / runs)),
    )


def plot_selections(
    bandit: BernoulliBandit, fractions: list[np.ndarray], epsilons: tuple[float, ...], path: Path
) -> None:
    fig, axes = plt.subplots(1, len(epsilons), figsize=(11, 4.2), dpi=100, sharey=True)
    steps = np.arange(1, fractions[0].shape[1] + 1)
    labels = [f"arm {a} (q* = {q:.2f})" for a, q in enumerate(bandit.means)]
    colors = [f"C{arm}" for arm in range(bandit.n_arms)]  # matplotlib's default color cycle
    for ax, epsilon, fraction in zip(np.atleast_1d(axes), epsilons, fractions, strict=True):
        ax.stackplot(steps, fraction, labels=labels, colors=colors)
        ax.set(title=f"ε = {epsilon:g}", xlabel="step t", xscale="log", xlim=(1, steps[-1]))
        ax.set_ylim(0, 1)
    np.atleast_1d(axes)[0].set_ylabel("fraction of runs pulling each arm")
    handles, names = np.atleast_1d(axes)[0].get_legend_handles_labels()
    fig.legend(handles, names, loc="lower center", ncols=bandit.n_arms, fontsize="small")
    fig.tight_layout(rect=(0, 0.07, 1, 1))  # leave the bottom strip to the legend
    fig.savefig(path)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    rng = seed_everything(cfg.seed)
    bandit = BernoulliBandit(np.array(cfg.means))
    counts, values = one_run(bandit.means, cfg.single_run_epsilon, cfg.steps, rng)
    print(f"one run by hand, ε = {cfg.single_run_epsilon:g}, {cfg.steps} pulls:")
    print("arm  q*(a)     N(a)   Q(a)")
    for arm, (q, n, value) in enumerate(zip(bandit.means, counts, values, strict=True)):
        print(f"{arm:3d}  {q:.2f}   {n:6d}   {value:.3f}")

    summaries: list[EpsilonSummary] = []
    fractions: list[np.ndarray] = []
    for epsilon in cfg.epsilons:
        history, fraction = track(bandit, epsilon, cfg)
        summaries.append(summarise(epsilon, history.arms, history.final.counts, bandit.best_arm))
        fractions.append(fraction)

    print(f"\n{cfg.runs} runs of {cfg.steps} pulls; best arm {bandit.best_arm}")
    arms_header = f"mean pulls of arms 0..{bandit.n_arms - 1}"
    print(f"{'ε':>4}   {arms_header:<{7 * bandit.n_arms - 1}}   last pull best   most pulled best")
    for s in summaries:
        pulls = " ".join(f"{n:6.0f}" for n in s.mean_pulls)
        most = f"{s.best_most_pulled:.3f} ± {s.best_most_pulled_half_width:.3f}"
        print(f"{s.epsilon:4g}   {pulls}   {s.best_at_last_step:14.3f}   {most:>16}")
    lock_in = bandit.best_mean / bandit.means.sum()
    rule = f"q*({bandit.best_arm}) / Σ q*"
    print(f"greedy (ε = 0) locks onto the best arm with probability {rule} = {lock_in:.3f}")

    figure = cfg.out_dir / "epsilon_greedy_selections.png"
    plot_selections(bandit, fractions, cfg.epsilons, figure)
    return Result(
        steps=cfg.steps,
        runs=cfg.runs,
        one_run_counts=counts.tolist(),
        one_run_values=values.tolist(),
        greedy_lock_in_prediction=float(lock_in),
        summaries=summaries,
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
