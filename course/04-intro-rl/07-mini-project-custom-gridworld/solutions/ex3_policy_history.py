"""Exercise 3: record the greedy policy after every episode and draw how it changed.

Fill in the four functions, then run this file and `rlcourse check 4.7`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np

from rlcourse.agents.tabular import greedy_actions, train
from rlcourse.envs import GRIDWORLD_ID
from rlcourse.envs.gridworld import ACTION_ARROWS, GridWorldEnv, unwrap_gridworld

LEDGE_LAYOUT = ("..........", ".########.", "S........G", "TTTTTTTTTT")


def record_greedy_policies(
    env: gym.Env[Any, Any], episodes: int, alpha: float, gamma: float, epsilon: float, seed: int
) -> list[np.ndarray]:
    """Train with the library's ``train`` (Q-learning) and return the greedy policy after
    each episode: ``episodes`` integer arrays of shape (n_states,)."""
    policies: list[np.ndarray] = []

    def keep(episode: int, q: np.ndarray) -> None:
        policies.append(greedy_actions(q))  # a new array; q itself changes in the next episode

    train(env, "q_learning", episodes, alpha, gamma, epsilon, seed, False, on_episode_end=keep)
    return policies


def changes_per_episode(policies: list[np.ndarray]) -> list[int]:
    """How many states changed action in each episode; the first episode is compared with
    the greedy policy of the all-zero table it started from (action 0 everywhere)."""
    previous = np.zeros_like(policies[0])
    changes: list[int] = []
    for actions in policies:
        changes.append(int(np.sum(actions != previous)))
        previous = actions
    return changes


def arrow_rows(grid: GridWorldEnv, actions: np.ndarray) -> list[str]:
    """The policy as text, one string per grid row: the arrow of the action on floor and
    start cells, the layout's letter on walls, goal and traps."""
    rows: list[str] = []
    for row, line in enumerate(grid.layout):
        first = row * grid.n_cols  # the state index of the row's first cell
        chars = [
            ACTION_ARROWS[actions[first + col]] if c in ".S" else c for col, c in enumerate(line)
        ]
        rows.append("".join(chars))
    return rows


def save_policy_strip(
    grid: GridWorldEnv, policies: list[np.ndarray], shown: list[int], path: Path
) -> None:
    """One PNG with a panel per episode number in ``shown`` (1 = after the first episode),
    each showing ``arrow_rows`` of that episode's policy as text, titled "episode N"."""
    fig, axes = plt.subplots(len(shown), 1, figsize=(5, 1.4 * len(shown)), squeeze=False)
    for ax, episode in zip(axes[:, 0], shown, strict=True):
        text = "\n".join(arrow_rows(grid, policies[episode - 1]))
        ax.text(0.5, 0.5, text, ha="center", va="center", family="monospace", fontsize=12)
        ax.set_title(f"episode {episode}", fontsize=10)
        ax.axis("off")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    env = gym.make(GRIDWORLD_ID, layout=LEDGE_LAYOUT, slip_probability=0.1)
    policies = record_greedy_policies(env, 3000, alpha=0.1, gamma=1.0, epsilon=0.1, seed=0)
    changes = changes_per_episode(policies)
    quiet = next(e for e in range(len(changes), 0, -1) if changes[e - 1] > 0)
    print(f"{sum(changes)} action changes; the last one in episode {quiet}")
    print("\n".join(arrow_rows(unwrap_gridworld(env), policies[-1])))
    save_policy_strip(unwrap_gridworld(env), policies, [1, 10, 100, 1000, 3000], Path("strip.png"))
    print("saved strip.png")
