"""Exercise 4: find the trap penalties at which the optimal route changes, and train there.

``intended_route`` is given (it is the one from the lesson's ledge.py). Fill in the
other three functions, then run this file and `rlcourse check 4.7`.
"""

from __future__ import annotations

from collections.abc import Sequence

import gymnasium as gym
import numpy as np

from rlcourse.agents.tabular import greedy_actions, train
from rlcourse.dp import value_iteration
from rlcourse.envs import GRIDWORLD_ID
from rlcourse.envs.gridworld import ACTION_DELTAS, GridWorldEnv, unwrap_gridworld
from rlcourse.mdp import tabular_mdp
from rlcourse.schedules import LinearSchedule

LEDGE_LAYOUT = ("..........", ".########.", "S........G", "TTTTTTTTTT")


def intended_route(grid: GridWorldEnv, actions: np.ndarray) -> list[int]:
    """The cells visited from the start (the first S) when every move goes where it is
    aimed, start included. Stop at a goal or a trap, before a move that bumps into a wall
    or the border (the agent would stay put), and before revisiting a cell (a loop)."""
    state = int(np.argmax(grid.initial_state_distrib))
    route = [state]
    while not grid.is_terminal(state):
        row, col = divmod(state, grid.n_cols)
        d_row, d_col = ACTION_DELTAS[int(actions[state])]
        row, col = row + d_row, col + d_col
        if not (0 <= row < grid.n_rows and 0 <= col < grid.n_cols) or grid.layout[row][col] == "#":
            break
        state = row * grid.n_cols + col
        if state in route:
            break
        route.append(state)
    return route


def optimal_route(
    layout: Sequence[str],
    step_cost: float,
    trap_penalty: float,
    slip_probability: float,
    gamma: float,
) -> list[int]:
    """The intended route of the optimal policy: value iteration on the GridWorldEnv model,
    then argmax_a q*(s, a) with ties going to the lowest action (argmax)."""
    grid = GridWorldEnv(
        layout, step_cost=step_cost, trap_penalty=trap_penalty, slip_probability=slip_probability
    )
    n_states, n_actions = grid.n_rows * grid.n_cols, len(ACTION_DELTAS)
    optimal = value_iteration(tabular_mdp(grid.P, n_states, n_actions), gamma)
    return intended_route(grid, optimal.q_values.argmax(dim=1).numpy())


def switch_penalty(
    layout: Sequence[str],
    step_cost: float,
    slip_probability: float,
    gamma: float,
    low: float,
    high: float,
    tolerance: float,
) -> float:
    """Bisect [low, high] for the trap penalty at which the optimal route stops being the
    one at ``low``. Returns p with optimal_route(p) != optimal_route(low) and p - tolerance
    below the switch. Raises ValueError if the routes at ``low`` and ``high`` are equal."""

    def route(penalty: float) -> list[int]:
        return optimal_route(layout, step_cost, penalty, slip_probability, gamma)

    first = route(low)
    if route(high) == first:
        raise ValueError(f"the optimal route is the same at trap penalties {low} and {high}")
    while high - low > tolerance:  # invariant: route(low) == first != route(high)
        middle = (low + high) / 2
        if route(middle) == first:
            low = middle
        else:
            high = middle
    return high


def learned_route(
    layout: Sequence[str],
    step_cost: float,
    trap_penalty: float,
    slip_probability: float,
    gamma: float,
    episodes: int,
    seed: int,
) -> list[int]:
    """Train Q-learning with the library's ``train`` (alpha 0.1, epsilon falling linearly
    from 1 to 0.05 over the first half of the episodes, no progress bar) on
    gym.make(GRIDWORLD_ID, ...) with these settings; return its greedy policy's intended
    route."""
    env = gym.make(
        GRIDWORLD_ID,
        layout=tuple(layout),
        step_cost=step_cost,
        trap_penalty=trap_penalty,
        slip_probability=slip_probability,
    )
    epsilon = LinearSchedule(1.0, 0.05, episodes // 2)
    q, _ = train(env, "q_learning", episodes, 0.1, gamma, epsilon, seed, progress=False)
    return intended_route(unwrap_gridworld(env), greedy_actions(q))


if __name__ == "__main__":
    first = switch_penalty(LEDGE_LAYOUT, 1.0, 0.1, 1.0, low=1.0, high=12.0, tolerance=0.01)
    second = switch_penalty(LEDGE_LAYOUT, 1.0, 0.1, 1.0, low=12.0, high=100.0, tolerance=0.01)
    print(f"the optimal route changes at trap penalties {first:.2f} and {second:.2f}")
    grid = GridWorldEnv(LEDGE_LAYOUT)
    for penalty in (first / 2, (first + second) / 2, 2 * second):
        best = optimal_route(LEDGE_LAYOUT, 1.0, penalty, 0.1, 1.0)
        learned = learned_route(LEDGE_LAYOUT, 1.0, penalty, 0.1, 1.0, episodes=4000, seed=0)
        print(
            f"trap penalty {penalty:6.2f}: optimal route {len(best) - 1:>2} moves to "
            f"{grid.cell(best[-1])!r}, learned one {len(learned) - 1:>2} moves to "
            f"{grid.cell(learned[-1])!r}"
        )
