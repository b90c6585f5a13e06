"""Check for exercise 4: values against iterative evaluation, the best policy against V*,
on the hike, the commute (also with its states listed in another order, so the start is
not state 0) and random MDPs."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_shape,
    expect_type,
    get_function,
    random_cases,
)
from rlcourse.dp import value_iteration
from rlcourse.mdp import (
    MDP,
    Outcome,
    hiking_trip,
    to_tabular,
    uniform_policy,
)


def commute() -> MDP:
    return MDP(
        states=("home", "road", "office"),
        actions=("car", "bike"),
        transitions={
            "home": {"car": (Outcome("road", 1.0, -1.0),), "bike": (Outcome("road", 1.0, -2.0),)},
            "road": {
                "car": (Outcome("office", 0.6, -1.0), Outcome("road", 0.4, -3.0)),
                "bike": (Outcome("office", 1.0, -2.0),),
            },
        },
        terminal_states=frozenset({"office"}),
        start_state="home",
        gamma=0.95,
    )


def iterated_values(mdp: MDP, policy: np.ndarray, sweeps: int = 3000) -> np.ndarray:
    """v <- r_pi + gamma P_pi v, repeated: another way to the same v_pi (no linear solve)."""
    arrays = to_tabular(mdp)
    probs, rewards = arrays.continue_probs, arrays.expected_rewards
    values = np.zeros(mdp.n_states)
    for _ in range(sweeps):
        values = np.array(
            [
                sum(
                    policy[s, a] * (rewards[s, a] + mdp.gamma * probs[s, a] @ values)
                    for a in range(mdp.n_actions)
                )
                for s in range(mdp.n_states)
            ]
        )
    return values


def deterministic(mdp: MDP, choices: dict[str, str]) -> np.ndarray:
    policy = np.full((mdp.n_states, mdp.n_actions), 1.0 / mdp.n_actions)
    for state, action in choices.items():
        policy[mdp.state_index(state)] = 0.0
        policy[mdp.state_index(state), mdp.action_index(action)] = 1.0
    return policy


def check_values(module: ModuleType, mdp: MDP, policy: np.ndarray, what: str) -> None:
    exact_values = get_function(module, "exact_values")
    got = expect_type(exact_values(mdp, policy), np.ndarray, what)
    expect_shape(got, (mdp.n_states,), what)
    expect_close(got, iterated_values(mdp, policy), what, atol=1e-6)


def check_best(module: ModuleType, mdp: MDP, name: str) -> None:
    best_deterministic_policy = get_function(module, "best_deterministic_policy")
    expected_return = get_function(module, "expected_return")
    what = f"best_deterministic_policy({name})"
    choices = expect_type(best_deterministic_policy(mdp), dict, what)
    if sorted(choices) != sorted(mdp.acting_states):
        raise CheckFailed(
            f"{what}: expected one action for each of {list(mdp.acting_states)}, got {choices}"
        )
    start = mdp.state_index(mdp.start_state)
    value = iterated_values(mdp, deterministic(mdp, choices))[start]
    optimal = float(value_iteration(to_tabular(mdp), mdp.gamma).values[start])
    if value < optimal - 1e-6:
        raise CheckFailed(
            f"{what}: your policy {choices} earns {value:.4f} from {mdp.start_state!r}, "
            f"but a deterministic policy can earn {optimal:.4f}"
        )
    expect_close(
        expected_return(mdp, choices), value, f"expected_return({name}, {choices})", atol=1e-6
    )


def random_mdp(rng: np.random.Generator) -> MDP:
    """Three acting states and a terminal one, two actions, random outcomes and rewards;
    the episodes start in the last acting state."""
    states = ("s0", "s1", "s2", "end")
    transitions: dict[str, dict[str, tuple[Outcome, ...]]] = {}
    for state in states[:3]:
        transitions[state] = {}
        for action in ("left", "right"):
            targets = rng.choice(len(states), size=2, replace=False)
            probabilities = rng.dirichlet(np.ones(2))
            transitions[state][action] = tuple(
                Outcome(states[t], float(p), float(rng.integers(-5, 6)))
                for t, p in zip(targets, probabilities, strict=True)
            )
    return MDP(
        states=states,
        actions=("left", "right"),
        transitions=transitions,
        terminal_states=frozenset({"end"}),
        start_state="s2",
        gamma=0.8,
    )


def reordered(mdp: MDP) -> MDP:
    """The same MDP with its states listed backwards: the start state is no longer state 0."""
    return MDP(
        states=mdp.states[::-1],
        actions=mdp.actions,
        transitions=mdp.transitions,
        terminal_states=mdp.terminal_states,
        start_state=mdp.start_state,
        gamma=mdp.gamma,
    )


def check(module: ModuleType) -> None:
    hike = hiking_trip()
    check_values(
        module,
        hike,
        uniform_policy(hike.n_states, hike.n_actions),
        "exact_values(hiking_trip(), uniform_policy)",
    )
    myopic = deterministic(hike, {"trailhead": "trail", "forest": "scramble", "ridge": "trail"})
    check_values(module, hike, myopic, "exact_values(hiking_trip(), trail/scramble/trail)")
    road = commute()
    check_values(
        module,
        road,
        deterministic(road, {"home": "car", "road": "car"}),
        "exact_values(commute, car/car)",
    )
    check_best(module, hike, "hiking_trip()")
    check_best(module, road, "commute")
    check_best(module, reordered(road), "the commute with its states listed backwards")
    for number, mdp in enumerate(random_cases(24, 3, random_mdp), start=1):
        policy = np.random.default_rng(number).dirichlet(np.ones(2), size=mdp.n_states)
        check_values(module, mdp, policy, f"exact_values(random MDP {number}, a random policy)")
        check_best(module, mdp, f"random MDP {number} (start state s2)")
