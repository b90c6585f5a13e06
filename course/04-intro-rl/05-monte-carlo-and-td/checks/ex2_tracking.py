"""Check of exercise 2: value histories (copies, not one array seen many times), settling
episodes on fixed and random histories, and the figure through its panels and lines."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_png,
    expect_shape,
    expect_true,
    expect_type,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)
from rlcourse.episodes import Episode, Step


def check_track(track_values: Callable[..., Any]) -> None:
    def add_reward(values: np.ndarray, episode: Episode) -> None:
        for step in episode:
            values[step.state] += step.reward

    episodes = [[Step(1, 0, 1.0, 0, True)], [Step(2, 0, 3.0, 1, False), Step(1, 0, 2.0, 0, True)]]
    initial = np.array([0.0, 0.5, 0.25])
    what = "track_values(initial=[0, 0.5, 0.25], two episodes, an update adding each reward)"
    history = expect_type(track_values(initial, episodes, add_reward), np.ndarray, what)
    expect_shape(history, (3, 3), what)
    expected = np.array([[0.0, 0.5, 0.25], [0.0, 1.5, 0.25], [0.0, 3.5, 3.25]])
    if np.array_equal(history[1:], np.tile(expected[-1], (2, 1))):
        raise CheckFailed(
            f"{what}: rows 1 and 2 are both the final values: the history holds the same "
            "array twice, which the update kept changing; append a copy after each episode"
        )
    expect_close(history, expected, f"{what}: rows are the values before, after 1, after 2")
    expect_true(
        np.array_equal(initial, [0.0, 0.5, 0.25]),
        f"track_values changed the initial array it was given: now {initial}",
    )


def check_settling(settling_episodes: Callable[..., Any]) -> None:
    truth = np.array([0.0, 1.0, 2.0, 3.0])
    history = np.array(
        [
            [0.0, 0.0, 2.0, 0.0],  # row 0
            [0.0, 0.95, 2.5, 0.0],  # row 1: state 1 inside the band (0.1) ...
            [0.0, 1.2, 2.05, 0.0],  # row 2: ... and out again
            [0.0, 1.05, 1.95, 0.0],  # row 3: state 1 inside for good
            [0.0, 0.91, 2.08, 3.5],  # row 4: state 3 leaves the band at the very end
        ]
    )
    got = settling_episodes(history, truth, [1, 2, 3], 0.1)
    what = "settling_episodes(history, truth, states [1, 2, 3], tolerance 0.1)"
    # State 2 leaves the band only at row 1, so it is inside for good from row 2.
    expect_equal(list(got) if isinstance(got, list | tuple) else got, [3, 2, -1], what)
    got = settling_episodes(history[[0, 3, 4]], truth, [2], 0.1)
    expect_equal(
        list(got) if isinstance(got, list | tuple) else got,
        [0],
        "settling_episodes when a state is inside the band from row 0 on",
    )


def reference_settling(history: np.ndarray, truth: np.ndarray, state: int, tolerance: float) -> int:
    inside = np.abs(history[:, state] - truth[state]) <= tolerance
    if not inside[-1]:
        return -1
    row = len(history) - 1
    while row > 0 and inside[row - 1]:
        row -= 1
    return row


def check_random_settling(settling_episodes: Callable[..., Any]) -> None:
    truth = np.array([0.0, 0.5, -0.5])
    for history in random_cases(53, 3, lambda rng: rng.normal(scale=0.15, size=(12, 3))):
        got = settling_episodes(history, truth, [0, 1, 2], 0.1)
        expected = [reference_settling(history, truth, s, 0.1) for s in (0, 1, 2)]
        expect_equal(
            [int(e) for e in got],
            expected,
            f"settling_episodes on the history {np.round(history, 2).tolist()}, truth "
            f"{truth.tolist()}, tolerance 0.1 (the first row of the final stretch inside the band)",
        )


def check_plot(plot_tracks: Callable[..., Any]) -> None:
    steps = np.linspace(0.0, 1.0, 50)
    history = np.stack([np.zeros(50), steps, 1.0 - steps, steps**2], axis=1)  # (50, 4)
    truth = np.array([0.0, 1.0, 0.25, 0.75])
    histories = {"first": history, "second": history[::-1]}
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "tracks.png"
        plot_tracks(histories, truth, [1, 2, 3], path)
        expect_png(path, "plot_tracks(...)", (300, 150), 20)
        figure = saved_to(figures, path, "plot_tracks")
    panels = [axes for axes in figure.axes if axes.lines]
    expect_equal(
        [axes.title for axes in panels], list(histories), "the panels' titles (one per history)"
    )
    for axes, (title, values) in zip(panels, histories.items(), strict=True):
        for state in (1, 2, 3):
            expect_true(
                any(
                    np.allclose(line.y, values[:, state])
                    for line in axes.lines
                    if line.y.size == 50
                ),
                f"panel {title!r}: no line follows V({state}) over the episodes",
            )
            expect_true(
                any(line.y.size == 2 and np.allclose(line.y, truth[state]) for line in axes.lines),
                f"panel {title!r}: no dashed line at V({state})'s true value {truth[state]}",
            )


def check(module: ModuleType) -> None:
    check_track(get_function(module, "track_values"))
    check_settling(get_function(module, "settling_episodes"))
    check_random_settling(get_function(module, "settling_episodes"))
    check_plot(get_function(module, "plot_tracks"))
