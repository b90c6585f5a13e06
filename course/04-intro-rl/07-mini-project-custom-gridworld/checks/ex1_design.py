"""Check of exercise 1: the layout meets the design brief; SlipperyGrid is a Gymnasium
environment that passes check_env, moves as the library's GridWorldEnv does (without
slips, step by step; with slips, in the right proportions) and follows its seed."""

from __future__ import annotations

import re
import warnings
from collections import deque
from collections.abc import Callable
from types import ModuleType
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium.envs.registration import EnvSpec
from gymnasium.utils.env_checker import check_env

from coursetools.check_helpers import (
    CheckFailed,
    expect_equal,
    expect_seeded,
    expect_true,
    get_function,
    random_cases,
)
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


TEST_LAYOUT = ("S.#.", ".T.G", "....")  # 3 x 4, every kind of cell, wide not square


def make(grid_class: Callable[..., Any], **settings: Any) -> gym.Env[Any, Any]:
    """The learner's class through gym.make (so check_env finds a spec)."""
    spec = EnvSpec(id="check47/SlipperyGrid-v0", entry_point=grid_class, kwargs=settings)
    return gym.make(spec)


def check_spaces(grid_class: Callable[..., Any]) -> None:
    env = grid_class(TEST_LAYOUT, slip_probability=0.2)
    for name, size in (("observation_space", 12), ("action_space", 4)):
        space = getattr(env, name, None)
        if not isinstance(space, gym.spaces.Discrete):
            raise CheckFailed(f"SlipperyGrid.{name}: expected a Discrete space, got {space!r}")
        expect_equal(int(space.n), size, f"SlipperyGrid({TEST_LAYOUT}).{name}.n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning from check_env fails the check
        try:
            check_env(make(grid_class, layout=TEST_LAYOUT, slip_probability=0.2).unwrapped)
        except (Warning, AssertionError) as problem:
            message = re.sub(r"\x1b\[[0-9;]*m", "", str(problem))  # drop terminal colours
            if "same seed" in message:
                message += (
                    ": one seed gave different results; draw every random number from "
                    "self.np_random, which reset(seed=...) seeds (not from np.random or random)"
                )
            raise CheckFailed(f"gymnasium's check_env on SlipperyGrid: {message}") from None


def check_moves(grid_class: Callable[..., Any]) -> None:
    """Without slips every step is known: compare with the library's GridWorldEnv."""
    to_goal = np.array([2, 2, 1, 1, 1, 0])  # down, down, right, right, right, up: into G
    sequences = [to_goal, *random_cases(73, 12, lambda rng: rng.integers(0, 4, 12))]
    for number, actions in enumerate(sequences):
        env = grid_class(TEST_LAYOUT, 2.0, 5.0, 30.0, 0.0)
        reference = GridWorldEnv(
            TEST_LAYOUT, step_cost=2.0, goal_reward=5.0, trap_penalty=30.0, slip_probability=0.0
        )
        got_state, _ = env.reset(seed=number)
        state, _ = reference.reset(seed=number)
        expect_equal(int(got_state), state, "the state after reset (the S cell)")
        for t, action in enumerate(actions.tolist()):
            got = env.step(action)
            next_state, reward, terminated, truncated, _ = reference.step(action)
            what = (
                f"SlipperyGrid({TEST_LAYOUT}, no slips, step_cost 2, goal_reward 5, "
                f"trap_penalty 30): step {t}, action {action} from state {state}"
            )
            expect_equal(
                (int(got[0]), float(got[1]), bool(got[2]), bool(got[3])),
                (next_state, float(reward), terminated, truncated),
                f"{what}: (next state, reward, terminated, truncated)",
            )
            state = next_state
            if terminated:
                break


def check_slips(grid_class: Callable[..., Any]) -> None:
    """With slips, the next states of many tries follow the model's probabilities."""
    env = grid_class(TEST_LAYOUT, slip_probability=0.4)
    model = GridWorldEnv(TEST_LAYOUT, slip_probability=0.4)
    env.reset(seed=5)
    tries = 4000
    counts: dict[int, int] = {}
    for _ in range(tries):
        env.reset()
        next_state = int(env.step(2)[0])  # down from the start
        counts[next_state] = counts.get(next_state, 0) + 1
    for probability, state, _, _ in model.P[0][2]:
        share = counts.get(state, 0) / tries
        margin = 5 * np.sqrt(probability * (1 - probability) / tries)
        expect_true(
            abs(share - probability) <= margin,
            f"SlipperyGrid({TEST_LAYOUT}, slip_probability 0.4): moving down from the start "
            f"reached state {state} in {share:.1%} of {tries} tries, expected "
            f"{probability:.0%} (aimed: 1 - slip; each side: slip / 2; blocked: stay)",
        )
    unexpected = sorted(set(counts) - {state for _, state, _, _ in model.P[0][2]})
    expect_true(not unexpected, f"moving down from the start reached states {unexpected}")

    def states(seed: int) -> list[int]:
        env.reset(seed=seed)
        return [int(env.step(action)[0]) for action in (1, 2, 2, 1, 1, 0, 3, 2) * 2]

    expect_seeded(states, "the states of SlipperyGrid(slip 0.4) after reset(seed=...)")


def check(module: ModuleType) -> None:
    check_layout(getattr(module, "MY_LAYOUT", None))
    grid_class = get_function(module, "SlipperyGrid")
    check_spaces(grid_class)
    check_moves(grid_class)
    check_slips(grid_class)
