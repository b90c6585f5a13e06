"""Demo 3: how fast Monte Carlo and TD(0) converge, averaged over many runs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import tyro
from matplotlib.axes import Axes
from tqdm import tqdm

from rlcourse.agents.prediction import mc_update, play_episode, rms_error, td0_episode_update
from rlcourse.envs import RANDOM_WALK_ID
from rlcourse.envs.random_walk import true_values
from rlcourse.episodes import Episode
from rlcourse.mdp import uniform_policy
from rlcourse.seeding import seed_everything

N_STATES = 5


@dataclass(frozen=True)
class Config:
    runs: int = 100  # independent runs, each with its own episodes
    episodes: int = 100
    alphas: tuple[float, ...] = (0.01, 0.02, 0.05, 0.1, 0.2)  # tried with both methods
    initial_value: float = 0.5
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class MethodSummary:
    final_rms: list[float]  # per alpha: RMS error after the last episode, mean over runs
    final_rms_se: list[float]  # its standard error
    mean_rms: list[float]  # per alpha: RMS error averaged over episodes 1..episodes and runs
    mean_rms_se: list[float]
    lowest_rms: list[float]  # per alpha: the lowest point of the mean curve ...
    lowest_episode: list[int]  # ... and the episode where it is reached
    best_final_alpha: float  # the alpha with the lowest final_rms ...
    best_final_rms: float  # ... that final RMS error and its standard error
    best_final_rms_se: float
    best_mean_alpha: float  # the alpha with the lowest mean_rms ...
    best_mean_rms: float  # ... that mean RMS error and its standard error
    best_mean_rms_se: float


@dataclass(frozen=True)
class Result:
    runs: int
    episodes: int
    mc: MethodSummary
    td: MethodSummary
    td_wins: int  # alphas at which TD(0)'s mean RMS is lower than MC's at the same alpha
    alphas: int
    mc_plateau: list[float]  # per alpha: predicted RMS level of constant-alpha MC in the long run


# --8<-- [start:curve]
def rms_curve(
    episodes: list[Episode], method: str, alpha: float, initial: np.ndarray, truth: np.ndarray
) -> np.ndarray:
    """RMS error over A..E after 0, 1, ..., len(episodes) episodes, shape (len + 1,)."""
    values = initial.copy()
    states = np.arange(1, N_STATES + 1)
    errors = [rms_error(values, truth, states)]
    for episode in episodes:
        if method == "mc":
            mc_update(values, episode, alpha, gamma=1.0)
        else:
            td0_episode_update(values, episode, alpha, gamma=1.0)
        errors.append(rms_error(values, truth, states))
    return np.array(errors)


# --8<-- [end:curve]


def summarise(curves: np.ndarray, alphas: tuple[float, ...]) -> MethodSummary:
    """``curves`` has shape (alphas, runs, episodes + 1)."""
    runs = curves.shape[1]
    final = curves[:, :, -1]  # (alphas, runs)
    per_run_mean = curves[:, :, 1:].mean(axis=2)  # (alphas, runs)
    final_mean, mean_mean = final.mean(axis=1), per_run_mean.mean(axis=1)  # (alphas,)
    final_se = final.std(axis=1, ddof=1) / np.sqrt(runs)
    mean_se = per_run_mean.std(axis=1, ddof=1) / np.sqrt(runs)
    mean_curves = curves.mean(axis=1)  # (alphas, episodes + 1)
    by_final, by_mean = int(np.argmin(final_mean)), int(np.argmin(mean_mean))
    return MethodSummary(
        final_rms=final_mean.tolist(),
        final_rms_se=final_se.tolist(),
        mean_rms=mean_mean.tolist(),
        mean_rms_se=mean_se.tolist(),
        lowest_rms=mean_curves.min(axis=1).tolist(),
        lowest_episode=mean_curves.argmin(axis=1).tolist(),
        best_final_alpha=alphas[by_final],
        best_final_rms=float(final_mean[by_final]),
        best_final_rms_se=float(final_se[by_final]),
        best_mean_alpha=alphas[by_mean],
        best_mean_rms=float(mean_mean[by_mean]),
        best_mean_rms_se=float(mean_se[by_mean]),
    )


def mc_plateau(alpha: float, truth: np.ndarray) -> float:
    """sqrt(mean over states of alpha / (2 - alpha) * v (1 - v)): the long-run RMS level of
    first-visit MC with a constant alpha, whose targets are 0/1 returns with mean v(s)."""
    v = truth[1 : N_STATES + 1]
    return float(np.sqrt(np.mean(alpha / (2.0 - alpha) * v * (1.0 - v))))


def plot_band(ax: Axes, runs: np.ndarray, label: str, style: str, colour: object) -> None:
    """Mean over runs (axis 0) with a band of +- one standard error."""
    mean = runs.mean(axis=0)
    se = runs.std(axis=0, ddof=1) / np.sqrt(runs.shape[0])
    x = np.arange(runs.shape[1])
    ax.plot(x, mean, style, color=colour, label=label)
    ax.fill_between(x, mean - se, mean + se, color=colour, alpha=0.2)


def plot(curves: dict[str, np.ndarray], summaries: dict[str, MethodSummary], cfg: Config) -> None:
    fig, (ax_mc, ax_td, ax_alpha) = plt.subplots(1, 3, figsize=(13, 4), dpi=100)
    colours = plt.get_cmap("plasma")(np.linspace(0.0, 0.8, len(cfg.alphas)))
    for ax, method, title in ((ax_mc, "mc", "Monte Carlo"), (ax_td, "td", "TD(0)")):
        for i, alpha in enumerate(cfg.alphas):
            plot_band(ax, curves[method][i], f"alpha = {alpha}", "-", colours[i])
        ax.set(title=f"{title}: RMS error ± 1 s.e.", xlabel="episode", ylim=(0.0, 0.26))
        ax.set_ylabel("RMS error over states A..E")
        ax.legend(fontsize="small")
    for method, label, marker in (("mc", "Monte Carlo", "s"), ("td", "TD(0)", "o")):
        summary = summaries[method]
        ax_alpha.errorbar(
            cfg.alphas, summary.mean_rms, yerr=summary.mean_rms_se, marker=marker, label=label
        )
    ax_alpha.set(
        title=f"Mean RMS error over {cfg.episodes} episodes",
        xlabel="step size alpha",
        ylabel=f"RMS error, mean over episodes 1..{cfg.episodes}",
        xscale="log",
    )
    ax_alpha.legend()
    fig.tight_layout()
    fig.savefig(cfg.out_dir / "mc_vs_td_rms.png")
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    rng = seed_everything(cfg.seed)
    env = gym.make(RANDOM_WALK_ID, n_states=N_STATES)
    env.reset(seed=cfg.seed)
    env.action_space.seed(cfg.seed)
    policy = uniform_policy(N_STATES + 2, 2)
    initial = np.full(N_STATES + 2, cfg.initial_value)
    initial[[0, -1]] = 0.0
    truth = true_values(N_STATES)

    shape = (len(cfg.alphas), cfg.runs, cfg.episodes + 1)
    curves = {"mc": np.zeros(shape), "td": np.zeros(shape)}
    # --8<-- [start:runs]
    for run in tqdm(range(cfg.runs), desc="runs", leave=False):
        # One set of episodes per run, shared by every method and alpha: the comparison
        # then measures the update rules, not luck in the episodes each one happened to see.
        episodes = [play_episode(env, policy, rng) for _ in range(cfg.episodes)]
        for method, method_curves in curves.items():
            for i, alpha in enumerate(cfg.alphas):
                method_curves[i, run] = rms_curve(episodes, method, alpha, initial, truth)
    # --8<-- [end:runs]

    summaries = {method: summarise(curves[method], cfg.alphas) for method in curves}
    print(f"{cfg.runs} runs x {cfg.episodes} episodes; mean over runs ± standard error")
    plateaus = [mc_plateau(alpha, truth) for alpha in cfg.alphas]
    print(
        f"{'alpha':>8}{'MC final RMS':>20}{'TD(0) final RMS':>20}{'MC mean':>10}{'TD mean':>10}"
        f"{'MC plateau':>12}"
    )
    mc, td = summaries["mc"], summaries["td"]
    for i, alpha in enumerate(cfg.alphas):
        print(
            f"{alpha:8}{mc.final_rms[i]:13.3f} ± {mc.final_rms_se[i]:.3f}"
            f"{td.final_rms[i]:13.3f} ± {td.final_rms_se[i]:.3f}"
            f"{mc.mean_rms[i]:10.3f}{td.mean_rms[i]:10.3f}{plateaus[i]:12.3f}"
        )
    for name, summary in (("MC", mc), ("TD(0)", td)):
        i = cfg.alphas.index(summary.best_mean_alpha)
        print(
            f"{name}: lowest final RMS at alpha {summary.best_final_alpha} "
            f"({summary.best_final_rms:.3f} ± {summary.best_final_rms_se:.3f}); "
            f"lowest mean RMS at alpha {summary.best_mean_alpha} "
            f"({summary.best_mean_rms:.3f}), whose curve bottoms out at "
            f"{summary.lowest_rms[i]:.3f} (episode {summary.lowest_episode[i]})"
        )
    td_wins = sum(t < m for t, m in zip(td.mean_rms, mc.mean_rms, strict=True))
    print(f"TD(0) has the lower mean RMS at {td_wins} of {len(cfg.alphas)} step sizes")
    plot(curves, summaries, cfg)
    env.close()
    return Result(cfg.runs, cfg.episodes, mc, td, td_wins, len(cfg.alphas), plateaus)


if __name__ == "__main__":
    main(tyro.cli(Config))
