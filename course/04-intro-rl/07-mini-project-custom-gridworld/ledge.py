"""The ledge: the custom gridworld of Part 4.7, and the tools its four demos share.

The lesson folder is not a Python package (its name starts with a digit), so each demo
loads this file by its path with ``coursetools.file_import.import_file``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import gymnasium as gym
import numpy as np
from matplotlib.axes import Axes
from matplotlib.image import AxesImage
from matplotlib.patches import Rectangle
from tqdm import tqdm

from rlcourse.agents.tabular import (
    TrainingHistory,
    make_q_table,
    q_learning_episode,
    table_shape,
)
from rlcourse.dp import ValueIteration, evaluate_policy, value_iteration
from rlcourse.envs.gridworld import ACTION_ARROWS, ACTION_DELTAS, GridWorldEnv, unwrap_gridworld
from rlcourse.mdp import TabularMDP, deterministic_policy, tabular_mdp
from rlcourse.schedules import LinearSchedule

# --8<-- [start:design]
LEDGE_ID = "ledgeworld/Ledge-v0"  # Gymnasium ids read "namespace/Name-vVersion"

# The short way from S to G is a ledge (row 2) along a ravine of traps (row 3). A wall
# (row 1) separates it from a mountain path (row 0) that is four moves longer but has no
# trap beside it.
LEDGE_LAYOUT: tuple[str, ...] = (
    "..........",
    ".########.",
    "S........G",
    "TTTTTTTTTT",
)
LEDGE_KWARGS: dict[str, Any] = {
    "layout": LEDGE_LAYOUT,
    "step_cost": 1.0,  # every move that does not end the episode earns -1
    "goal_reward": 0.0,  # entering G ends the episode with 0
    "trap_penalty": 100.0,  # entering a trap ends it with -100
    "slip_probability": 0.1,  # a move goes sideways with probability 0.05 each way
}
MAX_EPISODE_STEPS = 200


def register_ledge() -> str:
    """Register the ledge under LEDGE_ID, once per process, and return the id."""
    if LEDGE_ID not in gym.registry:  # registering an id twice would warn and replace it
        gym.register(
            id=LEDGE_ID,
            entry_point="rlcourse.envs.gridworld:GridWorldEnv",
            kwargs=LEDGE_KWARGS,
            max_episode_steps=MAX_EPISODE_STEPS,
        )
    return LEDGE_ID


# --8<-- [end:design]


# --8<-- [start:learning]
@dataclass(frozen=True)
class Training:
    episodes: int
    alpha_start: float  # the step size falls linearly to alpha_end over all episodes
    alpha_end: float
    epsilon_start: float  # epsilon falls linearly to epsilon_end over explore_episodes
    epsilon_end: float
    explore_episodes: int


def learn(
    env: gym.Env[Any, Any],
    training: Training,
    gamma: float,
    seed: int,
    progress: bool = True,
    on_episode_end: Callable[[int, np.ndarray], None] | None = None,
) -> tuple[np.ndarray, TrainingHistory]:
    """Q-learning from an optimistic table; returns Q (n_states, n_actions) and each
    episode's return and length. ``on_episode_end(episode, q)`` runs after each episode."""
    grid = unwrap_gridworld(env)
    # Every reward except the goal's is <= 0, so no return exceeds max(goal_reward, 0).
    # Starting there, no estimate begins below its true value: an action keeps looking
    # good until experience lowers it, which makes the greedy choice try it.
    q = make_q_table(env, initial_value=max(grid.goal_reward, 0.0))
    # A LinearSchedule serves the step size as well as epsilon.
    alpha = LinearSchedule(training.alpha_start, training.alpha_end, training.episodes)
    epsilon = LinearSchedule(
        training.epsilon_start, training.epsilon_end, training.explore_episodes
    )
    rng = np.random.default_rng(seed)
    env.reset(seed=seed)  # later resets continue this stream
    env.action_space.seed(seed)
    history = TrainingHistory(returns=[], lengths=[])
    for episode in tqdm(range(training.episodes), "Q-learning", disable=not progress, leave=False):
        stats = q_learning_episode(env, q, alpha(episode), gamma, epsilon(episode), rng)
        history.returns.append(stats.total_reward)
        history.lengths.append(stats.length)
        if on_episode_end is not None:
            on_episode_end(episode, q)
    return q, history


# --8<-- [end:learning]


@dataclass(frozen=True)
class PolicyReport:
    """What a deterministic policy does from the start, computed exactly from the model."""

    route: list[int]  # cells visited if no move slips, start included
    expected_return: float  # E[R_1 + gamma R_2 + ...], the quantity the agent maximises
    expected_length: float  # expected number of moves before the episode ends
    goal_probability: float  # probability of reaching G (rather than a trap or the limit)

    def numbers(self) -> dict[str, float]:
        """The report as JSON numbers, the route as its number of moves."""
        return {
            "route_moves": len(self.route) - 1,
            "expected_return": self.expected_return,
            "expected_length": self.expected_length,
            "goal_probability": self.goal_probability,
        }


def model_of(env: gym.Env[Any, Any]) -> TabularMDP:
    return tabular_mdp(unwrap_gridworld(env).P, *table_shape(env))


def start_state(grid: GridWorldEnv) -> int:
    return int(np.argmax(grid.initial_state_distrib))  # the ledge has a single S


def cells(grid: GridWorldEnv, states: list[int]) -> list[tuple[int, int]]:
    """(row, column) of each state."""
    return [divmod(state, grid.n_cols) for state in states]


