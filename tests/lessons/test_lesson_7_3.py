"""Lesson 7.3: what the generic lesson test cannot know about the task family: distances
are shortest paths, held-out starts are in no training task, the exact success agrees
with play, and the committed results tell the post's story."""

from __future__ import annotations

import json
from typing import Any

import numpy as np

from coursetools.file_import import import_file
from coursetools.lessons import load

LESSON = load("7.3")
tasks = import_file(LESSON.folder / "tasks.py")


def test_distances_and_bands() -> None:
    distance = tasks.goal_distances(tasks.MAZE)
    assert distance.max() == 20
    assert (distance == 0).sum() == 1
    family = tasks.task_family(tasks.MAZE, tasks.BANDS, held_out=tasks.HELD_OUT)
    starts = [set(tasks.start_cells(task)) for task in family]
    assert all(not (a & b) for i, a in enumerate(starts) for b in starts[i + 1 :])
    assert not set(tasks.HELD_OUT) & set().union(*starts)
    for (low, high), cells in zip(tasks.BANDS, starts, strict=True):
        assert all(low <= distance[c] <= high for c in cells)


def test_exact_success_matches_play() -> None:
    """The greedy policy along the shortest paths succeeds from every start within 20
    moves, and never within fewer moves than the distance."""
    distance = tasks.goal_distances(tasks.MAZE)
    env = tasks.make_env(tasks.with_starts(tasks.MAZE, [1])).unwrapped
    policy = np.zeros((distance.size, 4))
    for cell in range(distance.size):
        if distance[cell] > 0:
            closer = [a for a in range(4) if distance[env.P[cell][a][0][1]] == distance[cell] - 1]
            policy[cell, closer[0]] = 1.0
        else:
            policy[cell, 0] = 1.0
    far = tasks.with_starts(tasks.MAZE, [int(np.argmax(distance))])
    assert tasks.success_probability(far, policy, time_limit=20) == 1.0
    assert tasks.success_probability(far, policy, time_limit=19) == 0.0


def test_committed_results_tell_the_posts_story() -> None:
    results: dict[str, Any] = json.loads((LESSON.outputs / "results.json").read_text())
    difficulty = results["demo_tasks"]["random_success"]
    assert difficulty == sorted(difficulty, reverse=True)
    curriculum = results["demo_curriculum"]
    assert curriculum["final_success"]["fixed"][0] > 0.9 > curriculum["final_success"]["none"][0]
    curves = results["demo_curves"]["episodes_to_90"]
    assert 0 < curves["adaptive"] < curves["fixed"] and curves["none"] == -1
    fixed = results["demo_transfer"]["success"]["fixed"]
    assert fixed[1][0] < fixed[3][0] < fixed[0][0]  # held out < held out, slippery < trained
