"""Exercise 2: track value estimates over episodes, find when each one settles, and plot.

Fill in the three functions, then run this file and `rlcourse check 4.5`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np

from rlcourse.agents.prediction import mc_update, play_episode, td0_episode_update
from rlcourse.envs import RANDOM_WALK_ID
from rlcourse.envs.random_walk import state_names, true_values
from rlcourse.episodes import Episode
from rlcourse.mdp import uniform_policy

Update = Callable[[np.ndarray, Episode], None]  # changes the values in place


def track_values(initial: np.ndarray, episodes: list[Episode], update: Update) -> np.ndarray:
    """The estimates before any episode and after each one, shape (len(episodes) + 1, n_states).

    Row 0 is ``initial``; row e is the vector after ``update`` has seen episodes 1..e.
    ``initial`` itself must not change.
    """
    values = initial.copy()
    history = [values.copy()]  # copies: the same array changes at every update
    for episode in episodes:
        update(values, episode)
        history.append(values.copy())
    return np.array(history)


def settling_episodes(
    history: np.ndarray, truth: np.ndarray, states: list[int], tolerance: float
) -> list[int]:
    """For each state in ``states``: the first episode e (a row of ``history``) from which
    |history[e', s] - truth[s]| <= tolerance for every e' >= e; -1 if the last row is outside.
    """
    settled: list[int] = []
    for state in states:
        outside = np.flatnonzero(np.abs(history[:, state] - truth[state]) > tolerance)
        if len(outside) == 0:
            settled.append(0)
        elif outside[-1] == len(history) - 1:
            settled.append(-1)
        else:
            settled.append(int(outside[-1]) + 1)
    return settled


def plot_tracks(
    histories: dict[str, np.ndarray], truth: np.ndarray, states: list[int], path: Path
) -> None:
    """One panel per entry of ``histories`` (its key is the title), one line per state over
    episodes, the true values as dashed lines; save to ``path`` as PNG."""
    fig, axes = plt.subplots(1, len(histories), figsize=(10, 4), dpi=100, squeeze=False)
    for ax, (title, history) in zip(axes[0], histories.items(), strict=True):
        for state in states:
            (line,) = ax.plot(history[:, state], label=f"state {state}")
            ax.axhline(truth[state], color=line.get_color(), linestyle="--", linewidth=0.8)
        ax.set(title=title, xlabel="episode", ylabel="V(s)")
    axes[0][0].legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


if __name__ == "__main__":
    env = gym.make(RANDOM_WALK_ID, n_states=5)
    env.reset(seed=0)
    rng = np.random.default_rng(0)
    episodes = [play_episode(env, uniform_policy(7, 2), rng) for _ in range(300)]
    initial = np.full(7, 0.5)
    initial[[0, 6]] = 0.0
    truth = true_values(5)
    states = [1, 2, 3, 4, 5]

    def mc(values: np.ndarray, episode: Episode) -> None:
        mc_update(values, episode, alpha=0.05, gamma=1.0)

    def td(values: np.ndarray, episode: Episode) -> None:
        td0_episode_update(values, episode, alpha=0.05, gamma=1.0)

    histories = {
        "Monte Carlo": track_values(initial, episodes, mc),
        "TD(0)": track_values(initial, episodes, td),
    }
    for name, history in histories.items():
        settled = settling_episodes(history, truth, states, tolerance=0.1)
        by_state = dict(zip(state_names(5), settled, strict=True))
        print(f"{name}: within 0.1 of the truth for good from episode {by_state}")
    plot_tracks(histories, truth, states, Path("tracks.png"))
    print("saved tracks.png")
