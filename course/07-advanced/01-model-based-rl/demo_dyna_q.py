"""Demo 2, part 1: Dyna-Q on a gridworld. A remembered model of each move replays
simulated experience between real steps, and the agent needs far fewer real steps."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import tyro

from rlcourse.agents.tabular import epsilon_greedy_action, make_q_table, q_learning_update
from rlcourse.envs import GRIDWORLD_ID
from rlcourse.stats import mean_and_standard_error

# Two walls between the start and the goal; the first has one gap, at the bottom.
WALL_LAYOUT: tuple[str, ...] = (
    "....#....G",
    "....#.....",
    "S...#..#..",
    "....#..#..",
    ".......#..",
)


@dataclass(frozen=True)
class Config:
    planning_steps: tuple[int, ...] = (0, 5, 50)  # simulated updates per real step; 0: Q-learning
    episodes: int = 30
    seeds: int = 5
    alpha: float = 0.1
    gamma: float = 0.95
    epsilon: float = 0.1
    time_limit: int = 2000  # long enough that the first, blind search reaches the goal
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    seeds: int
    planning_steps: list[int]
    # per planning_steps entry: [mean, standard error] over seeds of the real steps of
    first_episode: list[list[float]]  # episode 1, the blind search before any reward is seen
    second_episode: list[list[float]]  # episode 2
    later_episodes: list[list[float]]  # episodes 2 to the last, together


# --8<-- [start:model]
@dataclass
class TabularModel:
    """What each tried (state, action) led to the last time: (reward, next state, ended).
    The gridworld is deterministic, so one remembered outcome is the whole truth."""

    outcomes: dict[tuple[int, int], tuple[float, int, bool]] = field(default_factory=dict)
    seen: list[tuple[int, int]] = field(default_factory=list)  # keys, for uniform sampling

    def record(self, state: int, action: int, reward: float, nxt: int, ended: bool) -> None:
        if (state, action) not in self.outcomes:
            self.seen.append((state, action))
        self.outcomes[state, action] = (reward, nxt, ended)

    def sample(self, rng: np.random.Generator) -> tuple[int, int, float, int, bool]:
        state, action = self.seen[rng.integers(len(self.seen))]
        return (state, action, *self.outcomes[state, action])


# --8<-- [end:model]


# --8<-- [start:dyna]
def dyna_q_episode(
    env: gym.Env[Any, Any],
    q: np.ndarray,
    model: TabularModel,
    planning_steps: int,
    cfg: Config,
    act_rng: np.random.Generator,
    plan_rng: np.random.Generator,
) -> int:
    """One real episode of Dyna-Q; the number of real steps it took."""
    state, _ = env.reset()
    steps, done = 0, False
    while not done:
        action = epsilon_greedy_action(q[state], cfg.epsilon, act_rng)
        nxt, reward, terminated, truncated, _ = env.step(action)
        # (a) learn from the real step, (b) remember it in the model
        q_learning_update(q, state, action, float(reward), nxt, terminated, cfg.alpha, cfg.gamma)
        model.record(state, action, float(reward), nxt, terminated)
        # (c) plan: the same update on steps the model replays, no environment involved
        for _ in range(planning_steps):
            s, a, r, s_next, ended = model.sample(plan_rng)
            q_learning_update(q, s, a, r, s_next, ended, cfg.alpha, cfg.gamma)
        state, steps, done = nxt, steps + 1, terminated or truncated
    return steps


# --8<-- [end:dyna]


def run(planning_steps: int, seed: int, cfg: Config) -> list[int]:
    """Steps of each episode for one seed; the goal pays 1, every other move 0."""
    env = gym.make(
        GRIDWORLD_ID,
        max_episode_steps=cfg.time_limit,
        layout=WALL_LAYOUT,
        step_cost=0.0,
        goal_reward=1.0,
    )
    env.reset(seed=seed)
    # Separate streams: the agents' first episodes, before any reward, are then identical.
    act_rng, plan_rng = np.random.default_rng(seed).spawn(2)
    q, model = make_q_table(env), TabularModel()
    steps = [
        dyna_q_episode(env, q, model, planning_steps, cfg, act_rng, plan_rng)
        for _ in range(cfg.episodes)
    ]
    env.close()
    return steps


def main(cfg: Config) -> Result:
    lengths = {
        n: np.array([run(n, seed, cfg) for seed in range(cfg.seeds)]) for n in cfg.planning_steps
    }  # each (seeds, episodes)
    columns = {"episode 1": slice(0, 1), "episode 2": slice(1, 2), "episodes 2+": slice(1, None)}
    table = {
        name: [list(mean_and_standard_error(s[:, part].sum(axis=1))) for s in lengths.values()]
        for name, part in columns.items()
    }  # column name -> per planning_steps entry: [mean, standard error]
    print(f"{cfg.seeds} seeds, real environment steps (mean ± standard error)")
    print("planning steps" + "".join(f"{name:>16}" for name in columns))
    for row, n in enumerate(lengths):
        cells = (f"{table[name][row][0]:.0f} ± {table[name][row][1]:.0f}" for name in columns)
        print(f"{n:>14}" + "".join(f"{cell:>16}" for cell in cells))

    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(7, 3.6), dpi=100, layout="constrained")
    episodes = np.arange(1, cfg.episodes + 1)
    for n, steps in lengths.items():
        mean = steps.mean(axis=0)
        error = steps.std(axis=0, ddof=1) / np.sqrt(cfg.seeds)
        ax.plot(episodes, mean, label=f"{n} planning steps" + (" (Q-learning)" if n == 0 else ""))
        ax.fill_between(episodes, mean - error, mean + error, alpha=0.25)
    ax.set_yscale("log")
    ax.set_xlabel("episode")
    ax.set_ylabel("real steps to the goal (log scale)")
    ax.set_title(f"Dyna-Q on a gridworld: mean ± standard error over {cfg.seeds} seeds")
    ax.legend()
    fig.savefig(cfg.out_dir / "dyna_q.png")
    plt.close(fig)
    return Result(
        seeds=cfg.seeds,
        planning_steps=list(cfg.planning_steps),
        first_episode=table["episode 1"],
        second_episode=table["episode 2"],
        later_episodes=table["episodes 2+"],
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
