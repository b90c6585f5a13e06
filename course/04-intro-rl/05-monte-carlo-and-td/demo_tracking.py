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
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    episodes: int
    mc_jitter: float  # std of V(s) over the late episodes, averaged over states
    td_jitter: float
    mc_late_rms: float  # RMS error averaged over the late episodes
    td_late_rms: float
    snapshot_rms: dict[str, list[float]]  # "mc"/"td" -> RMS error at each snapshot episode


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
    env.action_space.seed(cfg.seed)
    policy = uniform_policy(N_STATES + 2, 2)
    episodes = [
        play_episode(env, policy, rng)
        for _ in tqdm(range(cfg.episodes), desc="episodes", leave=False)
    ]
    initial = np.full(N_STATES + 2, cfg.initial_value)
    initial[[0, -1]] = 0.0
    truth = true_values(N_STATES)
    histories = {method: track(episodes, method, initial, cfg.alpha) for method in METHODS}

    states = slice(1, N_STATES + 1)
    snapshots = [s for s in cfg.snapshots if s <= cfg.episodes]
    snapshot_rms: dict[str, list[float]] = {}
    print(f"{'':22}" + "".join(f"{name:>8}" for name in state_names(N_STATES)) + "     RMS")
    for method in METHODS:
        errors = np.sqrt(np.mean((histories[method][:, states] - truth[states]) ** 2, axis=1))
        snapshot_rms[KEYS[method]] = [float(errors[s]) for s in snapshots]
        for s in snapshots:
            row = "".join(f"{v:8.3f}" for v in histories[method][s, states])
            print(f"{method:12} ep {s:4}  {row}{errors[s]:8.3f}")
    print(f"{'true V':22}" + "".join(f"{v:8.3f}" for v in truth[states]))

    late = slice(cfg.steady_from + 1, None)  # episodes after steady_from
    jitter = {m: float(histories[m][late, states].std(axis=0).mean()) for m in METHODS}
    late_rms = {
        m: float(np.mean(np.sqrt(np.mean((histories[m][late, states] - truth[states]) ** 2, 1))))
        for m in METHODS
    }
    print(f"\nafter episode {cfg.steady_from}:")
    for method in METHODS:
        print(
            f"{method:12} std of V(s) over episodes {jitter[method]:.3f}, "
            f"mean RMS error {late_rms[method]:.3f}"
        )
    plot_tracks(histories, truth, cfg.alpha, cfg.out_dir / "value_tracks.png")
    env.close()
    return Result(
        episodes=cfg.episodes,
        mc_jitter=jitter["Monte Carlo"],
        td_jitter=jitter["TD(0)"],
        mc_late_rms=late_rms["Monte Carlo"],
        td_late_rms=late_rms["TD(0)"],
        snapshot_rms=snapshot_rms,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
