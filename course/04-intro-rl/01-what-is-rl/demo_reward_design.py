"""Demo 2: rewards are assigned by the designer; three reward designs on the same lake."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gymnasium as gym
import matplotlib.pyplot as plt
import tyro
from gymnasium.envs.toy_text.frozen_lake import FrozenLakeEnv
from matplotlib.patches import Rectangle

from rlcourse.seeding import seed_everything

LEFT, DOWN, RIGHT, UP = 0, 1, 2, 3

# Three fixed action sequences from the start cell of the 4x4 lake (not slippery).
PLANS: dict[str, list[int]] = {
    "short path": [DOWN, DOWN, RIGHT, DOWN, RIGHT, RIGHT],
    "detour": [RIGHT, RIGHT, RIGHT, LEFT, DOWN, DOWN, DOWN, RIGHT],
    "into a hole": [RIGHT, DOWN],
}


@dataclass(frozen=True)
class Config:
    gamma: float = 0.9  # discount for the discounted column of the table
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    returns: dict[str, dict[str, float]]  # design -> plan -> return
    goal_design_is_env_reward: bool
    preferred: dict[str, str]  # design -> the plan(s) with the highest return
    figure: str


# --8<-- [start:wrapper]
class CellRewards(gym.Wrapper[int, int, int, int]):
    """Replace the environment's reward with one we design.

    Every action costs ``step_cost``; entering a cell adds ``cell_rewards`` of its
    letter ("F" frozen, "H" hole, "G" goal, "S" start), 0 if the letter is not listed.
    So R(s, a, s') = -step_cost + cell_rewards[letter of s'].
    """

    def __init__(
        self, env: gym.Env[int, int], cell_rewards: Mapping[str, float], step_cost: float
    ) -> None:
        super().__init__(env)
        lake = env.unwrapped
        if not isinstance(lake, FrozenLakeEnv):
            raise TypeError(f"CellRewards needs FrozenLake, got {type(lake).__name__}")
        self.letters = [letter.decode() for letter in lake.desc.flatten()]  # state -> letter
        self.cell_rewards = dict(cell_rewards)
        self.step_cost = step_cost

    def step(self, action: int) -> tuple[int, float, bool, bool, dict[str, Any]]:
        next_state, env_reward, terminated, truncated, info = self.env.step(action)
        reward = -self.step_cost + self.cell_rewards.get(self.letters[next_state], 0.0)
        return next_state, reward, terminated, truncated, {**info, "env_reward": env_reward}


# --8<-- [end:wrapper]


# --8<-- [start:designs]
def reward_designs() -> dict[str, tuple[dict[str, float], float]]:
    """Design name -> (cell_rewards, step_cost)."""
    return {
        "goal +1": ({"G": 1.0}, 0.0),  # FrozenLake's own reward
        "step -1": ({}, 1.0),  # "finish quickly", and nothing else
        "step -1, hole -10": ({"H": -10.0}, 1.0),  # "finish quickly, and never fall in"
    }


def plan_return(env: gym.Env[int, int], plan: list[int], gamma: float, seed: int) -> float:
    """G_0 = sum_t gamma^t R_{t+1} of following ``plan`` from the start until the episode ends."""
    env.reset(seed=seed)
    total = 0.0
    for t, action in enumerate(plan):
        _, reward, terminated, truncated, _ = env.step(action)
        total += gamma**t * float(reward)
        if terminated or truncated:
            break
    return total


# --8<-- [end:designs]


def same_as_env_reward(env: CellRewards, seed: int) -> bool:
    """Whether the designed reward equals the environment's own on every step of every plan."""
    for plan in PLANS.values():
        env.reset(seed=seed)
        for action in plan:
            _, reward, terminated, truncated, info = env.step(action)
            if reward != info["env_reward"]:
                return False
            if terminated or truncated:
                break
    return True


def best_plans(returns: Mapping[str, float]) -> str:
    """The plan with the highest return, or all of them joined by " = " if they tie."""
    best = max(returns.values())
    return " = ".join(plan for plan, value in returns.items() if value == best)


def route(env: gym.Env[int, int], plan: list[int], seed: int) -> list[int]:
    """The states visited when following ``plan``, start included, as the environment moves."""
    state, _ = env.reset(seed=seed)
    states = [state]
    for action in plan:
        state, _, terminated, truncated, _ = env.step(action)
        states.append(state)
        if terminated or truncated:
            break
    return states


def draw_plans(env: gym.Env[int, int], lake: FrozenLakeEnv, seed: int, path: Path) -> None:
    """The lake's cells coloured by letter, and the route each plan takes through them."""
    colours = {"S": "#cfe0f7", "F": "#eef6fc", "H": "#33506b", "G": "#a8dca8"}
    fig, ax = plt.subplots(figsize=(5, 5), dpi=100)
    for state, letter in enumerate(letter.decode() for letter in lake.desc.flatten()):
        row, col = divmod(state, lake.ncol)
        ax.add_patch(Rectangle((col, row), 1, 1, facecolor=colours[letter], edgecolor="gray"))
        ax.text(col + 0.12, row + 0.22, letter, color="gray")
    for (name, plan), colour, shift in zip(
        PLANS.items(), ("tab:green", "tab:orange", "tab:red"), (-0.12, 0.0, 0.12), strict=True
    ):
        cells = [divmod(state, lake.ncol) for state in route(env, plan, seed)]
        xs = [col + 0.5 + shift for _, col in cells]
        ys = [row + 0.5 + shift for row, _ in cells]
        ax.plot(xs, ys, "-o", color=colour, lw=2.5, ms=4, label=f"{name} ({len(plan)} steps)")
    ax.set_xlim(0, lake.ncol)
    ax.set_ylim(lake.nrow, 0)  # row 0 at the top, as the map prints
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.02))
    ax.set_title("three plans on the 4x4 lake (not slippery)")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    seed_everything(cfg.seed)
    base = gym.make("FrozenLake-v1", is_slippery=False)  # deterministic: a plan is exact
    columns = [(name, 1.0) for name in reward_designs()] + [("goal +1", cfg.gamma)]
    returns: dict[str, dict[str, float]] = {}
    for design, gamma in columns:
        cell_rewards, step_cost = reward_designs()[design]
        env = CellRewards(base, cell_rewards, step_cost)
        label = design if gamma == 1.0 else f"{design}, discounted"
        returns[label] = {plan: plan_return(env, PLANS[plan], gamma, cfg.seed) for plan in PLANS}

    print(f"returns G_0 (discounted column: gamma = {cfg.gamma})")
    print(f"{'plan':<13}" + "".join(f"{label:>22}" for label in returns))
    for plan in PLANS:
        print(f"{plan:<13}" + "".join(f"{returns[label][plan]:>22.3f}" for label in returns))
    own_reward = same_as_env_reward(CellRewards(base, *reward_designs()["goal +1"]), cfg.seed)
    print(f"'goal +1' gives FrozenLake's own reward at every step: {own_reward}")
    preferred = {label: best_plans(by_plan) for label, by_plan in returns.items()}
    print("best plan:")
    for label, plans in preferred.items():
        print(f"  {label:<20} {plans}")

    lake = base.unwrapped
    if not isinstance(lake, FrozenLakeEnv):
        raise TypeError(f"expected FrozenLake, got {type(lake).__name__}")
    figure = cfg.out_dir / "reward_design_plans.png"
    draw_plans(base, lake, cfg.seed, figure)
    return Result(
        returns=returns,
        goal_design_is_env_reward=own_reward,
        preferred=preferred,
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
