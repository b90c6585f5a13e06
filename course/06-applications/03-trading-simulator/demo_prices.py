"""Demo 1 of Part 6.3: seeded price paths of a random walk and a mean-reverting process.
Is the random walk fair (a martingale), what does the -sigma^2/2 correction do, and can
the past predict the next move of either process?"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tyro

from rlcourse.envs.trading import mean_reverting_prices, random_walk_prices
from rlcourse.stats import mean_and_standard_error


@dataclass(frozen=True)
class Config:
    paths: int = 10_000  # price paths of each process
    steps: int = 100  # steps per path, as in one episode of the environment
    volatility: float = 0.01  # sigma: the standard deviation of one step's log return
    seed: int = 0
    shown_paths: int = 20  # paths drawn in the figure
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    same_seed_same_path: bool
    final_mean: list[float]  # [mean, standard error] of P_T over the random-walk paths
    final_median: float
    uncorrected_final_mean: list[float]  # without -sigma^2/2: exp(cumsum(sigma * eps))
    final_spread: dict[str, float]  # standard deviation of P_T over paths, per process
    # The slope of the next log return (percent) on 100 * log(P_t / 100), per process
    predictive_slope: dict[str, float]


# --8<-- [start:check]
def uncorrected_walk(rng: np.random.Generator, steps: int, volatility: float) -> np.ndarray:
    """The walk without the -sigma^2/2 term: log prices with no drift, start 100."""
    log_returns = volatility * rng.standard_normal(steps)
    return 100.0 * np.exp(np.concatenate([[0.0], np.cumsum(log_returns)]))


def predictive_slope(paths: np.ndarray) -> float:
    """Least-squares slope of the next log return on today's level, both in percent: how
    much of tomorrow's move today's price predicts. (paths, steps + 1) -> float."""
    level = 100 * np.log(paths[:, :-1] / 100.0).ravel()
    next_return = 100 * np.diff(np.log(paths), axis=1).ravel()
    return float(np.polyfit(level, next_return, 1)[0])


# --8<-- [end:check]


def main(cfg: Config) -> Result:
    one = random_walk_prices(np.random.default_rng(cfg.seed), cfg.steps, volatility=cfg.volatility)
    again = random_walk_prices(
        np.random.default_rng(cfg.seed), cfg.steps, volatility=cfg.volatility
    )
    rng = np.random.default_rng(cfg.seed + 1)
    walks = np.stack(
        [random_walk_prices(rng, cfg.steps, volatility=cfg.volatility) for _ in range(cfg.paths)]
    )  # (paths, steps + 1)
    reverting = np.stack(
        [mean_reverting_prices(rng, cfg.steps, volatility=cfg.volatility) for _ in range(cfg.paths)]
    )
    uncorrected = np.stack(
        [uncorrected_walk(rng, cfg.steps, cfg.volatility) for _ in range(cfg.paths)]
    )
    final_mean = mean_and_standard_error(walks[:, -1])
    uncorrected_mean = mean_and_standard_error(uncorrected[:, -1])
    spread = {
        "random_walk": float(walks[:, -1].std()),
        "mean_reverting": float(reverting[:, -1].std()),
    }
    slopes = {"random_walk": predictive_slope(walks), "mean_reverting": predictive_slope(reverting)}
    print(f"the same seed gives the same path: {np.array_equal(one, again)}")
    print(f"random walk, {cfg.paths} paths of {cfg.steps} steps from P_0 = 100:")
    print(f"  mean of P_T   {final_mean[0]:7.2f} ± {final_mean[1]:.2f}")
    print(f"  median of P_T {np.median(walks[:, -1]):7.2f}")
    print(
        f"  without -sigma^2/2, mean of P_T {uncorrected_mean[0]:.2f} ± {uncorrected_mean[1]:.2f}"
    )
    for name in ("random_walk", "mean_reverting"):
        print(
            f"{name:>14}: spread of P_T {spread[name]:5.2f}, "
            f"slope of the next return on the level {slopes[name]:+.3f}"
        )
    plot_paths(walks[: cfg.shown_paths], reverting[: cfg.shown_paths], cfg.out_dir)
    return Result(
        same_seed_same_path=bool(np.array_equal(one, again)),
        final_mean=list(final_mean),
        final_median=float(np.median(walks[:, -1])),
        uncorrected_final_mean=list(uncorrected_mean),
        final_spread=spread,
        predictive_slope=slopes,
    )


def plot_paths(walks: np.ndarray, reverting: np.ndarray, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.6), dpi=100, sharey=True, layout="constrained")
    steps = np.arange(walks.shape[1])
    for ax, paths, title in (
        (axes[0], walks, "random walk (a martingale)"),
        (axes[1], reverting, "mean-reverting (pulled to 100)"),
    ):
        ax.plot(steps, paths.T, color="tab:blue", alpha=0.35, linewidth=0.8)
        ax.axhline(100.0, color="black", linestyle="--", linewidth=1, label="P_0 = mean = 100")
        ax.set_title(f"{len(paths)} seeded paths: {title}")
        ax.set_xlabel("step t")
        ax.legend(loc="upper left")
    axes[0].set_ylabel("price P_t")
    fig.savefig(out_dir / "prices.png")
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
