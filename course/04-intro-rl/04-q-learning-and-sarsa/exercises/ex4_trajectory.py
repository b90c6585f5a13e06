"""Exercise 4: the greedy trajectory as data, then as an animation with matplotlib.

Fill in the two functions, then run this file and `rlcourse check 4.4`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gymnasium as gym
import numpy as np

from rlcourse.agents.tabular import train
from rlcourse.envs import GRIDWORLD_ID
from rlcourse.envs.gridworld import MAZE_LAYOUT


@dataclass
class Rollout:
    states: list[int]  # the start state, then the state after each move
    actions: list[int]
    rewards: list[float]
    frames: list[np.ndarray] = field(default_factory=list)  # one per state, if rendering


def greedy_rollout(env: gym.Env[Any, Any], q: np.ndarray, seed: int, max_steps: int) -> Rollout:
    """Reset with ``seed``, then take argmax_a q[s, a] (ties: the lowest action) until the
    episode terminates or is truncated, or after ``max_steps`` moves, whichever is first.

    ``states`` has one more entry than ``actions`` and ``rewards``. When
    ``env.render_mode == "rgb_array"``, ``frames`` holds ``env.render()`` after the reset
    and after every move (as many frames as states); otherwise it stays empty.
    """
    raise NotImplementedError("greedy_rollout")


def animate(rollout: Rollout, path: Path, fps: int) -> None:
    """Save ``rollout.frames`` as a GIF with matplotlib, one animation frame per entry,
    titled "step t, return G" with G the sum of the first t rewards.

    Use ``matplotlib.animation.FuncAnimation`` with an update function that changes the
    image data and the title, and save it with ``matplotlib.animation.PillowWriter(fps=fps)``.
    Close the figure afterwards.
    """
    raise NotImplementedError("animate")


if __name__ == "__main__":
    env = gym.make(GRIDWORLD_ID, layout=MAZE_LAYOUT)
    q, _ = train(env, "q_learning", 500, alpha=0.5, gamma=1.0, epsilon=0.1, seed=0)
    render_env = gym.make(GRIDWORLD_ID, layout=MAZE_LAYOUT, render_mode="rgb_array")
    rollout = greedy_rollout(render_env, q, seed=0, max_steps=50)
    print(f"{len(rollout.actions)} moves, return {sum(rollout.rewards):.1f}")
    animate(rollout, Path("maze_trajectory.gif"), fps=4)
    print("saved maze_trajectory.gif")
