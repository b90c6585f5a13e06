"""Demo 1: the agent-environment loop on FrozenLake, every transition printed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gymnasium as gym
import tyro
from gymnasium.envs.toy_text.frozen_lake import FrozenLakeEnv

from rlcourse.episodes import Episode, Step
from rlcourse.seeding import seed_everything

ACTION_NAMES = ("left", "down", "right", "up")  # FrozenLake's actions 0, 1, 2, 3


@dataclass(frozen=True)
class Config:
    episodes: int = 10_000  # episodes run in all; a few are printed, all are counted
    max_episode_steps: int = 20  # the time limit that truncates an episode
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    episodes: int
    endings: dict[str, int]  # how many episodes ended at the goal, in a hole, by the time limit
    mean_length: float
    success_rate: float  # = mean total reward, since the only reward is 1 at the goal


# --8<-- [start:loop]
def run_episode(
    env: gym.Env[Any, Any], choose_action: Callable[[int], int], seed: int | None = None
) -> Episode:
    """Play one episode: observe, act, receive (reward, next state), until it ends."""
    state, _ = env.reset(seed=seed)  # seed=None continues the environment's random stream
    transitions: Episode = []
    while True:
        action = choose_action(state)  # the agent's side of the loop
        next_state, reward, terminated, truncated, _ = env.step(action)  # the environment's
        transitions.append(Step(state, action, float(reward), next_state, terminated, truncated))
        if terminated or truncated:
            return transitions
        state = next_state


# --8<-- [end:loop]


# --8<-- [start:show]
def describe(lake: FrozenLakeEnv, state: int) -> str:
    """A state number as the cell it stands for: 'S' start, 'F' frozen, 'H' hole, 'G' goal."""
    row, col = divmod(state, lake.ncol)
    return f"{state:>2} ({row},{col}) {lake.desc[row, col].decode()}"


def print_episode(lake: FrozenLakeEnv, transitions: Episode) -> None:
    for t, tr in enumerate(transitions):
        print(
            f"  t={t:>2}  s={describe(lake, tr.state)}  a={ACTION_NAMES[tr.action]:<5}  "
            f"r={tr.reward:.0f}  s'={describe(lake, tr.next_state)}  "
            f"terminated={tr.terminated!s:<5}  truncated={tr.truncated}"
        )


def ending(lake: FrozenLakeEnv, last: Step) -> str:
    if last.truncated and not last.terminated:
        return "time limit"
    row, col = divmod(last.next_state, lake.ncol)
    return "goal" if lake.desc[row, col] == b"G" else "hole"


# --8<-- [end:show]


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    seed_everything(cfg.seed)
    env = gym.make("FrozenLake-v1", max_episode_steps=cfg.max_episode_steps)  # slippery 4x4
    env.action_space.seed(cfg.seed)
    lake = env.unwrapped
    if not isinstance(lake, FrozenLakeEnv):
        raise TypeError(f"expected FrozenLake inside the wrappers, got {type(lake).__name__}")
    print("the lake (the agent never sees this map, only its state number):")
    print("\n".join("  " + b"".join(row).decode() for row in lake.desc))

    def random_agent(state: int) -> int:
        return int(env.action_space.sample())  # ignores the state: a random policy

    endings: Counter[str] = Counter()
    lengths: list[int] = []
    for episode in range(cfg.episodes):
        transitions = run_episode(env, random_agent, seed=cfg.seed if episode == 0 else None)
        how = ending(lake, transitions[-1])
        if endings[how] == 0:  # print the first episode that ends each way
            print(f"\nepisode {episode}, {len(transitions)} steps, ended: {how}")
            print_episode(lake, transitions)
        endings[how] += 1
        lengths.append(len(transitions))

    print(f"\n{cfg.episodes:,} episodes of the random agent ended:")
    for how in ("goal", "hole", "time limit"):
        print(f"  {how:<10} {endings[how]:>6}  ({endings[how] / cfg.episodes:.1%})")
    mean_length = sum(lengths) / len(lengths)
    print(f"mean episode length {mean_length:.2f} steps")
    env.close()
    return Result(
        episodes=cfg.episodes,
        endings={how: endings[how] for how in ("goal", "hole", "time limit")},
        mean_length=mean_length,
        success_rate=endings["goal"] / cfg.episodes,
    )


# --8<-- [end:main]


if __name__ == "__main__":
    main(tyro.cli(Config))
