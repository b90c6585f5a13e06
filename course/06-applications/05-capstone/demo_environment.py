"""Demo 1: the capstone's environment passes Gymnasium's checks, and three simple
policies set the bar an agent must clear."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import numpy as np
import tyro
from gymnasium.utils.env_checker import check_env

import thermostat
from rlcourse.stats import mean_and_standard_error


@dataclass(frozen=True)
class Config:
    days: int = 100  # fresh days per policy
    seed: int = 1_000  # the days' seed (training in Demo 2 never uses it)
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    means: dict[str, float]  # policy -> mean return per day
    standard_errors: dict[str, float]  # over days
    thermostat_kwh: float  # energy the thermostat buys per day


def main(cfg: Config) -> Result:
    # --8<-- [start:check]
    env = gym.make(thermostat.THERMOSTAT_ID, render_mode="rgb_array")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning of the checker fails the demo
        check_env(env.unwrapped)
    print(f"check_env passed: {env.observation_space}, {env.action_space}")
    observation, _ = env.reset(seed=cfg.seed)
    print("first observation:", np.round(observation, 3))

    rng = np.random.default_rng(cfg.seed)
    policies: dict[str, thermostat.Policy] = {
        "random": lambda observation: int(rng.integers(3)),
        "always off": lambda observation: 0,
        "always full": lambda observation: 2,
        "thermostat": thermostat.thermostat_policy,
    }
    days = {
        name: thermostat.play_days(policy, cfg.days, cfg.seed) for name, policy in policies.items()
    }
    # --8<-- [end:check]
    means, errors = {}, {}
    print(f"\n{'policy':<12}{'return per day':>18}{'kWh per day':>13}{'cold degree-hours':>19}")
    for name, played in days.items():
        means[name], errors[name] = mean_and_standard_error(played.returns)
        kwh = sum(played.kwh_by_price.values())
        print(
            f"{name:<12}{means[name]:>10.2f} ± {errors[name]:<5.2f}{kwh:>13.1f}"
            f"{played.cold_degree_hours:>19.1f}"
        )
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    return Result(means, errors, sum(days["thermostat"].kwh_by_price.values()))


if __name__ == "__main__":
    main(tyro.cli(Config))
