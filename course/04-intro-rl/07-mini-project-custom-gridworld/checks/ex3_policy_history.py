"""Check of exercise 3: the recorded policies, the change counts (fixed and random), the
text on a square and a wide grid, and the figure through its panels' titles and text."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import gymnasium as gym
import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_equal,
    expect_true,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)
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


def reference_changes(policies: list[np.ndarray]) -> list[int]:
    previous = np.zeros_like(policies[0])
    changes = []
    for actions in policies:
        changes.append(int(np.sum(actions != previous)))
        previous = actions
    return changes


def check_changes(changes: Callable[..., Any]) -> None:
    policies = [np.array([0, 0, 1]), np.array([0, 2, 1]), np.array([0, 2, 1]), np.array([3, 0, 0])]
    expect_equal(
        list(changes(policies)),
        [1, 1, 0, 3],
        "changes_per_episode of [0,0,1], [0,2,1], [0,2,1], [3,0,0] (first vs all zeros)",
    )
    randoms = random_cases(71, 2, lambda rng: list(rng.integers(0, 4, size=(6, 5))))
    for policies in randoms:
        expect_equal(
            [int(c) for c in changes(policies)],
            reference_changes(policies),
            f"changes_per_episode of {[p.tolist() for p in policies]} (first vs all zeros)",
        )


WIDE = ("S.#.", "T..G")  # 2 x 4: rows and columns cannot be mixed up


def reference_rows(layout: tuple[str, ...], actions: np.ndarray) -> list[str]:
    arrows = "↑→↓←"
    n_cols = len(layout[0])
    return [
        "".join(
            arrows[actions[row * n_cols + col]] if char in ".S" else char
            for col, char in enumerate(line)
        )
        for row, line in enumerate(layout)
    ]


def check_text(arrows: Callable[..., Any]) -> None:
    grid = GridWorldEnv(LAYOUT)
    actions = np.array([RIGHT, RIGHT, DOWN, UP, LEFT, DOWN, UP, RIGHT, UP])
    expect_equal(list(arrows(grid, actions)), ["→→↓", "↑#↓", "T→G"], "arrow_rows of a 3x3 policy")
    actions = np.random.default_rng(72).integers(0, 4, size=8)
    expect_equal(
        list(arrows(GridWorldEnv(WIDE), actions)),
        reference_rows(WIDE, actions),
        f"arrow_rows of a 2x4 grid {list(WIDE)} with actions {actions.tolist()}",
    )


def check_figure(save: Callable[..., Any]) -> None:
    grid = GridWorldEnv(LAYOUT)
    policies = [np.full(9, action) for action in (UP, RIGHT, DOWN)]
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "strip.png"
        save(grid, policies, [1, 3], path)
        figure = saved_to(figures, path, "save_policy_strip")
    panels = [axes for axes in figure.axes if axes.texts]
    expect_equal(
        [axes.title for axes in panels],
        ["episode 1", "episode 3"],
        "the panels' titles for shown = [1, 3]",
    )
    for axes, episode in zip(panels, (1, 3), strict=True):
        wanted = "\n".join(reference_rows(LAYOUT, policies[episode - 1]))
        expect_true(
            wanted in axes.texts,
            f"panel 'episode {episode}' should show the arrow rows of the policy after episode "
            f"{episode} ({wanted!r}), got {axes.texts}",
        )


def check(module: ModuleType) -> None:
    check_changes(get_function(module, "changes_per_episode"))
    check_text(get_function(module, "arrow_rows"))
    check_recording(get_function(module, "record_greedy_policies"))
    check_figure(get_function(module, "save_policy_strip"))
