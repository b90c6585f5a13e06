"""Exercise 1: Define a small MDP as Python data structures (solution).

A commute to work, as an MDP (gamma = 0.95, episodes start at "home"):

- states "home", "road" and "office"; "office" is terminal;
- actions "car" and "bike";
- from home, "car" reaches the road for sure with reward -1; "bike" reaches the road
  for sure with reward -2 (the ride is more tiring);
- on the road, "car" arrives at the office with probability 0.6 (reward -1), and with
  probability 0.4 is stuck in a traffic jam: it stays on the road, reward -3;
  "bike" arrives at the office for sure, reward -2.
"""

from __future__ import annotations

from rlcourse.mdp import MDP, Outcome


def commute_mdp() -> MDP:
    """The commute above as an ``MDP`` of ``Outcome``s (see ``rlcourse.mdp.hiking_trip``)."""
    return MDP(
        states=("home", "road", "office"),
        actions=("car", "bike"),
        transitions={
            "home": {
                "car": (Outcome("road", 1.0, -1.0),),
                "bike": (Outcome("road", 1.0, -2.0),),
            },
            "road": {
                "car": (Outcome("office", 0.6, -1.0), Outcome("road", 0.4, -3.0)),
                "bike": (Outcome("office", 1.0, -2.0),),
            },
        },
        terminal_states=frozenset({"office"}),
        start_state="home",
        gamma=0.95,
    )


def expected_reward(mdp: MDP, state: str, action: str) -> float:
    """r(s, a) = sum over the outcomes of (probability * reward), read from mdp.transitions.

    Raise ValueError if ``state`` is terminal (no action is taken there).
    """
    if state in mdp.terminal_states:
        raise ValueError(f"{state!r} is terminal: no action is taken there")
    return sum(o.probability * o.reward for o in mdp.transitions[state][action])