def intended_route(grid: GridWorldEnv, actions: np.ndarray) -> list[int]:
    """Follow ``actions`` (n_states,) from the start as if nothing slipped; stop at a
    terminal cell or when the route would revisit a cell (the policy loops there)."""
    state = start_state(grid)
    route = [state]
    while not grid.is_terminal(state):
        row, col = divmod(state, grid.n_cols)
        d_row, d_col = ACTION_DELTAS[int(actions[state])]
        row, col = row + d_row, col + d_col
        if not (0 <= row < grid.n_rows and 0 <= col < grid.n_cols) or grid.layout[row][col] == "#":
            break  # bumping into the border or a wall: the agent stays where it is
        state = row * grid.n_cols + col
        if state in route:
            break
        route.append(state)
    return route


def goal_indicator(grid: GridWorldEnv) -> GridWorldEnv:
    """The same walls and slips, with reward 1 for reaching the goal and 0 for anything
    else: a policy's expected undiscounted return there is its probability of reaching G."""
    return GridWorldEnv(
        grid.layout,
        step_cost=0.0,
        goal_reward=1.0,
        trap_penalty=0.0,
        slip_probability=grid.slip_probability,
    )


ROUTE_NAMES = ("stuck", "ravine", "ledge", "mountain path")


def route_name(grid: GridWorldEnv, route: list[int]) -> str:
    """A name for an intended route on the ledge layout: "mountain path", "ledge",
    "ravine" (it ends in a trap) or "stuck" (it loops or bumps without ending)."""
    end = grid.cell(route[-1])
    if end == "T":
        return "ravine"
    if end != "G":
        return "stuck"
    return "mountain path" if any(row == 0 for row, _ in cells(grid, route)) else "ledge"


def report(env: gym.Env[Any, Any], actions: np.ndarray, gamma: float) -> PolicyReport:
    """The exact report of the deterministic policy ``actions`` (n_states,) on ``env``."""
    grid = unwrap_gridworld(env)
    policy = deterministic_policy(actions, table_shape(env)[1])
    start = grid.initial_state_distrib
    evaluation = evaluate_policy(model_of(env), policy, start, MAX_EPISODE_STEPS, gamma)
    reach_mdp = tabular_mdp(goal_indicator(grid).P, *table_shape(env))
    reached = evaluate_policy(reach_mdp, policy, start, MAX_EPISODE_STEPS, gamma=1.0)
    return PolicyReport(
        route=intended_route(grid, actions),
        expected_return=evaluation.expected_return,
        expected_length=evaluation.expected_length,
        goal_probability=reached.expected_return,
    )


def reachable_states(mdp: TabularMDP, actions: np.ndarray, start: int) -> list[int]:
    """States the policy can visit from ``start`` (slips included), before termination."""
    seen, frontier = {start}, [start]
    while frontier:
        state = frontier.pop()
        for next_state in np.flatnonzero(mdp.continue_probs[state, actions[state]]):
            if int(next_state) not in seen:
                seen.add(int(next_state))
                frontier.append(int(next_state))
    return sorted(seen)


def non_optimal_states(
    env: gym.Env[Any, Any], optimal: ValueIteration, actions: np.ndarray
) -> list[int]:
    """Reachable states where the policy's action is worse than the best: q*(s, a) < V*(s)."""
    grid = unwrap_gridworld(env)
    states = reachable_states(model_of(env), actions, start_state(grid))
    tolerance = 1e-6  # value iteration stops at changes below 1e-10; exact ties stay ties
    q_star, v_star = optimal.q_values.numpy(), optimal.values.numpy()
    return [s for s in states if q_star[s, actions[s]] < v_star[s] - tolerance]


def solve(env: gym.Env[Any, Any], gamma: float) -> ValueIteration:
    """q* and V* of the environment's model, by value iteration (lowest action on ties)."""
    return value_iteration(model_of(env), gamma)


CELL_COLOURS: dict[str, tuple[float, float, float]] = {
    ".": (0.95, 0.95, 0.95),
    "S": (0.78, 0.86, 1.0),
    "#": (0.3, 0.3, 0.3),
    "G": (0.45, 0.8, 0.45),
    "T": (0.88, 0.38, 0.33),
}


def draw_policy(
    ax: Axes,
    grid: GridWorldEnv,
    actions: np.ndarray,
    route: list[int],
    values: np.ndarray | None = None,
    value_range: tuple[float, float] | None = None,
    marked: list[int] | None = None,
) -> AxesImage | None:
    """Arrows of ``actions`` on the layout, the intended route as a blue line, and a red
    frame around each ``marked`` cell. With ``values`` (n_states,), floor cells show a
    heatmap of them (colour limits ``value_range``), which is returned for a colour bar."""
    picture = np.array([[CELL_COLOURS[c] for c in row] for row in grid.layout])
    ax.imshow(picture)
    heatmap = None
    if values is not None:
        floor = np.array([grid.cell(s) in ".S" for s in range(len(values))])
        low, high = value_range if value_range is not None else (None, None)
        shown = grid.to_grid(np.where(floor, values, np.nan))  # NaN: the layout shows through
        heatmap = ax.imshow(shown, cmap="viridis", vmin=low, vmax=high)
    for state in range(grid.n_rows * grid.n_cols):
        if grid.cell(state) in ".S":
            row, col = divmod(state, grid.n_cols)
            arrow = ACTION_ARROWS[int(actions[state])]
            colour = "white" if values is not None else "black"
            ax.text(col, row, arrow, ha="center", va="center", color=colour, fontsize=11)
    rows, cols = zip(*cells(grid, route), strict=True)
    ax.plot(cols, rows, color="tab:blue", linewidth=3, alpha=0.6)
    for row, col in cells(grid, marked or []):
        ax.add_patch(Rectangle((col - 0.5, row - 0.5), 1, 1, fill=False, edgecolor="red", lw=2.5))
    ax.set_xticks([])
    ax.set_yticks([])
    return heatmap
