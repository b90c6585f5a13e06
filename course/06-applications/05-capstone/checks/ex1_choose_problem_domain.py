"""Check of Exercise 1 of Part 6.5: the night-setback house's step, against a reference
written here, on seeded days with random heater settings, and Gymnasium's env checker."""

from __future__ import annotations

import warnings
from types import ModuleType
from typing import Any

import numpy as np
from gymnasium.utils import seeding
from gymnasium.utils.env_checker import check_env

from coursetools.check_helpers import CheckFailed, expect_true, get_function

STEPS, OUTSIDE, LEAK, HEATING, NOISE = 48, 3.0, 0.05, 2.0, 0.1


def reference_day(seed: int, actions: list[int], night_band: bool = True) -> list[Any]:
    """(inside, reward) after each step, drawn as the statement says."""
    rng, _ = seeding.np_random(seed)  # what reset(seed=seed) gives self.np_random
    inside = float(rng.uniform(15.0, 20.0))
    out: list[Any] = []
    for step, action in enumerate(actions):
        power = action / 2
        inside += LEAK * (OUTSIDE - inside) + HEATING * power
        inside += float(rng.normal(0.0, NOISE))
        hour = step / 2
        asleep = night_band and (hour < 6 or hour >= 23)
        low, high = (16.0, 20.0) if asleep else (19.0, 23.0)
        band = max(low - inside, 0.0) + max(inside - high, 0.0)
        out.append((inside, -(0.3 * power + 0.5 * band)))
    return out


def learner_day(env_class: Any, seed: int, actions: list[int]) -> list[Any]:
    env = env_class()
    env.reset(seed=seed)
    out: list[Any] = []
    for step, action in enumerate(actions):
        observation, reward, terminated, truncated, _ = env.step(action)
        expect_true(
            not truncated,
            f"step {step + 1} returned truncated=True: midnight is a true end here (the clock "
            "is in the observation), so the day ends with terminated=True, truncated=False",
        )
        last = step + 1 == STEPS
        expect_true(
            bool(terminated) == last,
            f"step {step + 1} returned terminated={terminated}: expected terminated=True "
            f"exactly after the {STEPS}th step (midnight), False before",
        )
        out.append((float(observation[0]) * 5.0 + 20.0, float(reward)))
    return out


def check(module: ModuleType) -> None:
    env_class = get_function(module, "SetbackEnv")
    rng = np.random.default_rng(65)
    actions = [int(a) for a in rng.integers(0, 3, size=STEPS)]
    first, again = learner_day(env_class, 7, actions), learner_day(env_class, 7, actions)
    expect_true(
        first == again,
        "the same seed gave two different days: draw the noise from self.np_random "
        "(seeded by reset), not from np.random or random",
    )
    for seed in (0, 7, 123):
        actions = [int(a) for a in rng.integers(0, 3, size=STEPS)]
        got, want = learner_day(env_class, seed, actions), reference_day(seed, actions)
        for step, ((inside, reward), (inside_ref, reward_ref)) in enumerate(
            zip(got, want, strict=True)
        ):
            hour = step / 2
            if abs(inside - inside_ref) > 1e-4:
                raise CheckFailed(
                    f"seed {seed}, step {step + 1}: indoor temperature {inside:.4f}, expected "
                    f"{inside_ref:.4f}: inside += LEAK*(OUTSIDE - inside) + HEATING*power, "
                    "then one normal draw of std NOISE from self.np_random"
                )
            if abs(reward - reward_ref) > 1e-4:
                day_band = reference_day(seed, actions, night_band=False)[step][1]
                hint = (
                    "you used the day band 19-23 at night: from 23:00 to 06:00 it is 16-20"
                    if abs(reward - day_band) < 1e-4
                    else "energy cost and discomfort are both costs: reward = -(cost + discomfort)"
                    if reward > 0 or (abs(reward + reward_ref) < 1e-4 and reward_ref != 0)
                    else "reward = -(0.3*power + 0.5*degrees outside the band of this step)"
                )
                raise CheckFailed(
                    f"seed {seed}, step {step + 1} (hour {hour:g}): reward {reward:.4f}, "
                    f"expected {reward_ref:.4f}: {hint}"
                )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            check_env(env_class(), skip_render_check=True)
        except Exception as error:
            raise CheckFailed(f"gymnasium's check_env failed: {error}") from None
