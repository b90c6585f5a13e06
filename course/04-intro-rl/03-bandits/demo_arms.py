"""Demo 1: a five-armed Bernoulli bandit, its payout distributions, and how hard it is to rank."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tyro

from rlcourse.agents.bandits import BernoulliBandit
from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    means: tuple[float, ...] = (0.45, 0.25, 0.70, 0.55, 0.60)  # q*(a), unknown to the agent
    pulls_per_arm: int = 10_000  # to estimate each arm's payout distribution
    sessions: int = 10_000  # simulated short sessions of a few pulls per arm
    session_pulls: tuple[int, ...] = (5, 20, 100)  # pulls per arm in a short session
    plotted_session_pulls: int = 20  # the session length the violin plot shows
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    means: list[float]
    best_arm: int
    payout_frequencies: list[float]  # fraction of the pulls of each arm that paid 1
    payout_standard_errors: list[float]
    session_pulls: list[int]
    best_ranked_first: list[float]  # per session length: P(best arm has the top average)
    figure: str


# --8<-- [start:payouts]
def payout_samples(bandit: BernoulliBandit, pulls: int, rng: np.random.Generator) -> np.ndarray:
    """(k, pulls) rewards: row a holds ``pulls`` independent pulls of arm a."""
    arms = np.repeat(np.arange(bandit.n_arms)[:, None], pulls, axis=1)  # (k, pulls) arm indices
    return bandit.pull(arms, rng)


def session_averages(
    bandit: BernoulliBandit, pulls: int, sessions: int, rng: np.random.Generator
) -> np.ndarray:
    """(sessions, k) average payout of each arm over ``pulls`` pulls, in each session.

    The number of wins in n pulls of arm a is Binomial(n, q*(a)), so a session's
    average is one binomial draw divided by n: no need to simulate every pull.
    """
    return rng.binomial(pulls, bandit.means, size=(sessions, bandit.n_arms)) / pulls


def probability_best_ranked_first(averages: np.ndarray, best_arm: int) -> float:
    """Chance that a greedy choice on these averages, ties broken at random, picks best_arm."""
    is_max = averages == averages.max(axis=1, keepdims=True)  # (sessions, k)
    # With m arms tied for the top, a random tie-break picks the best one with chance 1/m.
    return float(np.mean(is_max[:, best_arm] / is_max.sum(axis=1)))


# --8<-- [end:payouts]


def plot_payouts(
    bandit: BernoulliBandit, frequencies: np.ndarray, averages: np.ndarray, pulls: int, path: Path
) -> None:
    arms = np.arange(bandit.n_arms)
    fig, (ax_pull, ax_session) = plt.subplots(1, 2, figsize=(10, 4), dpi=100)
    ax_pull.bar(arms, frequencies, color="#4c72b0", label="paid 1")
    ax_pull.bar(arms, 1 - frequencies, bottom=frequencies, color="#d9d9d9", label="paid 0")
    ax_pull.scatter(arms, bandit.means, color="black", marker="x", zorder=3, label="q*(a)")
    ax_pull.set(title="One pull: how often each arm paid", xlabel="arm", ylabel="fraction of pulls")
    ax_pull.set(xticks=arms, ylim=(0, 1.15))  # headroom for the legend above the bars
    ax_pull.legend(loc="upper center", ncols=3, fontsize="small")

    # The average of n pulls takes the values 0, 1/n, ..., 1: one horizontal bar per value,
    # centred on the arm, as wide as the fraction of sessions that gave it (a discrete violin).
    values = np.arange(pulls + 1) / pulls
    for arm in arms:
        counts = np.array([np.sum(np.isclose(averages[:, arm], v)) for v in values])
        widths = 4.0 * counts / len(averages)  # 4: a fraction of 0.2 spans most of an arm's slot
        ax_session.barh(values, widths, height=0.8 / pulls, left=arm - widths / 2, color="#4c72b0")
    ax_session.scatter(arms, bandit.means, color="black", marker="x", zorder=3, label="q*(a)")
    ax_session.set(
        title=f"Average payout of {pulls} pulls, over many sessions",
        xlabel="arm",
        ylabel="average payout",
        ylim=(0, 1),
    )
    ax_session.set(xticks=arms)
    ax_session.legend(loc="upper left", fontsize="small")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    rng = seed_everything(cfg.seed)
    bandit = BernoulliBandit(np.array(cfg.means))

    payouts = payout_samples(bandit, cfg.pulls_per_arm, rng)  # (k, pulls) of 0.0 and 1.0
    frequencies = payouts.mean(axis=1)
    # Standard error of a fraction of n independent 0/1 payouts: sqrt(p (1 - p) / n).
    standard_errors = np.sqrt(frequencies * (1 - frequencies) / cfg.pulls_per_arm)
    print(f"{cfg.pulls_per_arm} pulls of each arm:")
    print("arm  q*(a)  fraction that paid 1 ± standard error")
    for arm, (q, freq, se) in enumerate(
        zip(bandit.means, frequencies, standard_errors, strict=True)
    ):
        print(f"{arm:3d}  {q:.2f}   {freq:.4f} ± {se:.4f}")

    print(f"\nbest arm: {bandit.best_arm}; {cfg.sessions} sessions of n pulls of every arm:")
    ranked_first: list[float] = []
    for pulls in cfg.session_pulls:
        averages = session_averages(bandit, pulls, cfg.sessions, rng)
        ranked_first.append(probability_best_ranked_first(averages, bandit.best_arm))
        print(f"n = {pulls:3d}: the best arm has the highest average in {ranked_first[-1]:.1%}")

    plotted = session_averages(bandit, cfg.plotted_session_pulls, cfg.sessions, rng)
    figure = cfg.out_dir / "arm_payouts.png"
    plot_payouts(bandit, frequencies, plotted, cfg.plotted_session_pulls, figure)
    return Result(
        means=list(cfg.means),
        best_arm=bandit.best_arm,
        payout_frequencies=frequencies.tolist(),
        payout_standard_errors=standard_errors.tolist(),
        session_pulls=list(cfg.session_pulls),
        best_ranked_first=ranked_first,
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
