"""Exercise 1: Define a small MDP as Python data structures.

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

from rlcourse.mdp import MDP, Outcome  # noqa: F401  (Outcome: you will need it)


def commute_mdp() -> MDP:
    """The commute above as an ``MDP`` of ``Outcome``s (see ``rlcourse.mdp.hiking_trip``)."""
    raise NotImplementedError("build the MDP: states, actions, transitions, terminal, start, gamma")


def expected_reward(mdp: MDP, state: str, action: str) -> float:
    """r(s, a) = sum over the outcomes of (probability * reward), read from mdp.transitions.

    Raise ValueError if ``state`` is terminal (no action is taken there).
    """
    raise NotImplementedError("sum probability * reward over the outcomes of (state, action)")
