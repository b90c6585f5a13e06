"""Demo 4: six reward structures on the ledge; learned policies next to the optimal ones."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import tyro
from tqdm import tqdm

# The ledge and the tools all four demos share, in ledge.py beside this file.
import ledge
from rlcourse.agents.tabular import greedy_actions
from rlcourse.envs.gridworld import unwrap_gridworld
from rlcourse.seeding import seed_everything


# --8<-- [start:scenarios]
@dataclass(frozen=True)
class Scenario:
    key: str
    label: str
    changes: dict[str, Any]  # keyword arguments for gym.make, over the registered ones
    gamma: float


NO_COSTS = {"step_cost": 0.0, "goal_reward": 1.0, "trap_penalty": 0.0}
SCENARIOS = (
    Scenario("trap_5", "trap -5", {"trap_penalty": 5.0}, 1.0),
    Scenario("trap_15", "trap -15", {"trap_penalty": 15.0}, 1.0),
    Scenario("trap_100", "trap -100 (as registered)", {}, 1.0),
    Scenario("no_slip", "trap -100, no slips", {"slip_probability": 0.0}, 1.0),
    Scenario("gamma_099", "goal +1, no costs, γ = 0.99", NO_COSTS, 0.99),
    Scenario("gamma_08", "goal +1, no costs, γ = 0.8", NO_COSTS, 0.8),
)
# --8<-- [end:scenarios]


@dataclass(frozen=True)
class Config:
    episodes: int = 6000
    alpha_start: float = 0.2
    alpha_end: float = 0.01
    epsilon_start: float = 1.0
    epsilon_end: float = 0.05
    explore_episodes: int = 3000
    seeds: int = 5  # independent training runs per reward structure
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    seeds: int
    # per scenario key: the optimal and the first seed's learned policy (route, moves,
    # expected return, length, goal probability), and agreement over all seeds
    scenarios: dict[str, dict[str, Any]]


def main(cfg: Config) -> Result:
    seed_everything(0)
    env_id = ledge.register_ledge()
    training = ledge.Training(
        cfg.episodes,
        cfg.alpha_start,
        cfg.alpha_end,
        cfg.epsilon_start,
        cfg.epsilon_end,
        cfg.explore_episodes,
    )
    fig, axes = plt.subplots(2, 3, figsize=(11, 4.4), dpi=100, layout="constrained")
    results: dict[str, dict[str, Any]] = {}
    progress = tqdm(total=len(SCENARIOS) * cfg.seeds, desc="training runs", leave=False)
    for scenario, ax in zip(SCENARIOS, axes.flat, strict=True):
        # --8<-- [start:compare]
        env = gym.make(env_id, **scenario.changes)
        grid = unwrap_gridworld(env)
        optimal = ledge.solve(env, scenario.gamma)
        optimal_actions = greedy_actions(optimal.q_values)
        best = ledge.report(env, optimal_actions, scenario.gamma)
        policies: list[np.ndarray] = []  # the greedy policy learned with each seed
        for seed in range(cfg.seeds):
            q, _ = ledge.learn(env, training, scenario.gamma, seed, progress=False)
            policies.append(greedy_actions(q))
            progress.update()
        learned = [ledge.report(env, actions, scenario.gamma) for actions in policies]
        # reachable states where the learned action is worse than the optimal one, per seed
        wrong = [ledge.non_optimal_states(env, optimal, actions) for actions in policies]
        gaps = [best.expected_return - report.expected_return for report in learned]
        # --8<-- [end:compare]
        results[scenario.key] = {
            "optimal": best.numbers() | {"route": ledge.route_name(grid, best.route)},
            "learned": learned[0].numbers() | {"route": ledge.route_name(grid, learned[0].route)},
            "same_route_seeds": sum(report.route == best.route for report in learned),
            "fully_optimal_seeds": sum(not states for states in wrong),
            "max_return_gap": max(gaps),
        }
        ledge.draw_policy(ax, grid, policies[0], learned[0].route, marked=wrong[0])
        rows, cols = zip(*ledge.cells(grid, best.route), strict=True)
        ax.plot(cols, rows, color="black", linestyle="--", linewidth=1.2)
        ax.set_title(
            f"{scenario.label}\nlearned {learned[0].expected_return:.3f}, "
            f"optimal {best.expected_return:.3f}",
            fontsize=9,
        )
        env.close()
    progress.close()
    fig.suptitle(
        "arrows and blue line: greedy policy learned with seed 0;  dashed: optimal route;  "
        "red frame: non-optimal action in a reachable cell",
        fontsize=9,
    )
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig.savefig(cfg.out_dir / "reward_structures.png")
    plt.close(fig)

    print(f"{cfg.seeds} seeds per reward structure; 'learned' is seed 0")
    header = f"{'':<28}{'route':>15}{'moves':>6}{'E[return]':>11}{'E[length]':>10}{'P(goal)':>9}"
    print(header)
    for scenario in SCENARIOS:
        entry = results[scenario.key]
        for who in ("optimal", "learned"):
            numbers = entry[who]
            name = scenario.label if who == "optimal" else ""
            print(
                f"{name:<28}{numbers['route']:>15}{numbers['route_moves']:>6}"
                f"{numbers['expected_return']:>11.3f}{numbers['expected_length']:>10.2f}"
                f"{numbers['goal_probability']:>9.3f}  {who}"
            )
        print(
            f"{'':<28}same route in {entry['same_route_seeds']} of {cfg.seeds} seeds, "
            f"optimal everywhere reachable in {entry['fully_optimal_seeds']}, "
            f"largest return gap {entry['max_return_gap']:.4f}"
        )
    return Result(seeds=cfg.seeds, scenarios=results)


if __name__ == "__main__":
    main(tyro.cli(Config))
