"""Project Exercise: show the learned policy in action, every rendered frame and how sure
the policy was of each move, saved as a GIF.

Fill in both functions, run `rlcourse check 5.5`, then run this file: it trains Demo 2's
agent on one seed (a minute or two) and writes policy.gif.
"""

from __future__ import annotations

from pathlib import Path

import gymnasium as gym
import numpy as np
import torch
import torch.nn.functional as F  # noqa: F401
from PIL import Image  # noqa: F401
from torch import nn


def play_and_render(
    policy: nn.Module, env: gym.Env[np.ndarray, int], seed: int
) -> tuple[list[np.ndarray], list[float], float]:
    """One greedy episode from ``env.reset(seed=seed)``; ``env`` renders RGB arrays.

    Returns the frames (one (H, W, 3) uint8 array before the first step and one after each
    step), the probability pi(A_t | S_t) of each action taken, and the episode's return.
    """
    # TODO: reset with the seed and render; then, until the episode ends: the probabilities
    # (F.softmax of the logits), the most probable action and its probability, a step, a frame
    raise NotImplementedError("play_and_render")


def save_gif(frames: list[np.ndarray], path: Path, fps: int) -> None:
    """Write the frames as an animated GIF that plays at ``fps`` frames per second, forever."""
    # TODO: Image.fromarray each frame; the first one's .save(path, save_all=True, ...)
    raise NotImplementedError("save_gif")


if __name__ == "__main__":
    import tempfile

    from rlcourse.agents.reinforce import ReinforceConfig, train_reinforce

    with tempfile.TemporaryDirectory() as folder:  # Demo 2's agent, one seed
        agent, _ = train_reinforce(ReinforceConfig(), 0, Path(folder), torch.device("cpu"))
    env = gym.make("CartPole-v1", render_mode="rgb_array")
    frames, confidences, total = play_and_render(agent.policy, env, seed=123)
    env.close()
    save_gif(frames[::2], Path("policy.gif"), fps=25)
    print(f"policy.gif: return {total:.0f}, least sure move: {min(confidences):.2f}")
