"""Exercise 4: audit a reward against the objective it stands for.

Fill in ``audit``, then run this file and `rlcourse check 7.4`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rlcourse.dp import evaluate_policy, value_iteration
from rlcourse.mdp import MDP, Outcome, TabularMDP, deterministic_policy, to_tabular


@dataclass(frozen=True)
class Audit:
    proxy_score: float  # the proxy-optimal policy, scored by the proxy reward
    true_score: float  # the same policy, scored by the true objective
    best_true_score: float  # the policy optimal for the true objective, scored by it
    regret: float  # best_true_score - true_score: what optimising the proxy cost
    changed_states: int  # states where the proxy's choice is not optimal for the true objective


def audit(
    proxy: TabularMDP, true: TabularMDP, start: np.ndarray, gamma: float, horizon: int
) -> Audit:
    """Solve both MDPs with value iteration (discount ``gamma``; the greedy policy takes
    argmax_a q*(s, a), lowest action on ties), then score each policy by the undiscounted
    expected return of an episode of at most ``horizon`` steps from ``start``
    (``evaluate_policy`` with gamma=1). A state counts as changed when the proxy's action
    has q*_true(s, a) < max_a q*_true(s, a) - 1e-6. The two MDPs must share their dynamics
    (``continue_probs``): raise ValueError if they do not.
    """
    if not np.array_equal(proxy.continue_probs, true.continue_probs):
        raise ValueError("the proxy and the true objective must share their dynamics")
    proxy_actions = value_iteration(proxy, gamma).q_values.argmax(dim=1).numpy()
    true_q = value_iteration(true, gamma).q_values.numpy()
    true_actions = true_q.argmax(axis=1)

    def score(mdp: TabularMDP, actions: np.ndarray) -> float:
        policy = deterministic_policy(actions, mdp.n_actions)
        return evaluate_policy(mdp, policy, start, horizon, gamma=1.0).expected_return

    states = np.arange(true.n_states)
    changed = true_q[states, proxy_actions] < true_q.max(axis=1) - 1e-6
    true_score, best = score(true, proxy_actions), score(true, true_actions)
    return Audit(
        proxy_score=score(proxy, proxy_actions),
        true_score=true_score,
        best_true_score=best,
        regret=best - true_score,
        changed_states=int(changed.sum()),
    )


def coffee_run(vase_price: float) -> MDP:
    """A robot fetches coffee: the short way crosses a room with a vase it knocks over.
    Every move costs 1 and the kitchen pays 10; the vase costs ``vase_price``."""
    return MDP(
        states=("desk", "vase room", "hall", "corridor", "kitchen"),
        actions=("short", "long"),
        transitions={
            "desk": {
                "short": (Outcome("vase room", 1.0, -1.0 - vase_price),),
                "long": (Outcome("hall", 1.0, -1.0),),
            },
            "vase room": {a: (Outcome("kitchen", 1.0, 9.0),) for a in ("short", "long")},
            "hall": {a: (Outcome("corridor", 1.0, -1.0),) for a in ("short", "long")},
            "corridor": {a: (Outcome("kitchen", 1.0, 9.0),) for a in ("short", "long")},
        },
        terminal_states=frozenset({"kitchen"}),
        start_state="desk",
        gamma=0.99,
    )


if __name__ == "__main__":
    proxy = coffee_run(vase_price=0.0)  # the reward as written: nobody thought of the vase
    start = np.eye(len(proxy.states))[proxy.state_index("desk")]
    for price in (0.5, 5.0):
        result = audit(to_tabular(proxy), to_tabular(coffee_run(price)), start, 0.99, 10)
        print(f"the vase worth {price}: {result}")
