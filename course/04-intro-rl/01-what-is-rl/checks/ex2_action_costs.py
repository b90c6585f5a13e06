"""Check for exercise 2: every step's reward is the environment's minus the action's cost
(fixed and random costs), the original reward kept, and plan returns that stop at the end."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import gymnasium as gym

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    get_function,
    random_cases,
)

LEFT, DOWN, RIGHT, UP = 0, 1, 2, 3
COSTS = [0.1, 0.0, 0.05, 0.3]  # left, down, right, up
SHORT_PATH = [DOWN, DOWN, RIGHT, DOWN, RIGHT, RIGHT]
WANDERING = [UP, LEFT, RIGHT, DOWN, UP, DOWN, DOWN, RIGHT, DOWN, RIGHT, UP, DOWN, RIGHT]


def reference(env: gym.Env[Any, Any], plan: list[int], seed: int) -> list[tuple[Any, ...]]:
    """(observation, env reward, terminated, truncated) of each step of ``plan``, unwrapped."""
    env.reset(seed=seed)
    steps: list[tuple[Any, ...]] = []
    for action in plan:
        observation, reward, terminated, truncated, _ = env.step(action)
        steps.append((observation, float(reward), terminated, truncated))
        if terminated or truncated:
            break
    return steps


def check_wrapper(
    module: ModuleType, slippery: bool, plan: list[int], seed: int, costs: list[float]
) -> None:
    wrapper = getattr(module, "ActionCosts", None)
    if wrapper is None:
        raise CheckFailed("your file defines no `ActionCosts`: keep the class from the stub")
    what = (
        f"ActionCosts(FrozenLake-v1 is_slippery={slippery}, costs {[round(c, 3) for c in costs]})"
    )
    expected = reference(gym.make("FrozenLake-v1", is_slippery=slippery), plan, seed)
    env = wrapper(gym.make("FrozenLake-v1", is_slippery=slippery), costs)
    env.reset(seed=seed)
    for t, (action, (observation, env_reward, terminated, truncated)) in enumerate(
        zip(plan, expected, strict=False)
    ):
        got = env.step(action)
        if not isinstance(got, tuple) or len(got) != 5:
            raise CheckFailed(f"{what}.step: expected a 5-tuple (obs, r, term, trunc, info)")
        step = f"{what}, step {t} (action {action})"
        expect_equal(got[0], observation, f"{step}: observation")
        expect_close(got[1], env_reward - costs[action], f"{step}: reward (env's minus the cost)")
        expect_equal((got[2], got[3]), (terminated, truncated), f"{step}: (terminated, truncated)")
        info = got[4]
        if not isinstance(info, dict) or "env_reward" not in info:
            raise CheckFailed(f"{step}: info should hold the original reward as 'env_reward'")
        expect_close(float(info["env_reward"]), env_reward, f"{step}: info['env_reward']")


def check_plan_return(module: ModuleType) -> None:
    plan_return = get_function(module, "plan_return")
    wrapper = module.ActionCosts
    for slippery, plan, seed in [
        (False, SHORT_PATH, 0),
        (True, WANDERING, 5),
        (False, [RIGHT, DOWN, UP], 0),
    ]:
        expected = sum(
            reward - COSTS[action]
            for action, (_, reward, _, _) in zip(
                plan,
                reference(gym.make("FrozenLake-v1", is_slippery=slippery), plan, seed),
                strict=False,
            )
        )
        env = wrapper(gym.make("FrozenLake-v1", is_slippery=slippery), COSTS)
        got = plan_return(env, plan, seed)
        expect_close(
            got,
            expected,
            f"plan_return(slippery={slippery}, plan {plan}, seed={seed}) (stop when the episode "
            "ends, before the plan does)",
        )


def check(module: ModuleType) -> None:
    check_wrapper(module, slippery=False, plan=SHORT_PATH, seed=0, costs=COSTS)
    check_wrapper(module, slippery=True, plan=WANDERING, seed=5, costs=COSTS)
    for costs in random_cases(13, 2, lambda rng: [float(c) for c in rng.uniform(-1, 1, 4)]):
        check_wrapper(module, slippery=True, plan=WANDERING, seed=6, costs=costs)
    check_plan_return(module)
