"""Project Exercise: show the learned policy in action, every rendered frame and how sure
the policy was of each move, saved as a GIF."""

from __future__ import annotations

from pathlib import Path

import gymnasium as gym
import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image
from torch import nn


def play_and_render(
    policy: nn.Module, env: gym.Env[np.ndarray, int], seed: int
) -> tuple[list[np.ndarray], list[float], float]:
    """One greedy episode from ``env.reset(seed=seed)``; ``env`` renders RGB arrays.

    Returns the frames (one (H, W, 3) uint8 array before the first step and one after each
    step), the probability pi(A_t | S_t) of each action taken, and the episode's return.
    """
    observation, _ = env.reset(seed=seed)
    frames = [np.asarray(env.render())]
    confidences: list[float] = []
    total, done = 0.0, False
    while not done:
        with torch.no_grad():
            logits = policy(torch.as_tensor(observation, dtype=torch.float32).unsqueeze(0))[0]
        probabilities = F.softmax(logits, dim=0)
        action = int(probabilities.argmax())
        confidences.append(float(probabilities[action]))
        observation, reward, terminated, truncated, _ = env.step(action)
        frames.append(np.asarray(env.render()))
        total += float(reward)
        done = terminated or truncated
    return frames, confidences, total


def save_gif(frames: list[np.ndarray], path: Path, fps: int) -> None:
    """Write the frames as an animated GIF that plays at ``fps`` frames per second, forever."""
    images = [Image.fromarray(frame) for frame in frames]
    images[0].save(
        path, save_all=True, append_images=images[1:], duration=round(1000 / fps), loop=0
    )


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
