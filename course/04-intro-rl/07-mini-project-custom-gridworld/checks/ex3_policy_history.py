"""Check of exercise 3: the recorded policies, the change counts, the text and the figure."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import gymnasium as gym
import numpy as np
from PIL import Image

from coursetools.check_helpers import CheckFailed, expect_equal, expect_true, get_function
from rlcourse.agents.tabular import greedy_actions, train
from rlcourse.envs import GRIDWORLD_ID
from rlcourse.envs.gridworld import DOWN, LEFT, RIGHT, UP, GridWorldEnv

LAYOUT = ("S..", ".#.", "T.G")
SETTINGS = {"episodes": 25, "alpha": 0.5, "gamma": 1.0, "epsilon": 0.3, "seed": 3}


def make_env() -> gym.Env[Any, Any]:
    return gym.make(GRIDWORLD_ID, layout=LAYOUT, slip_probability=0.1, max_episode_steps=40)


def check_recording(record: Callable[..., Any]) -> None:
    expected: list[np.ndarray] = []
    train(
        make_env(),
        "q_learning",
        SETTINGS["episodes"],
        SETTINGS["alpha"],
        SETTINGS["gamma"],
        SETTINGS["epsilon"],
        SETTINGS["seed"],
        False,
        on_episode_end=lambda episode, q: expected.append(greedy_actions(q)),
    )
    assert len({p.tobytes() for p in expected}) > 1, "the check's run should change its policy"
    got = record(make_env(), *SETTINGS.values())
    expect_equal(len(got), len(expected), "number of recorded policies (one per episode)")
    for episode, (mine, theirs) in enumerate(zip(got, expected, strict=True), start=1):
        mine = np.asarray(mine)
        expect_equal(mine.shape, theirs.shape, f"shape of the policy after episode {episode}")
        if not np.array_equal(mine, theirs):
            raise CheckFailed(
                f"policy after episode {episode}: expected {theirs.tolist()}, got "
                f"{mine.tolist()} (storing q itself, not greedy_actions(q), keeps only the last)"
            )


def check_changes(changes: Callable[..., Any]) -> None:
    policies = [np.array([0, 0, 1]), np.array([0, 2, 1]), np.array([0, 2, 1]), np.array([3, 0, 0])]
    expect_equal(
        list(changes(policies)),
        [1, 1, 0, 3],
        "changes_per_episode of [0,0,1], [0,2,1], [0,2,1], [3,0,0] (first vs all zeros)",
    )


def check_text(arrows: Callable[..., Any]) -> None:
    grid = GridWorldEnv(LAYOUT)
    actions = np.array([RIGHT, RIGHT, DOWN, UP, LEFT, DOWN, UP, RIGHT, UP])
    expect_equal(list(arrows(grid, actions)), ["→→↓", "↑#↓", "T→G"], "arrow_rows of a 3x3 policy")


def check_figure(save: Callable[..., Any]) -> None:
    grid = GridWorldEnv(LAYOUT)
    policies = [np.full(9, action) for action in (UP, RIGHT, DOWN)]
    sizes: list[int] = []
    with tempfile.TemporaryDirectory() as folder:
        for shown in ([1], [1, 2, 3]):
            path = Path(folder) / f"strip{len(shown)}.png"
            save(grid, policies, shown, path)
            if not path.is_file():
                raise CheckFailed(f"save_policy_strip wrote no file at {path}")
            with Image.open(path) as image:
                expect_equal(image.format, "PNG", "format of the saved figure")
                sizes.append(image.width * image.height)
    expect_true(
        sizes[1] > sizes[0],
        f"a strip of 3 panels should be larger than one of 1 panel, got {sizes[1]} and "
        f"{sizes[0]} pixels",
    )


def check(module: ModuleType) -> None:
    check_changes(get_function(module, "changes_per_episode"))
    check_text(get_function(module, "arrow_rows"))
    check_recording(get_function(module, "record_greedy_policies"))
    check_figure(get_function(module, "save_policy_strip"))
