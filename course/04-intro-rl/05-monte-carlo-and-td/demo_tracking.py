"""Demo 2: value estimates tracked over episodes, Monte Carlo next to TD(0)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import tyro
from tqdm import tqdm

from rlcourse.agents.prediction import mc_update, play_episode, td0_episode_update
from rlcourse.envs import RANDOM_WALK_ID
from rlcourse.envs.random_walk import state_names, true_values
from rlcourse.episodes import Episode
from rlcourse.mdp import uniform_policy
from rlcourse.seeding import seed_everything
from rlcourse.stats import mean_and_standard_error

N_STATES = 5  # the classic walk: A .. E between two terminal ends
METHODS = ("Monte Carlo", "TD(0)")
KEYS = {"Monte Carlo": "mc", "TD(0)": "td"}  # short names for results.json


@dataclass(frozen=True)
class Config:
    episodes: int = 300
    alpha: float = 0.05  # the same constant step size for both methods
    initial_value: float = 0.5
    snapshots: tuple[int, ...] = (0, 1, 10, 100, 300)  # episodes after which to print V
    steady_from: int = 100  # jitter is measured over the episodes after this one
    runs: int = 30  # independent runs for the jitter and error numbers; the figure shows run 0
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    episodes: int
    runs: int
    mc_jitter: float  # std of V(s) over the late episodes, averaged over states, then runs
    mc_jitter_se: float  # its standard error over runs
    td_jitter: float
    td_jitter_se: float
    mc_late_rms: float  # RMS error averaged over the late episodes, then runs
    mc_late_rms_se: float
    td_late_rms: float
    td_late_rms_se: float
    snapshot_rms: dict[str, list[float]]  # "mc"/"td" -> RMS error at each snapshot, run 0


# --8<-- [start:track]
def track(episodes: list[Episode], method: str, initial: np.ndarray, alpha: float) -> np.ndarray:
    """V after 0, 1, ..., len(episodes) episodes, shape (len(episodes) + 1, n_states)."""
    values = initial.copy()
    history = [values.copy()]
    for episode in episodes:
        if method == "Monte Carlo":
            mc_update(values, episode, alpha, gamma=1.0)
        else:
            td0_episode_update(values, episode, alpha, gamma=1.0)
        history.append(values.copy())
    return np.array(history)


# --8<-- [end:track]


def late_statistics(
    history: np.ndarray, truth: np.ndarray, steady_from: int
) -> tuple[float, float]:
    """After episode ``steady_from``: the std of V(s) over episodes (mean over states A..E),
    and the RMS error averaged over those episodes."""
    late = history[steady_from + 1 :, 1 : N_STATES + 1]  # (late episodes, N_STATES)
    errors = np.sqrt(np.mean((late - truth[1 : N_STATES + 1]) ** 2, axis=1))
    return float(late.std(axis=0).mean()), float(errors.mean())


def plot_tracks(
    histories: dict[str, np.ndarray], truth: np.ndarray, alpha: float, path: Path
) -> None:
    fig, axes = plt.subplots(1, 2, figsize=(10, 4), dpi=100, sharey=True)
    names = state_names(N_STATES)
    colours = plt.get_cmap("viridis")(np.linspace(0.0, 0.9, N_STATES))
    for ax, method in zip(axes, METHODS, strict=True):
        history = histories[method]  # (episodes + 1, N_STATES + 2)
        episodes = np.arange(history.shape[0])
        for state in range(1, N_STATES + 1):
            colour = colours[state - 1]
            ax.plot(episodes, history[:, state], color=colour, label=names[state - 1])
            ax.axhline(truth[state], color=colour, linestyle="--", linewidth=0.8)
        ax.set(title=f"{method}, alpha = {alpha}", xlabel="episode", ylim=(0.0, 1.0))
    axes[0].set_ylabel("estimated V(s)  (dashed: true value)")
    fig.legend(*axes[0].get_legend_handles_labels(), loc="center right", title="state")
    fig.tight_layout(rect=(0.0, 0.0, 0.93, 1.0))  # leave room for the legend
    fig.savefig(path)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    rng = seed_everything(cfg.seed)
    env = gym.make(RANDOM_WALK_ID, n_states=N_STATES)
    env.reset(seed=cfg.seed)
    policy = uniform_policy(N_STATES + 2, 2)
    initial = np.full(N_STATES + 2, cfg.initial_value)
    initial[[0, -1]] = 0.0
    truth = true_values(N_STATES)

    # Both methods learn from the same episodes in each run.
    runs: list[dict[str, np.ndarray]] = []
    for _ in tqdm(range(cfg.runs), desc="runs", leave=False):
        episodes = [play_episode(env, policy, rng) for _ in range(cfg.episodes)]
        runs.append({method: track(episodes, method, initial, cfg.alpha) for method in METHODS})
    histories = runs[0]  # the run the figure and the table show

    states = slice(1, N_STATES + 1)
    snapshots = [s for s in cfg.snapshots if s <= cfg.episodes]
    snapshot_rms: dict[str, list[float]] = {}
    print(f"run 0 of {cfg.runs}:")
    print(f"{'':22}" + "".join(f"{name:>8}" for name in state_names(N_STATES)) + "     RMS")
    for method in METHODS:
        errors = np.sqrt(np.mean((histories[method][:, states] - truth[states]) ** 2, axis=1))
        snapshot_rms[KEYS[method]] = [float(errors[s]) for s in snapshots]
        for s in snapshots:
            row = "".join(f"{v:8.3f}" for v in histories[method][s, states])
            print(f"{method:12} ep {s:4}  {row}{errors[s]:8.3f}")
    print(f"{'true V':22}" + "".join(f"{v:8.3f}" for v in truth[states]))

    late = {m: [late_statistics(run[m], truth, cfg.steady_from) for run in runs] for m in METHODS}
    jitter = {m: mean_and_standard_error([jit for jit, _ in late[m]]) for m in METHODS}
    late_rms = {m: mean_and_standard_error([rms for _, rms in late[m]]) for m in METHODS}
    print(f"\nafter episode {cfg.steady_from}, mean ± s.e. over {cfg.runs} runs:")
    for method in METHODS:
        (jit, jit_se), (rms, rms_se) = jitter[method], late_rms[method]
        print(
            f"{method:12} std of V(s) over episodes {jit:.3f} ± {jit_se:.3f}, "
            f"mean RMS error {rms:.3f} ± {rms_se:.3f}"
        )
    plot_tracks(histories, truth, cfg.alpha, cfg.out_dir / "value_tracks.png")
    env.close()
    return Result(
        episodes=cfg.episodes,
        runs=cfg.runs,
        mc_jitter=jitter["Monte Carlo"][0],
        mc_jitter_se=jitter["Monte Carlo"][1],
        td_jitter=jitter["TD(0)"][0],
        td_jitter_se=jitter["TD(0)"][1],
        mc_late_rms=late_rms["Monte Carlo"][0],
        mc_late_rms_se=late_rms["Monte Carlo"][1],
        td_late_rms=late_rms["TD(0)"][0],
        td_late_rms_se=late_rms["TD(0)"][1],
        snapshot_rms=snapshot_rms,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
