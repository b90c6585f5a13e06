"""Demo 1: the agent-environment loop, on a corridor written by hand and on FrozenLake."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gymnasium as gym
import tyro
from gymnasium.envs.toy_text.frozen_lake import FrozenLakeEnv
from gymnasium.spaces import Discrete
from gymnasium.wrappers import TimeLimit

from rlcourse.episodes import Episode, Step
from rlcourse.seeding import seed_everything

LAKE_ACTIONS = ("left", "down", "right", "up")  # FrozenLake's actions 0, 1, 2, 3
CORRIDOR_ACTIONS = ("left", "right")


@dataclass(frozen=True)
class Config:
    corridor_length: int = 7  # cells of the hand-written corridor
    slip: float = 0.2  # probability that a corridor step goes the other way
    episodes: int = 10_000  # FrozenLake episodes run in all; a few are printed, all counted
    max_episode_steps: int = 20  # the time limit that truncates an episode
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    corridor_steps: int  # length of the printed corridor episode
    corridor_reward: float  # its total reward
    episodes: int
    endings: dict[str, int]  # how many lake episodes ended at the goal, in a hole, by the limit
    mean_length: float
    success_rate: float  # = mean total reward, since the only reward is 1 at the goal


# --8<-- [start:corridor]
class Corridor(gym.Env[Any, Any]):
    """Cells 0 .. length-1 in a row; every episode starts in the middle cell.

    Action 0 steps left, 1 steps right, but with probability ``slip`` the step goes the
    other way. Reaching the right end pays +1, the left end pays 0; either end
    terminates the episode. Every other step pays 0.
    """

    def __init__(self, length: int = 5, slip: float = 0.2) -> None:
        self.length, self.slip = length, slip
        self.observation_space = Discrete(length)
        self.action_space = Discrete(2)
        self.position = length // 2

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[int, dict[str, Any]]:
        super().reset(seed=seed)  # seeds self.np_random, the only source of randomness
        self.position = self.length // 2
        return self.position, {}  # S_0 and an (empty) info dict

    def step(self, action: int) -> tuple[int, float, bool, bool, dict[str, Any]]:
        move = 1 if action == 1 else -1
        if self.np_random.random() < self.slip:
            move = -move  # slipped
        self.position += move
        reward = 1.0 if self.position == self.length - 1 else 0.0
        terminated = self.position in (0, self.length - 1)  # an end of the task
        # S_{t+1}, R_{t+1}, terminated, truncated (a TimeLimit wrapper sets it), info
        return self.position, reward, terminated, False, {}


# --8<-- [end:corridor]


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


def print_episode(
    transitions: Episode, actions: tuple[str, ...], describe: Callable[[int], str] = str
) -> None:
    for t, tr in enumerate(transitions):
        print(
            f"  t={t:>2}  s={describe(tr.state)}  a={actions[tr.action]:<5}  "
            f"r={tr.reward:.0f}  s'={describe(tr.next_state)}  "
            f"terminated={tr.terminated!s:<5}  truncated={tr.truncated}"
        )


def cell(lake: FrozenLakeEnv, state: int) -> str:
    """A lake state as its cell: 'S' start, 'F' frozen, 'H' hole, 'G' goal."""
    row, col = divmod(state, lake.ncol)
    return f"{state:>2} ({row},{col}) {lake.desc[row, col].decode()}"


def ending(lake: FrozenLakeEnv, last: Step) -> str:
    if last.truncated and not last.terminated:
        return "time limit"
    row, col = divmod(last.next_state, lake.ncol)
    return "goal" if lake.desc[row, col] == b"G" else "hole"


def corridor_episode(cfg: Config) -> Episode:
    """One episode of a random agent in the corridor, printed step by step."""
    env = TimeLimit(Corridor(cfg.corridor_length, cfg.slip), cfg.max_episode_steps)
    env.action_space.seed(cfg.seed)
    transitions = run_episode(env, lambda state: int(env.action_space.sample()), cfg.seed)
    print(f"corridor of {cfg.corridor_length} cells, slip {cfg.slip}, a random agent:")
    print_episode(transitions, CORRIDOR_ACTIONS)
    return transitions


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    seed_everything(cfg.seed)
    corridor = corridor_episode(cfg)

    env = gym.make("FrozenLake-v1", max_episode_steps=cfg.max_episode_steps)  # slippery 4x4
    env.action_space.seed(cfg.seed)
    lake = env.unwrapped
    if not isinstance(lake, FrozenLakeEnv):
        raise TypeError(f"expected FrozenLake inside the wrappers, got {type(lake).__name__}")
    print("\nFrozenLake (the agent never sees this map, only its state number):")
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
            print_episode(transitions, LAKE_ACTIONS, lambda state: cell(lake, state))
        endings[how] += 1
        lengths.append(len(transitions))

    print(f"\n{cfg.episodes:,} episodes of the random agent ended:")
    for how in ("goal", "hole", "time limit"):
        print(f"  {how:<10} {endings[how]:>6}  ({endings[how] / cfg.episodes:.1%})")
    mean_length = sum(lengths) / len(lengths)
    print(f"mean episode length {mean_length:.2f} steps")
    env.close()
    return Result(
        corridor_steps=len(corridor),
        corridor_reward=sum(step.reward for step in corridor),
        episodes=cfg.episodes,
        endings={how: endings[how] for how in ("goal", "hole", "time limit")},
        mean_length=mean_length,
        success_rate=endings["goal"] / cfg.episodes,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
