"""Demo 2 of Part 6.3: the trading environment. Its observation is blind to the future (the
demo changes every later price and watches the observations), and its costs are what
separate strategies on a fair price: random trading, buying and holding, staying in cash."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import numpy as np
import tyro

from rlcourse.envs import TRADING_ID
from rlcourse.envs.trading import HOLD, TradingEnv
from rlcourse.stats import mean_and_standard_error
from strategies import Policy, buy_and_hold, final_values, held_out, random_policy


@dataclass(frozen=True)
class Config:
    paths: int = 1_000  # held-out price paths of the random walk
    changed_after: int = 40  # the future test changes every price after this step
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    past_unchanged: bool  # observations 0..changed_after equal on both futures
    next_changed: bool  # the observation after changed_after differs
    final_value: dict[str, list[float]]  # per strategy: [mean, standard error] over paths
    trades: dict[str, float]  # mean trades per episode
    predicted: dict[str, float]  # 1 - cost * trades, what the martingale argument predicts


# --8<-- [start:future]
def observations(
    env: TradingEnv, actions: np.ndarray, changed_after: int, factor: float
) -> np.ndarray:
    """Reset with seed 0, multiply every price after step ``changed_after`` by ``factor``,
    then play ``actions``: the observations at steps 0..len(actions), (len(actions) + 1, 7)."""
    seen = [env.reset(seed=0)[0]]
    env.prices[changed_after + 1 :] *= factor  # another future, the same past
    seen += [env.step(int(action))[0] for action in actions]
    return np.stack(seen)


# --8<-- [end:future]


def main(cfg: Config) -> Result:
    env = gym.make(TRADING_ID).unwrapped
    assert isinstance(env, TradingEnv)
    print(f"{TRADING_ID}: {env.observation_space}, {env.action_space}, {env.steps} steps")
    # --8<-- [start:main]
    actions = np.random.default_rng(cfg.seed).integers(3, size=cfg.changed_after + 1)
    t = cfg.changed_after
    same = observations(env, actions, t, 1.0)  # (t + 2, 7): observations at steps 0..t + 1
    other = observations(env, actions, t, 1.5)  # every price after step t is 50% higher
    past_unchanged = bool(np.array_equal(same[: t + 1], other[: t + 1]))
    next_changed = not np.array_equal(same[t + 1], other[t + 1])  # P_{t+1} is now in view
    strategies: dict[str, Policy] = {
        "random": random_policy(cfg.seed),
        "buy and hold": buy_and_hold,
        "stay in cash": lambda observation: HOLD,
    }
    results = {
        name: held_out(policy, "random_walk", cfg.paths) for name, policy in strategies.items()
    }
    # --8<-- [end:main]
    print(f"observations 0..{cfg.changed_after}, every later price changed: same {past_unchanged}")
    print(f"observation {cfg.changed_after + 1} changed: {next_changed}")
    final_value, trades, predicted = {}, {}, {}
    print(f"{cfg.paths} held-out random-walk paths, cost {env.cost:.1%} of the value traded:")
    for name, episodes in results.items():
        final_value[name] = list(mean_and_standard_error(final_values(episodes)))
        trades[name] = float(np.mean([episode.trades for episode in episodes]))
        predicted[name] = 1.0 - env.cost * trades[name]
        print(
            f"  {name:>12}: final value {final_value[name][0]:.4f} ± {final_value[name][1]:.4f}, "
            f"{trades[name]:5.2f} trades, 1 - cost x trades = {predicted[name]:.4f}"
        )
    return Result(
        past_unchanged=past_unchanged,
        next_changed=next_changed,
        final_value=final_value,
        trades=trades,
        predicted=predicted,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
