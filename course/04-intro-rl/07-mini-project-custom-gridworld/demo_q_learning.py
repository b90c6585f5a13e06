"""Demo 2: tabular Q-learning on the ledge, judged against value iteration."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import tyro

# The ledge and the tools all four demos share, in ledge.py beside this file.
import ledge
from rlcourse.agents.tabular import greedy_actions
from rlcourse.curves import moving_average
from rlcourse.envs.gridworld import unwrap_gridworld
from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    episodes: int = 6000
    alpha_start: float = 0.2
    alpha_end: float = 0.01
    epsilon_start: float = 1.0
    epsilon_end: float = 0.05
    explore_episodes: int = 3000  # epsilon reaches epsilon_end here and stays
    gamma: float = 1.0
    eval_every: int = 50  # episodes between exact evaluations of the greedy policy
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    training_steps: int
    last_500_online_return: float  # mean return of the last 500 training episodes
    optimal: dict[str, float]  # route_moves, expected_return, expected_length, goal_probability
    learned: dict[str, float]
    same_route: bool
    non_optimal_states: int  # reachable states where the learned action is not optimal
    first_optimal_episode: int  # from this episode on, every evaluation was optimal (-1: never)


def main(cfg: Config) -> Result:
    seed_everything(cfg.seed)
    env = gym.make(ledge.register_ledge())
    grid = unwrap_gridworld(env)
    training = ledge.Training(
        cfg.episodes,
        cfg.alpha_start,
        cfg.alpha_end,
        cfg.epsilon_start,
        cfg.epsilon_end,
        cfg.explore_episodes,
    )
    evaluated_at: list[int] = []
    greedy_returns: list[float] = []

    # --8<-- [start:compare]
    def evaluate(episode: int, q: np.ndarray) -> None:
        """Every eval_every episodes, the exact expected return of the greedy policy."""
        if (episode + 1) % cfg.eval_every == 0:
            evaluated_at.append(episode + 1)
            greedy_returns.append(ledge.report(env, greedy_actions(q), cfg.gamma).expected_return)

    q, history = ledge.learn(env, training, cfg.gamma, cfg.seed, on_episode_end=evaluate)
    learned_actions = greedy_actions(q)
    optimal = ledge.solve(env, cfg.gamma)  # value iteration on the model: q* and v*
    optimal_actions = greedy_actions(optimal.q_values)  # lowest action on ties
    reports = {
        "optimal": ledge.report(env, optimal_actions, cfg.gamma),
        "learned": ledge.report(env, learned_actions, cfg.gamma),
    }
    # reachable states where the learned action is worse than the best: q*(s, a) < v*(s)
    wrong = ledge.non_optimal_states(env, optimal, learned_actions)
    # --8<-- [end:compare]
    best = reports["optimal"].expected_return
    optimal_from = -1  # the first evaluation after which every evaluation is optimal
    for episode, value in zip(reversed(evaluated_at), reversed(greedy_returns), strict=True):
        if value < best - 1e-9:
            break
        optimal_from = episode

    print(f"{cfg.episodes} episodes, {sum(history.lengths)} steps")
    for name, report in reports.items():
        moves = len(report.route) - 1
        print(f"{name:>8}: route of {moves} moves through {ledge.cells(grid, report.route)}")
        print(
            f"{'':>8}  E[return] {report.expected_return:.3f}, E[length] "
            f"{report.expected_length:.2f}, P(goal) {report.goal_probability:.4f}"
        )
    print(f"non-optimal actions in reachable states: {len(wrong)} {wrong}")
    print(f"greedy policy optimal at every evaluation from episode {optimal_from} on")

    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.5), dpi=100, layout="constrained")
    window = 100
    moving = moving_average(history.returns, window)
    left.plot(np.arange(window, len(history.returns) + 1), moving)
    left.set_xlabel("episode")
    left.set_ylabel(f"training return ({window}-episode mean)")
    left.set_ylim(-150, 0)
    right.plot(evaluated_at, greedy_returns, label="greedy policy (exact)")
    right.axhline(best, color="black", linestyle="--", label="optimal (value iteration)")
    right.set_xlabel("episode")
    right.set_ylabel("expected return")
    right.set_ylim(-60, 0)
    right.legend(loc="lower right")
    fig.savefig(cfg.out_dir / "ledge_learning.png")
    plt.close(fig)

    fig, (top, bottom) = plt.subplots(2, 1, figsize=(7, 4.5), dpi=100, layout="constrained")
    value_range = (float(optimal.values.min()), 0.0)  # one colour scale for both panels
    route = reports["learned"].route
    ledge.draw_policy(top, grid, learned_actions, route, q.max(axis=1), value_range, marked=wrong)
    top.set_title("learned: greedy actions on max_a Q(s, a)")
    route = reports["optimal"].route
    v_star = optimal.values.numpy()
    heatmap = ledge.draw_policy(bottom, grid, optimal_actions, route, v_star, value_range)
    assert heatmap is not None  # values were given, so draw_policy drew a heatmap
    bottom.set_title("optimal: argmax_a q*(s, a) on v*(s) (value iteration)")
    fig.colorbar(heatmap, ax=[top, bottom], label="value")
    fig.savefig(cfg.out_dir / "ledge_policies.png")
    plt.close(fig)
    env.close()
    return Result(
        training_steps=sum(history.lengths),
        last_500_online_return=float(np.mean(history.returns[-500:])),
        optimal=reports["optimal"].numbers(),
        learned=reports["learned"].numbers(),
        same_route=reports["optimal"].route == reports["learned"].route,
        non_optimal_states=len(wrong),
        first_optimal_episode=optimal_from,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
