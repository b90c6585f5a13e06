"""Exercise 3: Dyna-Q when moves slip. The model must remember how often each outcome
happened, and replay outcomes in those proportions; then model-free (no planning) and
model-based (planning) agents are compared on real steps.

Fill in CountModel's two methods and dyna_q_episode, then run this file and
`rlcourse check 7.1`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import gymnasium as gym
import numpy as np

from rlcourse.agents.tabular import (  # noqa: F401 (you will need them)
    epsilon_greedy_action,
    make_q_table,
    q_learning_update,
)
from rlcourse.envs import GRIDWORLD_ID
from rlcourse.envs.gridworld import MAZE_LAYOUT
from rlcourse.stats import mean_and_standard_error

Outcome = tuple[float, int, bool]  # (reward, next state, ended)


@dataclass
class CountModel:
    """How many times each outcome followed each tried (state, action)."""

    counts: dict[tuple[int, int], dict[Outcome, int]] = field(default_factory=dict)

    def record(self, state: int, action: int, reward: float, nxt: int, ended: bool) -> None:
        """Add 1 to the count of (reward, nxt, ended) after (state, action)."""
        raise NotImplementedError("record")

    def sample(self, rng: np.random.Generator) -> tuple[int, int, float, int, bool]:
        """A tried (state, action), uniformly among those tried, and one of its outcomes,
        drawn with probability count / (sum of its counts): (s, a, r, s', ended)."""
        raise NotImplementedError("sample")


def dyna_q_episode(
    env: gym.Env[Any, Any],
    q: np.ndarray,
    model: CountModel,
    planning_steps: int,
    alpha: float,
    gamma: float,
    epsilon: float,
    act_rng: np.random.Generator,
    plan_rng: np.random.Generator,
) -> int:
    """One real episode of Dyna-Q; the number of real steps.

    Each real step: choose with epsilon_greedy_action(q[state], epsilon, act_rng), step the
    environment, apply q_learning_update to the real step (only ``terminated`` ends the
    bootstrap), model.record it, then apply q_learning_update to ``planning_steps`` steps
    drawn with model.sample(plan_rng).
    """
    raise NotImplementedError("dyna_q_episode")


def later_steps(planning_steps: int, seed: int, episodes: int = 20) -> int:
    """Real steps of episodes 2 to ``episodes`` on the slippery maze, for one seed."""
    env = gym.make(
        GRIDWORLD_ID,
        max_episode_steps=2000,
        layout=MAZE_LAYOUT,
        slip_probability=0.1,
        step_cost=0.0,
        goal_reward=1.0,
        trap_penalty=1.0,
    )
    env.reset(seed=seed)
    act_rng, plan_rng = np.random.default_rng(seed).spawn(2)
    q, model = make_q_table(env), CountModel()
    steps = [
        dyna_q_episode(env, q, model, planning_steps, 0.1, 0.95, 0.1, act_rng, plan_rng)
        for _ in range(episodes)
    ]
    return sum(steps[1:])


if __name__ == "__main__":
    for n in (0, 20):
        mean, error = mean_and_standard_error([later_steps(n, seed) for seed in range(5)])
        print(f"{n:>2} planning steps: {mean:.0f} ± {error:.0f} real steps in episodes 2 to 20")
