"""Check of the Project Exercise: the frames, the greedy actions and their probabilities on
seeded CartPole episodes replayed here, the time limit, and the GIF's frames and timing."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import gymnasium as gym
import numpy as np
import torch
from PIL import Image

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_true,
    get_function,
    stop_after,
)
from rlcourse.agents.reinforce import make_policy

LIMIT = 40  # a short time limit, so that a steady policy is truncated


def replay(policy: torch.nn.Module, seed: int) -> tuple[list[int], list[float]]:
    """The greedy actions and their probabilities, on an environment of the check's own."""
    env = gym.make("CartPole-v1", max_episode_steps=LIMIT)
    observation, _ = env.reset(seed=seed)
    actions, probabilities, done = [], [], False
    while not done:
        with torch.no_grad():
            pi = torch.softmax(policy(torch.as_tensor(observation).unsqueeze(0))[0], dim=0)
        actions.append(int(pi.argmax()))
        probabilities.append(float(pi.max()))
        observation, _, terminated, truncated, _ = env.step(actions[-1])
        done = terminated or truncated
    env.close()
    return actions, probabilities


def balancing_policy() -> torch.nn.Module:
    """Pushes towards where the pole leans and turns (angle + angular velocity): it keeps
    the pole up past the time limit, so that the episode is truncated."""
    policy = make_policy(4, 2, ())
    layer = policy[0]
    assert isinstance(layer, torch.nn.Linear)
    with torch.no_grad():
        layer.weight.zero_()
        layer.bias.zero_()
        layer.weight[1, 2:] = torch.tensor([20.0, 20.0])  # the logit of "right"
    return policy


def check(module: ModuleType) -> None:
    play_and_render = get_function(module, "play_and_render")
    for seed in (0, 7, 11):
        torch.manual_seed(seed)
        policy = make_policy(4, 2, (16,)) if seed != 11 else balancing_policy()
        actions, probabilities = replay(policy, seed)
        env = stop_after(
            gym.make("CartPole-v1", render_mode="rgb_array", max_episode_steps=LIMIT), LIMIT
        )
        torch.manual_seed(1000)
        frames, confidences, total = play_and_render(policy, env, seed)
        env.close()
        what = f"play_and_render on seed {seed}"
        if min(confidences) < 0.5 - 1e-6:
            raise CheckFailed(
                f"{what}: a probability below 0.5 ({min(confidences):.3f}): with two "
                "actions, the greedy action's probability is at least 0.5; play the "
                "most probable action, do not sample"
            )
        if len(frames) == len(actions):
            raise CheckFailed(
                f"{what}: {len(frames)} frames for {len(actions)} steps: render once "
                "after reset too, so the GIF starts where the episode starts"
            )
        expect_equal(
            len(frames),
            len(actions) + 1,
            f"{what}: the number of frames (one after reset, one per step)",
        )
        expect_true(
            all(isinstance(f, np.ndarray) and f.dtype == np.uint8 and f.ndim == 3 for f in frames),
            f"{what}: each frame must be an (H, W, 3) uint8 array from env.render()",
        )
        expect_equal(len(confidences), len(actions), f"{what}: one probability per step")
        expect_equal(float(total), float(len(actions)), f"{what}: the return (+1 per step)")
        expect_close(
            np.array(confidences),
            np.array(probabilities),
            f"{what}: pi(A_t | S_t) of each greedy action",
            atol=1e-5,
        )

    save_gif = get_function(module, "save_gif")
    rng = np.random.default_rng(3)
    frames = [rng.integers(0, 256, size=(20, 30, 3), dtype=np.uint8) for _ in range(6)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "test.gif"
        save_gif(frames, path, fps=20)
        expect_true(path.is_file(), f"save_gif did not write {path.name}")
        with Image.open(path) as gif:
            count = getattr(gif, "n_frames", 1)
            duration = gif.info.get("duration")
            size = gif.size
    expect_equal(count, 6, "frames in the GIF of 6 frames")
    expect_equal(size, (30, 20), "the GIF's (width, height) for frames of shape (20, 30, 3)")
    expect_equal(duration, 50, "milliseconds per frame at 20 fps")
