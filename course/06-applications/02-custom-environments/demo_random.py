"""Demo 2: register the lander under an id, make it with gym.make, and fly it with random
actions: how often does chance land it?"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import tyro

from lander import SAFE_SPEED, register_lander
from rlcourse.stats import mean_and_standard_error


@dataclass(frozen=True)
class Config:
    episodes: int = 1000  # random flights
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    env_id: str
    max_episode_steps: int
    episodes: int
    outcomes: dict[str, int]  # landed, crashed, out of time
    mean_return: list[float]  # [mean, standard error] over the episodes
    mean_touchdown_speed: float  # m/s, over the episodes that touched down
    slowest_touchdown: float


# --8<-- [start:random]
def random_flights(
    env_id: str, episodes: int, seed: int
) -> tuple[list[float], list[dict[str, Any]]]:
    """Returns and final infos of ``episodes`` flights with uniformly random actions."""
    env = gym.make(env_id)
    env.action_space.seed(seed)  # the random actions come from the action space's generator
    returns: list[float] = []
    infos: list[dict[str, Any]] = []
    for episode in range(episodes):
        # One seeded reset fixes every later start: the env's generator carries on.
        env.reset(seed=seed if episode == 0 else None)
        total, done, info = 0.0, False, {}
        while not done:
            _, reward, terminated, truncated, info = env.step(env.action_space.sample())
            total += float(reward)
            done = terminated or truncated
        returns.append(total)
        infos.append(info)
    env.close()
    return returns, infos


def main(cfg: Config) -> Result:
    env_id = register_lander()  # gym.register once per process, then gym.make(env_id)
    spec = gym.spec(env_id)
    print(f"{env_id}: entry point {spec.entry_point}, time limit {spec.max_episode_steps}")
    returns, infos = random_flights(env_id, cfg.episodes, cfg.seed)
    # --8<-- [end:random]
    outcomes = Counter(info.get("outcome", "out of time") for info in infos)
    speeds = np.array([info["touchdown_speed"] for info in infos if "touchdown_speed" in info])
    mean, error = mean_and_standard_error(returns)
    print(f"{cfg.episodes} random flights: {dict(outcomes)}")
    print(f"return {mean:.2f} ± {error:.2f}; touchdown speed {speeds.mean():.2f} m/s on average")
    print(f"slowest touchdown {speeds.min():.2f} m/s (safe: at most {SAFE_SPEED:.1f} m/s)")

    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(6.4, 3.4), dpi=100, layout="constrained")
    ax.hist(speeds, bins=40, color="tab:red", label="random actions")
    ax.axvline(SAFE_SPEED, color="black", linestyle="--", label="safe speed (1 m/s)")
    ax.set_xlabel("touchdown speed (m/s)")
    ax.set_ylabel("flights")
    ax.set_title(f"{cfg.episodes} flights with random actions: {outcomes['landed']} landed")
    ax.legend()
    fig.savefig(cfg.out_dir / "random_touchdowns.png")
    plt.close(fig)
    return Result(
        env_id=env_id,
        max_episode_steps=int(spec.max_episode_steps or 0),
        episodes=cfg.episodes,
        outcomes={key: outcomes.get(key, 0) for key in ("landed", "crashed", "out of time")},
        mean_return=[mean, error],
        mean_touchdown_speed=float(speeds.mean()),  # every flight ends in a touchdown
        slowest_touchdown=float(speeds.min()),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
