"""Check of exercise 4: optimal routes, the switching penalty, and a learned route."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import gymnasium as gym
import numpy as np

from coursetools.check_helpers import CheckFailed, expect_equal, expect_true, get_function
from rlcourse.agents.tabular import greedy_actions, train
from rlcourse.dp import value_iteration
from rlcourse.envs import GRIDWORLD_ID
from rlcourse.envs.gridworld import GridWorldEnv, unwrap_gridworld
from rlcourse.mdp import tabular_mdp
from rlcourse.schedules import LinearSchedule

SHORT_LEDGE = (".....", ".###.", "S...G", "TTTTT")  # states: row * 5 + col


def route_of(grid: GridWorldEnv, actions: np.ndarray) -> list[int]:
    """The intended route, traced through the model's most likely outcome with slips off."""
    plain = GridWorldEnv(grid.layout)  # slip_probability 0: one outcome per action
    state = int(np.argmax(grid.initial_state_distrib))
    route = [state]
    while not plain.is_terminal(state):
        ((_, next_state, _, _),) = plain.P[state][int(actions[state])]
        if next_state in route:  # a bump (next_state == state) or a loop
            break
        route.append(next_state)
        state = next_state
    return route


def best_route(penalty: float, gamma: float = 1.0) -> list[int]:
    grid = GridWorldEnv(SHORT_LEDGE, trap_penalty=penalty, slip_probability=0.1)
    optimal = value_iteration(tabular_mdp(grid.P, 20, 4), gamma)
    return route_of(grid, optimal.q_values.argmax(dim=1).numpy())


def check_optimal_route(optimal_route: Callable[..., Any]) -> None:
    for penalty in (2.0, 8.0, 40.0):
        got = [int(s) for s in optimal_route(SHORT_LEDGE, 1.0, penalty, 0.1, 1.0)]
        expect_equal(got, best_route(penalty), f"optimal_route with trap_penalty={penalty}")
    # With gamma 0.9 the detour's extra step costs are discounted: it wins at penalty 20,
    # where the ledge wins with gamma 1.
    got = [int(s) for s in optimal_route(SHORT_LEDGE, 1.0, 20.0, 0.1, 0.9)]
    expect_equal(got, best_route(20.0, gamma=0.9), "optimal_route with trap penalty 20, gamma 0.9")
    got = [int(s) for s in optimal_route(SHORT_LEDGE, 1.0, 8.0, 0.0, 1.0)]
    expected = route_of(
        GridWorldEnv(SHORT_LEDGE),
        np.argmax(
            value_iteration(
                tabular_mdp(GridWorldEnv(SHORT_LEDGE, trap_penalty=8.0).P, 20, 4), 1.0
            ).q_values,
            axis=1,
        ),
    )
    expect_equal(
        got, expected, "optimal_route with trap penalty 8 and no slips (slip_probability 0)"
    )


def check_switch(switch_penalty: Callable[..., Any]) -> None:
    low, high = 8.0, 100.0
    assert best_route(low) != best_route(high), "the check's interval must hold a switch"
    lo, hi = low, high  # the check's own bisection, to 1e-6
    while hi - lo > 1e-6:
        middle = (lo + hi) / 2
        lo, hi = (middle, hi) if best_route(middle) == best_route(low) else (lo, middle)
    got = float(switch_penalty(SHORT_LEDGE, 1.0, 0.1, 1.0, low, high, 0.01))
    expect_true(
        hi - 1e-6 <= got <= hi + 0.01 + 1e-6,
        f"switch_penalty on [{low}, {high}] with tolerance 0.01: expected a value in "
        f"[{hi:.4f}, {hi + 0.01:.4f}] (the route changes at {hi:.4f}), got {got:.4f}",
    )
    expect_true(
        best_route(got) != best_route(low),
        f"at the returned penalty {got:.4f} the optimal route should differ from the one at {low}",
    )
    try:
        switch_penalty(SHORT_LEDGE, 1.0, 0.1, 1.0, 50.0, 100.0, 0.01)
    except ValueError:
        return
    raise CheckFailed(
        "switch_penalty on [50, 100], where the route never changes: expected ValueError"
    )


def check_learned_route(learned_route: Callable[..., Any]) -> None:
    env = gym.make(GRIDWORLD_ID, layout=SHORT_LEDGE, trap_penalty=40.0, slip_probability=0.1)
    epsilon = LinearSchedule(1.0, 0.05, 150)
    q, _ = train(env, "q_learning", 300, 0.1, 1.0, epsilon, 7, progress=False)
    expected = route_of(unwrap_gridworld(env), greedy_actions(q))
    got = [int(s) for s in learned_route(SHORT_LEDGE, 1.0, 40.0, 0.1, 1.0, 300, 7)]
    expect_equal(got, expected, "learned_route(trap penalty 40, 300 episodes, seed 7)")


def check(module: ModuleType) -> None:
    check_optimal_route(get_function(module, "optimal_route"))
    check_switch(get_function(module, "switch_penalty"))
    check_learned_route(get_function(module, "learned_route"))
