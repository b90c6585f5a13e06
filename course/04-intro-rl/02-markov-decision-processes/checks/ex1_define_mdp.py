"""Check for exercise 1: the commute MDP, outcome by outcome, and r(s, a) from the commute,
the hike and commutes with random probabilities and rewards."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_type,
    get_function,
    random_cases,
)
from rlcourse.mdp import MDP, Outcome, hiking_trip

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


def random_commute(rng: np.random.Generator) -> MDP:
    """The commute's shape with random probabilities and rewards: rewards that differ
    between outcomes, so a sum or a plain average of them is not r(s, a)."""
    jam = float(rng.uniform(0.1, 0.9))
    reward = [float(r) for r in rng.integers(-9, 0, size=5)]
    return MDP(
        states=("home", "road", "office"),
        actions=("car", "bike"),
        transitions={
            "home": {
                "car": (Outcome("road", 1.0, reward[0]),),
                "bike": (Outcome("road", 1.0, reward[1]),),
            },
            "road": {
                "car": (Outcome("office", 1.0 - jam, reward[2]), Outcome("road", jam, reward[3])),
                "bike": (Outcome("office", 1.0, reward[4]),),
            },
        },
        terminal_states=frozenset({"office"}),
        start_state="home",
        gamma=0.9,
    )


def check_expected_reward(module: ModuleType, mdp: MDP, name: str) -> None:
    expected_reward = get_function(module, "expected_reward")
    for state in mdp.acting_states:
        for action in mdp.actions:
            outcomes = mdp.transitions[state][action]
            expected = sum(o.probability * o.reward for o in outcomes)
            got = expected_reward(mdp, state, action)
            what = f"expected_reward({name}, {state!r}, {action!r})"
            summed = sum(o.reward for o in outcomes)
            averaged = summed / len(outcomes)
            for wrong, how in ((summed, "the sum"), (averaged, "the plain average")):
                if np.isclose(got, wrong) and not np.isclose(expected, wrong):
                    raise CheckFailed(
                        f"{what}: got {got:g}, {how} of the outcomes' rewards; weight each by "
                        "its probability: r(s, a) = sum of p * reward"
                    )
            expect_close(got, expected, what)
    terminal = sorted(mdp.terminal_states)[0]
    try:
        got = expected_reward(mdp, terminal, mdp.actions[0])
    except ValueError:
        return
    except Exception as error:
        raise CheckFailed(
            f"expected_reward({name}, {terminal!r}, ...): expected a ValueError for a terminal "
            f"state (no action is taken there), got {type(error).__name__}: {error}"
        ) from None
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
    for number, random_mdp in enumerate(random_cases(21, 3, random_commute), start=1):
        check_expected_reward(module, random_mdp, f"random commute {number}")
