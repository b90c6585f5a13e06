"""Check for exercise 2: exact returns (fixed and random), deterministic episodes, the
random policy's mean against the exact value, integer lengths, and seeds."""

from __future__ import annotations

from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_seeded,
    expect_shape,
    expect_true,
    expect_type,
    get_function,
    random_cases,
)
from rlcourse.mdp import MDP, Outcome, hiking_trip

# The uniform policy in the hiking MDP, written out by hand over the states (trailhead,
# forest, ridge): P_pi[s, s'] = sum_a pi(a|s) p(s'|s, a) without the summit column, and
# r_pi[s] = sum_a pi(a|s) r(s, a). Solving v = r_pi + 0.9 P_pi v gives v_random.
P_RANDOM = np.array([[0.25, 0.5, 0.25], [0.3, 0.1, 0.4], [0.0, 0.15, 0.0]])
R_RANDOM = np.array([-1.5, 0.9, 8.2])


def exact_random_value() -> float:
    return float(np.linalg.solve(np.eye(3) - 0.9 * P_RANDOM, R_RANDOM)[0])


def chain() -> MDP:
    """a -> b -> end with rewards 1 and 2, whatever the action: no randomness in rewards."""
    both = ("left", "right")
    return MDP(
        states=("a", "b", "end"),
        actions=both,
        transitions={
            "a": dict.fromkeys(both, (Outcome("b", 1.0, 1.0),)),
            "b": dict.fromkeys(both, (Outcome("end", 1.0, 2.0),)),
        },
        terminal_states=frozenset({"end"}),
        start_state="a",
        gamma=0.5,
    )


def coin() -> MDP:
    """One choice: "heads" pays 1, "tails" pays 0; both end the episode."""
    return MDP(
        states=("start", "end"),
        actions=("heads", "tails"),
        transitions={
            "start": {
                "heads": (Outcome("end", 1.0, 1.0),),
                "tails": (Outcome("end", 1.0, 0.0),),
            }
        },
        terminal_states=frozenset({"end"}),
        start_state="start",
        gamma=1.0,
    )


def check_discounted_return(module: ModuleType) -> None:
    discounted_return = get_function(module, "discounted_return")

    def case(rng: np.random.Generator) -> tuple[list[float], float]:
        rewards = [float(r) for r in rng.integers(-5, 6, size=int(rng.integers(1, 8)))]
        return rewards, float(rng.uniform(0.1, 0.99))

    fixed: list[tuple[list[float], float]] = [
        ([], 0.9),
        ([5.0], 0.9),
        ([1.0, 2.0, 4.0], 0.5),
        ([-1.0, -1.0, 10.0], 0.9),
    ]
    for rewards, gamma in fixed + random_cases(22, 4, case):
        expected = sum(gamma**k * reward for k, reward in enumerate(rewards))
        got = discounted_return(rewards, gamma)
        what = f"discounted_return({rewards}, {gamma:.3g})"
        shifted = gamma * expected
        if rewards and np.isclose(got, shifted) and not np.isclose(expected, shifted):
            raise CheckFailed(
                f"{what}: got {got:.6g} = gamma * G_0: the first reward is not discounted "
                "(G_0 = R_1 + gamma R_2 + ...)"
            )
        expect_close(got, expected, what)


def check_episodes(module: ModuleType) -> None:
    episode = get_function(module, "random_episode_rewards")
    rewards = episode(chain(), np.random.default_rng(0))
    expect_close(
        np.asarray(rewards, dtype=float),
        np.array([1.0, 2.0]),
        "rewards of a -> b -> end (the reward of the step into the terminal state included)",
    )
    coin_mdp = coin()
    rng = np.random.default_rng(1)
    draws = 4000
    heads = sum(episode(coin_mdp, rng)[0] for _ in range(draws))
    share = heads / draws
    margin = 4 * np.sqrt(0.25 / draws)  # 4 standard errors of a fair coin's share
    expect_true(
        abs(share - 0.5) <= margin,
        f"the random policy should pick each of 2 actions half the time: over {draws} "
        f"episodes it picked 'heads' {share:.1%} of the time",
    )


def check_log_fields(module: ModuleType) -> None:
    """Totals, returns and lengths on MDPs whose every episode is known in advance."""
    track = get_function(module, "track_random_policy")
    log = track(chain(), 20, 0)
    what = "track_random_policy(a -> b -> end with rewards 1, 2 and gamma 0.5, 20, 0)"
    expect_close(np.asarray(log.totals), np.full(20, 3.0), f"{what}.totals")
    expect_close(np.asarray(log.returns), np.full(20, 1.0 + 0.5 * 2.0), f"{what}.returns")
    expect_close(np.asarray(log.lengths, dtype=float), np.full(20, 2.0), f"{what}.lengths")
    lengths = expect_type(log.lengths, np.ndarray, f"{what}.lengths")
    expect_true(
        np.issubdtype(lengths.dtype, np.integer),
        f"{what}.lengths: expected an integer array (numbers of steps), got dtype {lengths.dtype}",
    )
    log = track(coin(), 20, 0)
    what = "track_random_policy(one step, gamma 1, 20, 0)"
    expect_close(np.asarray(log.returns), np.asarray(log.totals), f"{what}.returns (= totals)")
    expect_close(np.asarray(log.lengths, dtype=float), np.full(20, 1.0), f"{what}.lengths")


def check_tracking(module: ModuleType) -> None:
    track = get_function(module, "track_random_policy")
    episodes = 20_000
    log = track(hiking_trip(), episodes, 0)
    for field in ("totals", "returns", "lengths"):
        array = expect_type(getattr(log, field, None), np.ndarray, f"track_random_policy().{field}")
        expect_shape(array, (episodes,), f"track_random_policy().{field}")
    expect_true(
        bool(np.all(log.lengths >= 1)) and bool(np.all(log.lengths == np.round(log.lengths))),
        f"lengths must be whole numbers of steps >= 1, got {log.lengths[:5]}",
    )
    exact = exact_random_value()
    mean = float(np.mean(log.returns))
    standard_error = float(np.std(log.returns, ddof=1) / np.sqrt(episodes))
    if abs(mean - exact) > 4 * standard_error:
        raise CheckFailed(
            f"mean discounted return of the random policy in the hike: expected {exact:.3f} "
            f"± {4 * standard_error:.3f} (4 standard errors), got {mean:.3f}: are the actions "
            "uniform and each outcome drawn with its probability?"
        )
    expect_seeded(
        lambda seed: track(hiking_trip(), 50, seed).returns,
        "track_random_policy(hiking_trip(), 50, seed).returns",
    )


def check(module: ModuleType) -> None:
    check_discounted_return(module)
    check_episodes(module)
    check_log_fields(module)
    check_tracking(module)
