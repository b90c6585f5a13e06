"""Check of exercise 1: the layout meets the design brief; registration is safe to repeat."""

from __future__ import annotations

import re
import uuid
import warnings
from collections import deque
from collections.abc import Callable
from types import ModuleType
from typing import Any

import gymnasium as gym
from gymnasium.utils.env_checker import check_env

from coursetools.check_helpers import CheckFailed, expect_equal, expect_true, get_function
from rlcourse.envs.gridworld import GridWorldEnv

DELTAS = ((-1, 0), (0, 1), (1, 0), (0, -1))  # up, right, down, left, as in the gridworld


def shortest_route(layout: tuple[str, ...], slip_safe: bool) -> int | None:
    """Fewest moves from S to G that never enter a wall or a trap (None: no such route).

    With ``slip_safe``, only moves whose two sideways neighbours are not traps count.
    """
    n_rows, n_cols = len(layout), len(layout[0])

    def cell(row: int, col: int) -> str:
        return layout[row][col] if 0 <= row < n_rows and 0 <= col < n_cols else "#"

    start = next((r, c) for r in range(n_rows) for c in range(n_cols) if layout[r][c] == "S")
    distance = {start: 0}
    queue = deque([start])
    while queue:
        row, col = queue.popleft()
        if layout[row][col] == "G":
            return distance[(row, col)]
        for direction, (d_row, d_col) in enumerate(DELTAS):
            target = (row + d_row, col + d_col)
            if cell(*target) in "#T" or target in distance:
                continue
            sideways = [DELTAS[(direction + turn) % 4] for turn in (1, 3)]
            if slip_safe and any(cell(row + dr, col + dc) == "T" for dr, dc in sideways):
                continue
            distance[target] = distance[(row, col)] + 1
            queue.append(target)
    return None


def check_layout(layout: object) -> tuple[str, ...]:
    if not isinstance(layout, tuple) or not all(isinstance(row, str) for row in layout):
        raise CheckFailed(f"MY_LAYOUT: expected a tuple of strings, got {layout!r}")
    try:
        GridWorldEnv(layout)
    except ValueError as error:
        raise CheckFailed(f"MY_LAYOUT is not a valid gridworld layout: {error}") from None
    text = "".join(layout)
    counts = {char: text.count(char) for char in "SG#T"}
    expect_true(
        counts["S"] == 1 and counts["G"] == 1,
        f"MY_LAYOUT: expected exactly one S and one G, got {counts['S']} and {counts['G']}",
    )
    expect_true(
        counts["#"] >= 1 and counts["T"] >= 1,
        f"MY_LAYOUT: expected at least one wall and one trap, got {counts['#']} and {counts['T']}",
    )
    shortest = shortest_route(layout, slip_safe=False)
    safe = shortest_route(layout, slip_safe=True)
    expect_true(shortest is not None, "MY_LAYOUT: the goal cannot be reached from the start")
    expect_true(
        safe is not None,
        f"MY_LAYOUT: every route to the goal (the shortest has {shortest} moves) has a move "
        "that can slip into a trap; the brief asks for a slip-safe detour as well",
    )
    expect_true(
        safe is not None and shortest is not None and safe > shortest,
        f"MY_LAYOUT: the shortest route ({shortest} moves) is already slip-safe; the brief "
        "asks for a shortest route past a trap and a longer slip-safe one",
    )
    return layout


def check_registration(register: Callable[..., Any], layout: tuple[str, ...]) -> None:
    env_id = f"check47/Grid_{uuid.uuid4().hex[:8]}-v0"  # a fresh id for every check run
    returned = register(env_id, layout, 2.0, 30.0, 0.2, 50)
    expect_equal(returned, env_id, "the id returned by register_gridworld")
    expect_true(env_id in gym.registry, f"{env_id} is not in gym.registry after registering it")
    env = gym.make(env_id)
    inner = env.unwrapped
    if not isinstance(inner, GridWorldEnv):
        raise CheckFailed(f"gym.make({env_id!r}) made a {type(inner).__name__}, not a GridWorldEnv")
    expect_equal(tuple(inner.layout), layout, "layout of the registered environment")
    got = (inner.step_cost, inner.trap_penalty, inner.slip_probability)
    expect_equal(got, (2.0, 30.0, 0.2), "(step_cost, trap_penalty, slip_probability)")
    expect_true(env.spec is not None, "the made environment has no spec")
    if env.spec is not None:
        expect_equal(env.spec.max_episode_steps, 50, "max_episode_steps of the registration")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning from check_env fails the check
        try:
            check_env(inner)
            register(env_id, layout, 2.0, 30.0, 0.2, 50)  # the same again: must stay silent
        except Warning as warning:
            message = re.sub(r"\x1b\[[0-9;]*m", "", str(warning))  # drop terminal colours
            raise CheckFailed(f"expected no warnings, got: {message}") from None
    try:
        register(env_id, layout, 2.0, 99.0, 0.2, 50)
    except ValueError:
        pass
    else:
        raise CheckFailed(
            "registering an id again with another trap_penalty should raise ValueError"
        )
    expect_equal(
        gym.registry[env_id].kwargs.get("trap_penalty"),
        30.0,
        "trap_penalty registered after the refused second registration",
    )


def check(module: ModuleType) -> None:
    register = get_function(module, "register_gridworld")
    layout = check_layout(getattr(module, "MY_LAYOUT", None))
    check_registration(register, layout)
