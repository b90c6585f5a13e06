"""Demo 4: rollouts spread over processes with AsyncVectorEnv, against SyncVectorEnv."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import tyro


@dataclass(frozen=True)
class Config:
    env_counts: tuple[int, ...] = (1, 2, 4)  # copies of the environment stepped together
    vector_steps: int = 1500  # steps of the vector environment per measurement
    work_us: int = 1000  # microseconds of extra computation per step of the "slow" CartPole
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    cores: int
    # "cheap" / "slow" -> "sync" / "async" -> environment steps per second, per env count
    steps_per_second: dict[str, dict[str, list[float]]]


# --8<-- [start:slow_env]
class Slow(gym.Wrapper[np.ndarray, int, np.ndarray, int]):
    """CartPole plus ``work_us`` microseconds of busy computation per step: a stand-in for a
    simulator whose step costs more than a message between processes."""

    def __init__(self, env: gym.Env[np.ndarray, int], work_us: int) -> None:
        super().__init__(env)
        self.work_us = work_us

    def step(self, action: int) -> tuple[np.ndarray, Any, bool, bool, dict[str, Any]]:
        until = time.perf_counter() + self.work_us / 1e6
        while time.perf_counter() < until:  # computation, not sleep: it needs a core
            pass
        return self.env.step(action)


# --8<-- [end:slow_env]


def factory(work_us: int) -> Callable[[], gym.Env[np.ndarray, int]]:
    """What a vector environment calls, in this process or in a worker, to build a copy."""
    if work_us == 0:
        return lambda: gym.make("CartPole-v1")
    return lambda: Slow(gym.make("CartPole-v1"), work_us)


# --8<-- [start:measure]
def steps_per_second(vector: gym.vector.VectorEnv[Any, Any, Any], steps: int, seed: int) -> float:
    """Environment steps per second (vector steps x copies), random actions."""
    vector.reset(seed=seed)
    vector.action_space.seed(seed)
    start = time.perf_counter()
    for _ in range(steps):
        vector.step(vector.action_space.sample())  # a finished copy resets itself
    rate = steps * vector.num_envs / (time.perf_counter() - start)
    vector.close()
    return rate


def compare(work_us: int, counts: tuple[int, ...], steps: int, seed: int) -> dict[str, list[float]]:
    rates: dict[str, list[float]] = {"sync": [], "async": []}
    for n in counts:
        factories = [factory(work_us) for _ in range(n)]
        rates["sync"].append(steps_per_second(gym.vector.SyncVectorEnv(factories), steps, seed))
        # one worker process per copy; actions and observations travel through pipes
        rates["async"].append(steps_per_second(gym.vector.AsyncVectorEnv(factories), steps, seed))
    return rates


# --8<-- [end:measure]


def main(cfg: Config) -> Result:
    cores = (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )
    rates = {
        "cheap": compare(0, cfg.env_counts, cfg.vector_steps, cfg.seed),
        "slow": compare(cfg.work_us, cfg.env_counts, cfg.vector_steps, cfg.seed),
    }
    print(f"{cores} CPU cores; environment steps per second, {cfg.vector_steps} vector steps each")
    print("copies:          " + "".join(f"{n:>10}" for n in cfg.env_counts))
    for kind, row in rates.items():
        for mode, values in row.items():
            print(f"{kind:<6}{mode:<6}      " + "".join(f"{v:>10,.0f}" for v in values))
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.4), dpi=100, layout="constrained")
    for ax, (kind, row) in zip(axes, rates.items(), strict=True):
        for mode, values in row.items():
            ax.plot(cfg.env_counts, values, marker="o", label=f"{mode.capitalize()}VectorEnv")
        ax.set_xticks(cfg.env_counts)
        ax.set_xlabel("copies of the environment")
        ax.set_ylabel("environment steps per second")
        ax.set_title(f"CartPole-v1{'' if kind == 'cheap' else f' + {cfg.work_us} µs per step'}")
        ax.set_ylim(bottom=0)
        ax.legend()
    fig.savefig(cfg.out_dir / "vector_envs.png")
    plt.close(fig)
    return Result(cores, rates)


if __name__ == "__main__":
    main(tyro.cli(Config))
