"""Demo 4: total reward over time for a simple CartPole policy, against a random one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import tyro
from tqdm import tqdm

from rlcourse.seeding import seed_everything

Policy = Callable[[np.ndarray], int]  # observation (4,) -> action 0 (push left) or 1 (right)


@dataclass(frozen=True)
class Config:
    episodes: int = 200  # per policy
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class PolicySummary:
    mean_total_reward: float
    standard_error: float
    shortest: int
    longest: int
    truncated: int  # episodes that reached CartPole's 500-step limit


@dataclass(frozen=True)
class Result:
    episodes: int
    policies: dict[str, PolicySummary]
    figure: str


# --8<-- [start:policy]
def lean_policy(observation: np.ndarray) -> int:
    """Push the cart toward the side the pole leans to (observation[2] is the angle)."""
    return int(observation[2] > 0.0)  # 1 = push right when the pole leans right


# --8<-- [end:policy]


# --8<-- [start:curves]
def total_reward_curves(
    env: gym.Env[Any, Any], policy: Policy, episodes: int, seed: int
) -> tuple[np.ndarray, int]:
    """Total reward after each step of each episode, shape (episodes, longest episode).

    Row i holds R_1, R_1 + R_2, ... of episode i; once the episode is over, its total
    stays constant, so every row has the same length. Also returns how many episodes
    were truncated by the time limit rather than terminated.
    """
    env.action_space.seed(seed)
    rows: list[np.ndarray] = []
    truncated_count = 0
    for episode in range(episodes):
        observation, _ = env.reset(seed=seed if episode == 0 else None)
        rewards: list[float] = []
        while True:
            observation, reward, terminated, truncated, _ = env.step(policy(observation))
            rewards.append(float(reward))
            if terminated or truncated:
                if truncated and not terminated:
                    truncated_count += 1
                break
        rows.append(np.cumsum(rewards))
    longest = max(len(row) for row in rows)
    curves = np.array([np.pad(row, (0, longest - len(row)), mode="edge") for row in rows])
    return curves, truncated_count


# --8<-- [end:curves]


def plot_curves(curves: dict[str, np.ndarray], episodes: int, path: Path) -> None:
    """Left: mean total reward so far at each step. Right: each episode's final total."""
    fig, (over_steps, over_episodes) = plt.subplots(1, 2, figsize=(11, 4), dpi=100)
    for (name, rows), colour in zip(curves.items(), ("tab:gray", "tab:blue"), strict=True):
        steps = np.arange(1, rows.shape[1] + 1)
        mean = rows.mean(axis=0)
        low, high = np.percentile(rows, [10, 90], axis=0)
        over_steps.plot(steps, mean, color=colour, label=f"{name}: mean")
        over_steps.fill_between(steps, low, high, color=colour, alpha=0.2, label="10-90%")
        totals = rows[:, -1]  # each episode's final total
        over_episodes.plot(np.arange(len(totals)), totals, ".", color=colour, ms=4, label=name)
        over_episodes.axhline(totals.mean(), color=colour, lw=1)
    over_steps.set_xlabel("time step t")
    over_steps.set_ylabel("total reward so far")
    over_steps.set_title(f"within an episode ({episodes} episodes each)")
    over_steps.legend()
    over_episodes.set_xlabel("episode")
    over_episodes.set_ylabel("total reward of the episode")
    over_episodes.set_title("episode after episode (line: mean)")
    over_episodes.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    seed_everything(cfg.seed)
    env = gym.make("CartPole-v1")  # +1 per step while the pole is up, at most 500 steps

    def random_policy(observation: np.ndarray) -> int:
        return int(env.action_space.sample())

    curves: dict[str, np.ndarray] = {}
    summaries: dict[str, PolicySummary] = {}
    for name, policy in tqdm([("random", random_policy), ("lean", lean_policy)], desc="policies"):
        rows, truncated = total_reward_curves(env, policy, cfg.episodes, cfg.seed)
        totals = rows[:, -1]
        curves[name] = rows
        summaries[name] = PolicySummary(
            mean_total_reward=float(totals.mean()),
            standard_error=float(totals.std(ddof=1) / np.sqrt(len(totals))),
            shortest=int(totals.min()),
            longest=int(totals.max()),
            truncated=truncated,
        )
    env.close()
    for name, s in summaries.items():
        print(
            f"{name:<7} total reward {s.mean_total_reward:6.2f} ± {s.standard_error:.2f} "
            f"over {cfg.episodes} episodes (shortest {s.shortest}, longest {s.longest}, "
            f"{s.truncated} reached the 500-step limit)"
        )
    figure = cfg.out_dir / "total_reward.png"
    plot_curves(curves, cfg.episodes, figure)
    return Result(episodes=cfg.episodes, policies=summaries, figure=figure.name)


if __name__ == "__main__":
    main(tyro.cli(Config))
