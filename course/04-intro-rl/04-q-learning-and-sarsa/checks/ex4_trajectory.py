"""Check of exercise 4: greedy rollouts from known Q-tables and a random one (against a
reference), frames, and the animation through the image and title of every frame."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import gymnasium as gym
import numpy as np
from PIL import Image

from coursetools.check_helpers import (
    CheckFailed,
    expect_equal,
    expect_true,
    get_function,
    recorded_figures,
)
from rlcourse.envs import GRIDWORLD_ID
from rlcourse.envs.gridworld import DOWN, RIGHT, UP

LAYOUT = ("S..", ".#.", "..G")  # 3 x 3, start top-left, goal bottom-right
CELL = 8  # pixels per cell, so frames are 24 x 24 x 3


def make_env(render: bool) -> gym.Env[Any, Any]:
    return gym.make(
        GRIDWORLD_ID,
        layout=LAYOUT,
        render_mode="rgb_array" if render else None,
        cell_size=CELL,
        max_episode_steps=20,
    )


def route_q() -> np.ndarray:
    """A Q-table whose greedy route is right, right, down, down (states 0, 1, 2, 5, 8)."""
    q = np.zeros((9, 4))
    q[0, RIGHT] = q[1, RIGHT] = 1.0
    q[2, DOWN] = q[5, DOWN] = 1.0
    return q


def check_rollout(greedy_rollout: Callable[..., Any]) -> None:
    rollout = greedy_rollout(make_env(render=False), route_q(), 0, 10)
    expect_equal(
        list(rollout.states),
        [0, 1, 2, 5, 8],
        "states of the greedy route (right, right, down, down)",
    )
    expect_equal(list(rollout.actions), [RIGHT, RIGHT, DOWN, DOWN], "actions of that route")
    expect_equal(
        [float(r) for r in rollout.rewards], [-1.0, -1.0, -1.0, 0.0], "rewards of that route"
    )
    expect_equal(len(rollout.frames), 0, "number of frames when the env does not render")

    # Up from the start bumps into the border: the agent never moves, so max_steps must stop it.
    looping = np.zeros((9, 4))
    looping[:, UP] = 1.0
    rollout = greedy_rollout(make_env(render=False), looping, 0, 4)
    expect_equal(
        list(rollout.states),
        [0, 0, 0, 0, 0],
        "states when the greedy action bumps a wall (max_steps=4)",
    )
    expect_equal(list(rollout.actions), [UP] * 4, "actions when the greedy action bumps a wall")
    rollout = greedy_rollout(make_env(render=False), looping, 0, 50)
    expect_equal(
        len(rollout.actions),
        20,
        "moves of the bumping policy with max_steps=50 in an env with a 20-step time limit "
        "(stop when the env says truncated)",
    )

    # Ties go to the lowest action: all zeros means action 0 (up) everywhere.
    rollout = greedy_rollout(make_env(render=False), np.zeros((9, 4)), 0, 3)
    expect_equal(
        list(rollout.actions), [UP] * 3, "actions of an all-zero Q-table (ties: lowest action)"
    )


def check_frames(greedy_rollout: Callable[..., Any], animate: Callable[..., Any]) -> None:
    rollout = greedy_rollout(make_env(render=True), route_q(), 0, 10)
    expect_equal(len(rollout.frames), 5, "number of frames (one after the reset, one per move)")
    reference = make_env(render=True)
    reference.reset(seed=0)
    first = np.asarray(reference.render())
    for index, frame in enumerate(rollout.frames):
        frame = np.asarray(frame)
        expect_equal(frame.shape, (3 * CELL, 3 * CELL, 3), f"shape of frame {index}")
        expect_equal(frame.dtype, np.dtype(np.uint8), f"dtype of frame {index}")
    expect_true(
        np.array_equal(np.asarray(rollout.frames[0]), first),
        "frame 0 should be env.render() right after env.reset(seed=...)",
    )
    expect_true(
        not np.array_equal(np.asarray(rollout.frames[0]), np.asarray(rollout.frames[-1])),
        "the first and last frames are identical: render after every move",
    )

    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "trajectory.gif"
        animate(rollout, path, 4)
        if not path.is_file():
            raise CheckFailed(f"animate(rollout, path, fps) wrote no file at {path}")
        with Image.open(path) as image:
            expect_equal(image.format, "GIF", "format of the saved animation")
            expect_equal(getattr(image, "n_frames", 1), 5, "frames in the saved GIF")
    frames = [figure for figure in figures if not figure.target]  # the writer's frame grabs
    expect_equal(len(frames), 5, "frames that the animation writer drew")
    returns = np.concatenate([[0.0], np.cumsum(rollout.rewards)])
    for t, frame in enumerate(frames):
        images = frame.images()
        expect_true(
            len(images) == 1 and np.array_equal(images[0], np.asarray(rollout.frames[t])),
            f"frame {t} of the animation should show rollout.frames[{t}]",
        )
        titles = " ".join(frame.titles())
        numbers = re.findall(r"-?\d+(?:\.\d+)?", titles)
        expect_true(
            f"step {t}" in titles
            and len(numbers) >= 2
            and abs(float(numbers[1]) - returns[t]) < 0.05,
            f"frame {t}'s title is {titles.strip()!r}; expected 'step {t}, return "
            f"{returns[t]:.1f}' (the return of the first {t} rewards)",
        )


def check_random_rollout(greedy_rollout: Callable[..., Any]) -> None:
    """A random Q-table (no ties) against a rollout computed here."""
    q = np.random.default_rng(47).normal(size=(9, 4))
    env = make_env(render=False)
    state, _ = env.reset(seed=0)
    states, actions = [state], []
    for _ in range(12):
        action = int(np.argmax(q[state]))
        state, _, terminated, truncated, _ = env.step(action)
        states.append(state)
        actions.append(action)
        if terminated or truncated:
            break
    rollout = greedy_rollout(make_env(render=False), q, 0, 12)
    expect_equal(list(rollout.states), states, "states of the greedy rollout of a random Q-table")
    expect_equal(list(rollout.actions), actions, "actions of that rollout")


def check(module: ModuleType) -> None:
    greedy_rollout = get_function(module, "greedy_rollout")
    check_rollout(greedy_rollout)
    check_random_rollout(greedy_rollout)
    check_frames(greedy_rollout, get_function(module, "animate"))
