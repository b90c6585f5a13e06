"""Exercise 4: the greedy trajectory as data, then as an animation with matplotlib."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.animation import FuncAnimation, PillowWriter
from matplotlib.artist import Artist

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
    rendering = env.render_mode == "rgb_array"
    state, _ = env.reset(seed=seed)
    rollout = Rollout(states=[state], actions=[], rewards=[])
    if rendering:
        rollout.frames.append(np.asarray(env.render()))
    for _ in range(max_steps):
        action = int(np.argmax(q[state]))
        state, reward, terminated, truncated, _ = env.step(action)
        rollout.states.append(state)
        rollout.actions.append(action)
        rollout.rewards.append(float(reward))
        if rendering:
            rollout.frames.append(np.asarray(env.render()))
        if terminated or truncated:
            break
    return rollout


def animate(rollout: Rollout, path: Path, fps: int) -> None:
    """Save ``rollout.frames`` as a GIF with matplotlib, one animation frame per entry,
    titled "step t, return G" with G the sum of the first t rewards."""
    fig, ax = plt.subplots(figsize=(4, 2.5), dpi=80)
    ax.set_axis_off()
    image = ax.imshow(rollout.frames[0])
    title = ax.set_title("step 0, return 0.0")
    returns = np.concatenate([[0.0], np.cumsum(rollout.rewards)])  # G after t moves

    def update(t: int) -> list[Artist]:
        image.set_data(rollout.frames[t])
        title.set_text(f"step {t}, return {returns[t]:.1f}")
        return [image, title]

    animation = FuncAnimation(fig, update, frames=len(rollout.frames), blit=False)
    animation.save(path, writer=PillowWriter(fps=fps))
    plt.close(fig)


if __name__ == "__main__":
    env = gym.make(GRIDWORLD_ID, layout=MAZE_LAYOUT)
    q, _ = train(env, "q_learning", 500, alpha=0.5, gamma=1.0, epsilon=0.1, seed=0)
    render_env = gym.make(GRIDWORLD_ID, layout=MAZE_LAYOUT, render_mode="rgb_array")
    rollout = greedy_rollout(render_env, q, seed=0, max_steps=50)
    print(f"{len(rollout.actions)} moves, return {sum(rollout.rewards):.1f}")
    animate(rollout, Path("maze_trajectory.gif"), fps=4)
    print("saved maze_trajectory.gif")
