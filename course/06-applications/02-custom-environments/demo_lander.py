"""Demo 1: the Moon lander as a Gymnasium environment: its spaces, Gymnasium's checker,
seeding, a free fall against the closed form, and what render() draws."""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import tyro
from gymnasium.utils.env_checker import check_env

# The environment, in lander.py beside this file.
from lander import DT, GRAVITY, register_lander


@dataclass(frozen=True)
class Config:
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    checker_warnings: int
    same_seed_same_start: bool
    free_fall_speed: float  # m/s at touchdown, engine always off, by the environment
    closed_form_speed: float  # sqrt(v0^2 + 2 g h0): the same fall in continuous time
    free_fall_reward: float
    frame_shape: list[int]


def picture(env: gym.Env[np.ndarray, np.int64]) -> np.ndarray:
    """env.render() narrowed to the (H, W, 3) array that render_mode="rgb_array" gives."""
    frame = env.render()
    if not isinstance(frame, np.ndarray):
        raise TypeError(f"expected an RGB array from render(), got {type(frame).__name__}")
    return frame


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    env = gym.make(register_lander(), render_mode="rgb_array")
    print(f"observation space: {env.observation_space}")
    print(f"action space: {env.action_space}")
    # Gymnasium's checker tests the environment itself, without gym.make's wrappers.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_env(env.unwrapped)
    print(f"check_env warnings: {len(caught)}")
    start, _ = env.reset(seed=cfg.seed)
    again, _ = env.reset(seed=cfg.seed)
    print(f"reset(seed={cfg.seed}) twice: {start} and {again}")

    # Engine off all the way down: a free fall, which physics solves in closed form.
    frames = [picture(env)]
    reward, terminated, info = 0.0, False, {}
    while not terminated:
        _, reward, terminated, _, info = env.step(0)
        frames.append(picture(env))
    height, velocity = float(start[0]), float(start[1])
    exact = math.sqrt(velocity**2 + 2 * GRAVITY * height)
    print(f"free fall from {height:.2f} m at {velocity:.2f} m/s: {len(frames) - 1} steps")
    print(f"  touchdown speed {info['touchdown_speed']:.2f} m/s, closed form {exact:.2f} m/s")
    print(f"  outcome {info['outcome']}, final reward {reward:.2f}")
    # --8<-- [end:main]

    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    shown = np.linspace(0, len(frames) - 1, 5).round().astype(int)
    fig, axes = plt.subplots(1, 5, figsize=(8, 3.6), dpi=100, layout="constrained")
    for ax, index in zip(axes, shown, strict=True):
        ax.imshow(frames[int(index)])
        ax.set_title(f"t = {index * DT:.1f} s")
        ax.set_axis_off()
    fig.suptitle("MoonLander.render(): a free fall, engine off (speed bar on the right)")
    fig.savefig(cfg.out_dir / "free_fall_frames.png")
    plt.close(fig)
    env.close()
    return Result(
        checker_warnings=len(caught),
        same_seed_same_start=bool(np.array_equal(start, again)),
        free_fall_speed=float(info["touchdown_speed"]),
        closed_form_speed=exact,
        free_fall_reward=float(reward),
        frame_shape=list(frames[0].shape),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
