"""Check of exercise 4: the audit of seeded random proxy rewards against random true
objectives on shared dynamics, against a reference computed here with the library."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    get_function,
    random_cases,
)
from rlcourse.dp import evaluate_policy, value_iteration
from rlcourse.mdp import TabularMDP, deterministic_policy

GAMMA, HORIZON = 0.9, 15
Case = tuple[TabularMDP, TabularMDP, np.ndarray]


def random_case(rng: np.random.Generator) -> Case:
    """Shared random dynamics, two reward tables and a start distribution. In state 0,
    actions 0 and 1 are copies tied at the best true value, and the proxy prefers 1."""
    n_states, n_actions = int(rng.integers(3, 7)), int(rng.integers(2, 4))
    probs = rng.random((n_states, n_actions, n_states))
    probs *= rng.uniform(0.7, 0.95, (n_states, n_actions, 1)) / probs.sum(axis=2, keepdims=True)
    probs[0, 1] = probs[0, 0]
    true = rng.normal(size=(n_states, n_actions))
    true[0, 0] = true[0, 1] = true[0].max() + 2.0
    proxy = true + rng.normal(scale=1.5, size=true.shape)
    proxy[0, 1] = proxy[0].max() + 2.0
    start = rng.random(n_states)
    return TabularMDP(probs, proxy), TabularMDP(probs, true), start / start.sum()


def reference(case: Case, gamma_of_scores: float = 1.0) -> dict[str, float]:
    proxy, true, start = case
    proxy_actions = value_iteration(proxy, GAMMA).q_values.argmax(dim=1).numpy()
    true_q = value_iteration(true, GAMMA).q_values.numpy()

    def score(mdp: TabularMDP, actions: np.ndarray) -> float:
        policy = deterministic_policy(actions, mdp.n_actions)
        return evaluate_policy(mdp, policy, start, HORIZON, gamma_of_scores).expected_return

    true_score, best = score(true, proxy_actions), score(true, true_q.argmax(axis=1))
    changed = true_q[np.arange(true.n_states), proxy_actions] < true_q.max(axis=1) - 1e-6
    return {
        "proxy_score": score(proxy, proxy_actions),
        "true_score": true_score,
        "best_true_score": best,
        "regret": best - true_score,
        "changed_states": float(changed.sum()),
    }


def check_audits(audit: Callable[..., Any]) -> None:
    for number, case in enumerate(random_cases(74, 8, random_case)):
        got = audit(*case, GAMMA, HORIZON)
        expected = reference(case)
        fields = {name: float(getattr(got, name, np.nan)) for name in expected}
        discounted = reference(case, gamma_of_scores=GAMMA)
        if np.isclose(fields["proxy_score"], discounted["proxy_score"]) and not np.isclose(
            fields["proxy_score"], expected["proxy_score"]
        ):
            raise CheckFailed(
                f"random case {number}: your scores are discounted; the audit scores each "
                f"policy by its undiscounted return over {HORIZON} steps (evaluate_policy, gamma=1)"
            )
        what = f"random case {number} (gamma {GAMMA}, horizon {HORIZON}): audit(...)"
        expect_close(fields["proxy_score"], expected["proxy_score"], f"{what}.proxy_score")
        expect_close(
            fields["true_score"],
            expected["true_score"],
            f"{what}.true_score (the proxy's optimal policy, scored by the true rewards)",
        )
        expect_close(
            fields["best_true_score"], expected["best_true_score"], f"{what}.best_true_score"
        )
        expect_close(
            fields["regret"], expected["regret"], f"{what}.regret (best_true_score - true_score)"
        )
        expect_equal(
            int(fields["changed_states"]),
            int(expected["changed_states"]),
            f"{what}.changed_states (in state 0 the proxy's action 1 is tied with action 0 at "
            "the best true value: a tie is not a change)",
        )


def check_dynamics(audit: Callable[..., Any]) -> None:
    proxy, true, start = random_cases(5, 1, random_case)[0]
    moved = true.continue_probs.copy()
    moved[0] = moved[0, :, ::-1]
    try:
        audit(proxy, TabularMDP(moved, true.expected_rewards), start, GAMMA, HORIZON)
    except ValueError:
        return
    raise CheckFailed(
        "audit of two MDPs with different dynamics: expected ValueError (an audit compares "
        "rewards on the same world)"
    )


def check(module: ModuleType) -> None:
    audit = get_function(module, "audit")
    check_audits(audit)
    check_dynamics(audit)
