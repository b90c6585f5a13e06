"""Check for exercise 1: the commute MDP, outcome by outcome, and r(s, a) from any MDP."""

from __future__ import annotations

from types import ModuleType

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_type,
    get_function,
)
from rlcourse.mdp import MDP, hiking_trip

# (state, action) -> {next state: (probability, reward)}: the exercise text, as data.
COMMUTE: dict[tuple[str, str], dict[str, tuple[float, float]]] = {
    ("home", "car"): {"road": (1.0, -1.0)},
    ("home", "bike"): {"road": (1.0, -2.0)},
    ("road", "car"): {"office": (0.6, -1.0), "road": (0.4, -3.0)},
    ("road", "bike"): {"office": (1.0, -2.0)},
}


def check_commute(mdp: MDP) -> None:
    expect_equal(set(mdp.states), {"home", "road", "office"}, "the states")
    expect_equal(set(mdp.actions), {"car", "bike"}, "the actions")
    expect_equal(set(mdp.terminal_states), {"office"}, "the terminal states")
    expect_equal(mdp.start_state, "home", "the start state")
    expect_close(mdp.gamma, 0.95, "gamma")
    for (state, action), expected in COMMUTE.items():
        outcomes = mdp.transitions[state][action]
        got = {o.next_state: (o.probability, o.reward) for o in outcomes}
        if len(got) != len(outcomes):
            raise CheckFailed(f"({state}, {action}): list each next state once, got {outcomes}")
        expect_equal(sorted(got), sorted(expected), f"next states of ({state}, {action})")
        for next_state, (probability, reward) in expected.items():
            what = f"({state}, {action}) -> {next_state}"
            expect_close(got[next_state][0], probability, f"{what}: probability")
            expect_close(got[next_state][1], reward, f"{what}: reward")


def check_expected_reward(module: ModuleType, mdp: MDP, name: str) -> None:
    expected_reward = get_function(module, "expected_reward")
    for state in mdp.acting_states:
        for action in mdp.actions:
            outcomes = mdp.transitions[state][action]
            expected = sum(o.probability * o.reward for o in outcomes)
            got = expected_reward(mdp, state, action)
            expect_close(got, expected, f"expected_reward({name}, {state!r}, {action!r})")
    terminal = sorted(mdp.terminal_states)[0]
    try:
        got = expected_reward(mdp, terminal, mdp.actions[0])
    except ValueError:
        return
    raise CheckFailed(
        f"expected_reward({name}, {terminal!r}, ...): expected a ValueError for a terminal "
        f"state, got {got!r}"
    )


def check(module: ModuleType) -> None:
    commute_mdp = get_function(module, "commute_mdp")
    mdp = expect_type(commute_mdp(), MDP, "commute_mdp()")
    check_commute(mdp)
    check_expected_reward(module, mdp, "commute")
    check_expected_reward(module, hiking_trip(), "hiking_trip()")
