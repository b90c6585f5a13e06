"""Demo 4: the greedy policy learned by Q-learning in a maze, animated as a GIF."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import numpy as np
import tyro
from PIL import Image

from rlcourse.agents.tabular import table_shape, train
from rlcourse.dp import value_iteration
from rlcourse.envs import GRIDWORLD_ID
from rlcourse.envs.gridworld import MAZE_LAYOUT, unwrap_gridworld
from rlcourse.mdp import tabular_mdp
from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    episodes: int = 500
    alpha: float = 0.5
    gamma: float = 1.0
    epsilon: float = 0.1
    max_steps: int = 100  # a greedy policy that loops is cut off here
    cell_size: int = 32  # pixels per grid cell in the animation
    fps: int = 4
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    route_length: int
    route_return: float
    optimal_return: float  # V*(start) by value iteration
    frames: int


# --8<-- [start:frames]
def greedy_frames(
    env: gym.Env[int, int], q: np.ndarray, seed: int, max_steps: int
) -> tuple[list[np.ndarray], list[int], float]:
    """Play the greedy policy once; return the rgb frames, the states visited and the return.

    ``env`` must have render_mode="rgb_array": each frame is (height, width, 3) uint8.
    """
    state, _ = env.reset(seed=seed)
    frames = [np.asarray(env.render())]
    states, total = [state], 0.0
    for _ in range(max_steps):
        state, reward, terminated, truncated, _ = env.step(int(np.argmax(q[state])))
        frames.append(np.asarray(env.render()))
        states.append(state)
        total += float(reward)
        if terminated or truncated:
            break
    return frames, states, total


# --8<-- [end:frames]


def save_gif(frames: list[np.ndarray], path: Path, fps: int) -> None:
    """Write the frames as a looping GIF; the last frame stays up three times as long."""
    images = [Image.fromarray(frame) for frame in frames]
    durations = [1000 // fps] * (len(images) - 1) + [3000 // fps]  # milliseconds
    images[0].save(path, save_all=True, append_images=images[1:], duration=durations, loop=0)


def main(cfg: Config) -> Result:
    seed_everything(cfg.seed)
    env = gym.make(GRIDWORLD_ID, layout=MAZE_LAYOUT)
    q, history = train(env, "q_learning", cfg.episodes, cfg.alpha, cfg.gamma, cfg.epsilon, cfg.seed)
    grid = unwrap_gridworld(env)
    optimal = value_iteration(tabular_mdp(grid.P, *table_shape(env)), cfg.gamma)
    optimal_return = float(grid.initial_state_distrib @ optimal.values.numpy())

    # A second environment renders; the first only trained (rendering there would be slow).
    render_env = gym.make(
        GRIDWORLD_ID, layout=MAZE_LAYOUT, render_mode="rgb_array", cell_size=cfg.cell_size
    )
    frames, states, total = greedy_frames(render_env, q, cfg.seed, cfg.max_steps)
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    save_gif(frames, cfg.out_dir / "greedy_trajectory.gif", cfg.fps)

    print(f"trained on {history.total_steps} steps ({cfg.episodes} episodes)")
    print("greedy route (row, col):")
    print(" -> ".join(str(divmod(s, grid.n_cols)) for s in states))
    print(f"{len(states) - 1} moves, return {total:.1f}; optimal return {optimal_return:.1f}")
    print(f"{len(frames)} frames of shape {frames[0].shape} written to greedy_trajectory.gif")
    env.close()
    render_env.close()
    return Result(len(states) - 1, total, optimal_return, len(frames))


if __name__ == "__main__":
    main(tyro.cli(Config))
