"""A configurable gridworld (Part 4.4, Q-learning and SARSA, introduces it).

Parts 4.5 to 4.7 reuse it. The grid is drawn as a list of strings::

    "....."      .  floor
    ".#..."      #  wall: moving into it (or off the grid) leaves the agent in place
    "STTTG"      S  start (several S cells: the start is drawn uniformly among them)
                 G  goal: entering it ends the episode with ``goal_reward``
                 T  trap: entering it ends the episode with ``-trap_penalty``

Every other move costs ``step_cost`` (the reward is ``-step_cost``). With
``slip_probability`` p > 0 the agent moves in the intended direction with probability
1 - p and in each of the two perpendicular directions with probability p / 2.

The state is the cell's index ``row * n_cols + col``, so a vector of per-state numbers
reshapes directly into the grid (:meth:`GridWorldEnv.to_grid`). Walls and terminal
cells are states too, although the agent never acts from them; like Gymnasium's
toy-text environments, their transitions are absorbing, ``(1.0, s, 0.0, True)``.

The environment exposes its model as ``env.P[state][action]``, a list of
``(probability, next_state, reward, terminated)`` tuples (Gymnasium's toy-text
format), which :func:`rlcourse.mdp.tabular_mdp` turns into the arrays that
:mod:`rlcourse.dp` plans with.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from rlcourse.mdp import ToyTextOutcome

UP, RIGHT, DOWN, LEFT = 0, 1, 2, 3
ACTION_NAMES: tuple[str, ...] = ("up", "right", "down", "left")
ACTION_ARROWS: tuple[str, ...] = ("↑", "→", "↓", "←")
# (row change, column change) of each action, in action order.
ACTION_DELTAS: tuple[tuple[int, int], ...] = ((-1, 0), (0, 1), (1, 0), (0, -1))

# A cliff: the short route runs right beside the traps, the safe one two rows higher.
CLIFF_LAYOUT: tuple[str, ...] = (
    "..........",
    "..........",
    "..........",
    "STTTTTTTTG",
)

# A small maze with one trap next to the shortest route.
MAZE_LAYOUT: tuple[str, ...] = (
    "......#...",
    ".####.#.#.",
    "...T....#G",
    ".#.##.###.",
    "S#........",
)


_COLOURS: dict[str, tuple[int, int, int]] = {
    ".": (238, 238, 238),
    "S": (200, 220, 255),
    "#": (70, 70, 70),
    "G": (110, 200, 110),
    "T": (220, 90, 80),
}
_AGENT_COLOUR = (40, 80, 200)
_GRID_LINE_COLOUR = (180, 180, 180)


# Env[Any, Any]: Gymnasium types Discrete spaces as holding np.int64, while reset() and
# step() below return plain ints (as Gymnasium's toy-text environments do). The methods'
# own annotations give callers the precise types.
class GridWorldEnv(gym.Env[Any, Any]):
    """A grid with walls, traps and a goal; observations and actions are integers.

    Actions: 0 up, 1 right, 2 down, 3 left. Observation: the agent's cell index.
    """

    # Gymnasium reads metadata from the class (gym.make checks render_mode against it).
    metadata = {"render_modes": ["ansi", "rgb_array"], "render_fps": 4}  # noqa: RUF012

    def __init__(
        self,
        layout: Sequence[str] = CLIFF_LAYOUT,
        step_cost: float = 1.0,
        goal_reward: float = 0.0,
        trap_penalty: float = 100.0,
        slip_probability: float = 0.0,
        render_mode: str | None = None,
        cell_size: int = 32,
    ) -> None:
        self.layout: tuple[str, ...] = _validated_layout(layout)
        if not 0.0 <= slip_probability <= 1.0:
            raise ValueError(f"slip_probability must be in [0, 1], got {slip_probability}")
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode must be one of {self.metadata['render_modes']}")
        self.n_rows = len(self.layout)
        self.n_cols = len(self.layout[0])
        self.step_cost = step_cost
        self.goal_reward = goal_reward
        self.trap_penalty = trap_penalty
        self.slip_probability = slip_probability
        self.render_mode = render_mode
        self.cell_size = cell_size

        n_states = self.n_rows * self.n_cols
        self.observation_space = spaces.Discrete(n_states)
        self.action_space = spaces.Discrete(len(ACTION_DELTAS))
        starts = [s for s in range(n_states) if self.cell(s) == "S"]
        self.initial_state_distrib = np.zeros(n_states)
        self.initial_state_distrib[starts] = 1.0 / len(starts)
        self.P: dict[int, dict[int, list[ToyTextOutcome]]] = {
            state: {action: self._outcomes(state, action) for action in range(4)}
            for state in range(n_states)
        }
        self.state = starts[0]
        self.last_action: int | None = None

    def cell(self, state: int) -> str:
        """The layout character of ``state``'s cell."""
        row, col = divmod(state, self.n_cols)
        return self.layout[row][col]

    def is_terminal(self, state: int) -> bool:
        return self.cell(state) in "GT"

    def to_grid(self, per_state: np.ndarray) -> np.ndarray:
        """Reshape a vector of shape (n_states,) to (n_rows, n_cols), NaN on walls."""
        grid = np.asarray(per_state, dtype=np.float64).reshape(self.n_rows, self.n_cols).copy()
        grid[np.array([[c == "#" for c in row] for row in self.layout])] = np.nan
        return grid

    # --8<-- [start:model]
    def _move(self, state: int, action: int) -> int:
        """The cell reached by moving from ``state`` in direction ``action``."""
        row, col = divmod(state, self.n_cols)
        d_row, d_col = ACTION_DELTAS[action]
        new_row, new_col = row + d_row, col + d_col
        off_grid = not (0 <= new_row < self.n_rows and 0 <= new_col < self.n_cols)
        if off_grid or self.layout[new_row][new_col] == "#":
            return state  # bumping into the border or a wall costs a step, goes nowhere
        return new_row * self.n_cols + new_col

    def _outcomes(self, state: int, action: int) -> list[ToyTextOutcome]:
        """All outcomes of ``action`` in ``state``, merged when two directions coincide."""
        if self.cell(state) in "#GT":
            return [(1.0, state, 0.0, True)]  # absorbing: the agent never acts here
        perpendicular = ((action + 1) % 4, (action + 3) % 4)
        directions = [(action, 1.0 - self.slip_probability)]
        directions += [(d, self.slip_probability / 2) for d in perpendicular]
        merged: dict[int, float] = {}
        for direction, probability in directions:
            if probability > 0.0:
                next_state = self._move(state, direction)
                merged[next_state] = merged.get(next_state, 0.0) + probability
        return [(p, s, *self._reward_and_end(s)) for s, p in merged.items()]

    def _reward_and_end(self, next_state: int) -> tuple[float, bool]:
        cell = self.cell(next_state)
        if cell == "G":
            return self.goal_reward, True
        if cell == "T":
            return -self.trap_penalty, True
        return -self.step_cost, False

    # --8<-- [end:model]

    # --8<-- [start:step]
    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[int, dict[str, Any]]:
        super().reset(seed=seed)  # seeds self.np_random, the env's only randomness
        n_states = len(self.initial_state_distrib)
        self.state = int(self.np_random.choice(n_states, p=self.initial_state_distrib))
        self.last_action = None
        return self.state, {"prob": 1.0}

    def step(self, action: int) -> tuple[int, float, bool, bool, dict[str, Any]]:
        outcomes = self.P[self.state][int(action)]
        index = 0 if len(outcomes) == 1 else self._sample([p for p, *_ in outcomes])
        probability, next_state, reward, terminated = outcomes[index]
        self.state = next_state
        self.last_action = int(action)
        # truncated is False: the time limit is the TimeLimit wrapper's job (gym.make)
        return next_state, reward, terminated, False, {"prob": probability}

    # --8<-- [end:step]

    def _sample(self, probabilities: list[float]) -> int:
        return int(self.np_random.choice(len(probabilities), p=probabilities))

    def render(self) -> str | np.ndarray | None:
        if self.render_mode == "ansi":
            return self._render_text()
        if self.render_mode == "rgb_array":
            return self._render_rgb()
        return None

    def _render_text(self) -> str:
        rows = [list(row) for row in self.layout]
        row, col = divmod(self.state, self.n_cols)
        rows[row][col] = "A"
        return "\n".join("".join(row) for row in rows) + "\n"

    def _render_rgb(self) -> np.ndarray:
        """An image of shape (n_rows * cell_size, n_cols * cell_size, 3), dtype uint8."""
        size = self.cell_size
        image = np.zeros((self.n_rows * size, self.n_cols * size, 3), dtype=np.uint8)
        for row, line in enumerate(self.layout):
            for col, char in enumerate(line):
                image[row * size : (row + 1) * size, col * size : (col + 1) * size] = _COLOURS[char]
        image[::size, :] = _GRID_LINE_COLOUR
        image[:, ::size] = _GRID_LINE_COLOUR
        image[-1, :] = _GRID_LINE_COLOUR
        image[:, -1] = _GRID_LINE_COLOUR
        row, col = divmod(self.state, self.n_cols)
        ys, xs = np.mgrid[0:size, 0:size]
        centre = (size - 1) / 2
        disc = (ys - centre) ** 2 + (xs - centre) ** 2 <= (0.35 * size) ** 2
        image[row * size : (row + 1) * size, col * size : (col + 1) * size][disc] = _AGENT_COLOUR
        return image


def unwrap_gridworld(env: gym.Env[Any, Any]) -> GridWorldEnv:
    """The :class:`GridWorldEnv` inside ``env``'s wrappers (``gym.make`` adds some)."""
    inner = env.unwrapped
    if not isinstance(inner, GridWorldEnv):
        raise TypeError(f"expected a GridWorldEnv inside the wrappers, got {type(inner).__name__}")
    return inner


def _validated_layout(layout: Sequence[str]) -> tuple[str, ...]:
    rows = tuple(layout)
    if not rows or any(len(row) != len(rows[0]) for row in rows) or not rows[0]:
        raise ValueError("layout must be a non-empty list of strings of equal length")
    unknown = set("".join(rows)) - set(_COLOURS)
    if unknown:
        raise ValueError(f"layout has unknown characters {sorted(unknown)}; use . # S G T")
    if "S" not in "".join(rows):
        raise ValueError("layout needs at least one start cell 'S'")
    return rows
