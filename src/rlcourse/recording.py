"""A GIF of an agent playing one episode (Part 5.2's agents onwards; every agent of
Module 5 ends with one).

The environment is made with ``render_mode="rgb_array"``, so ``env.render()`` returns each
frame as a (height, width, 3) array of pixels and no window opens; Pillow writes the frames
as an animated GIF. A policy is any function from an observation to an action, so the same
recorder serves a Q-network's greedy action, a sampled policy or a random player.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import numpy as np
from PIL import Image

Policy = Callable[[np.ndarray], int]  # observation -> action


@dataclass(frozen=True)
class Recording:
    """What the recorded episode did."""

    episode_return: float
    steps: int
    frames: int  # frames in the GIF (every ``frame_every``-th step)


# --8<-- [start:record]
def record_gif(
    env_id: str,
    policy: Policy,
    path: Path,
    seed: int,
    max_steps: int = 500,
    frame_every: int = 2,
    scale: float = 0.5,
) -> Recording:
    """Play one episode with ``policy`` and save every ``frame_every``-th frame to ``path``.

    ``scale`` shrinks the frames (0.5: half the width and height) to keep the file small;
    the GIF plays at the environment's own speed.
    """
    env = gym.make(env_id, render_mode="rgb_array", max_episode_steps=max_steps)
    observation, _ = env.reset(seed=seed)
    frames = [_frame(env, scale)]
    episode_return, steps, done = 0.0, 0, False
    while not done:
        observation, reward, terminated, truncated, _ = env.step(policy(observation))
        episode_return += float(reward)
        steps += 1
        done = terminated or truncated
        if steps % frame_every == 0 or done:
            frames.append(_frame(env, scale))
    fps = env.metadata.get("render_fps", 30)
    env.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    frames[0].save(
        path,
        save_all=True,
        append_images=frames[1:],
        duration=round(1000 * frame_every / fps),  # milliseconds per GIF frame
        loop=0,  # repeat forever
    )
    return Recording(episode_return, steps, len(frames))


# --8<-- [end:record]


def _frame(env: gym.Env[np.ndarray, np.int64], scale: float) -> Image.Image:
    pixels = env.render()
    if not isinstance(pixels, np.ndarray):
        raise ValueError(f"{env.spec.id if env.spec else env} did not render an RGB array")
    image = Image.fromarray(pixels)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size)
