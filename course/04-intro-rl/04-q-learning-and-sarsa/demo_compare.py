"""Demo 2: Q-learning and SARSA on the cliff gridworld, over several seeds."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import tyro
from matplotlib.axes import Axes
from tqdm import tqdm

from rlcourse.agents.tabular import (
    Algorithm,
    epsilon_greedy_probabilities,
    greedy_actions,
    table_shape,
    train,
)
from rlcourse.dp import evaluate_policy, value_iteration
from rlcourse.envs import GRIDWORLD_ID
from rlcourse.envs.gridworld import CLIFF_LAYOUT, GridWorldEnv, unwrap_gridworld
from rlcourse.mdp import TabularMDP, deterministic_policy, tabular_mdp
from rlcourse.seeding import seed_everything

ALGORITHMS: tuple[Algorithm, ...] = ("q_learning", "sarsa")


@dataclass(frozen=True)
class Config:
    episodes: int = 1000
    seeds: int = 20  # independent runs per algorithm
    alpha: float = 0.1
    gamma: float = 1.0  # undiscounted: a return counts steps (-1 each) and traps (-100)
    epsilon: float = 0.1  # constant, so the behaviour policy keeps exploring
    eval_every: int = 10  # evaluate the greedy policy exactly every this many episodes
    smoothing: int = 10  # trailing-average window of the learning curves, in episodes
    max_steps: int = 200  # the environment's time limit
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class SeedRun:
    online_returns: list[float]  # return of each training episode
    greedy_curve: list[float]  # exact greedy return every eval_every episodes
    epsilon_greedy_return: float  # exact, after training
    epsilon_greedy_trap_probability: float  # probability that an episode ends in a trap
    route: list[int]  # the final greedy route


@dataclass(frozen=True)
class AlgorithmSummary:
    last_100_online_return: float  # mean over seeds of the last 100 training episodes
    last_100_online_se: float  # standard error of that mean over seeds
    greedy_return: float  # exact, mean over seeds
    epsilon_greedy_return: float  # exact return of the epsilon-greedy policy, mean over seeds
    epsilon_greedy_se: float  # standard error of that mean over seeds
    epsilon_greedy_trap_probability: float  # exact, mean over seeds
    route_length_counts: list[list[int]]  # [route length, number of seeds], shortest first
    moves_beside_traps: float  # greedy moves made from a cell next to a trap, mean over seeds


@dataclass(frozen=True)
class Result:
    optimal_return: float
    seeds: int
    episodes: int
    q_learning: AlgorithmSummary
    sarsa: AlgorithmSummary


def greedy_route(grid: GridWorldEnv, q: np.ndarray, max_steps: int) -> list[int]:
    """The states the greedy policy visits from the start (the gridworld is deterministic)."""
    state = int(np.argmax(grid.initial_state_distrib))
    route = [state]
    for _ in range(max_steps):
        _, state, _, terminated = grid.P[state][int(np.argmax(q[state]))][0]
        route.append(state)
        if terminated:
            break
    return route


def beside_trap(grid: GridWorldEnv, state: int) -> bool:
    row, col = divmod(state, grid.n_cols)
    neighbours = [(row - 1, col), (row + 1, col), (row, col - 1), (row, col + 1)]
    return any(
        0 <= r < grid.n_rows and 0 <= c < grid.n_cols and grid.layout[r][c] == "T"
        for r, c in neighbours
    )


def standard_error(values: np.ndarray) -> float:
    """Standard error of the mean of ``values`` (one number per seed)."""
    return float(values.std(ddof=1) / np.sqrt(len(values)))


def exact_return(mdp: TabularMDP, policy: np.ndarray, start: np.ndarray, max_steps: int) -> float:
    return evaluate_policy(mdp, policy, start, max_steps).expected_return


def trailing_average(values: np.ndarray, window: int) -> np.ndarray:
    """Mean of the last ``window`` entries at each position (fewer at the start); same shape."""
    sums = np.cumsum(values, axis=-1)
    shifted = np.concatenate([np.zeros_like(sums[..., :window]), sums[..., :-window]], axis=-1)
    counts = np.minimum(np.arange(1, values.shape[-1] + 1), window)
    return (sums - shifted) / counts


def plot_band(ax: Axes, x: np.ndarray, runs: np.ndarray, label: str, robust: bool) -> None:
    """Runs (seeds, points): mean and one standard deviation, or, when ``robust``, the
    median and the interquartile range (a few seeds far below would drag a mean)."""
    if robust:
        low, centre, high = np.percentile(runs, [25, 50, 75], axis=0)
    else:
        centre, spread = runs.mean(axis=0), runs.std(axis=0)
        low, high = centre - spread, centre + spread
    ax.plot(x, centre, label=label)
    ax.fill_between(x, low, high, alpha=0.25)


# --8<-- [start:run_seed]
def run_seed(
    env: gym.Env[Any, Any],
    algorithm: Algorithm,
    seed: int,
    mdp: TabularMDP,
    trap_mdp: TabularMDP,
    cfg: Config,
) -> SeedRun:
    grid = unwrap_gridworld(env)
    start = grid.initial_state_distrib
    curve: list[float] = []

    def record(episode: int, q: np.ndarray) -> None:
        if (episode + 1) % cfg.eval_every == 0:
            policy = deterministic_policy(greedy_actions(q), mdp.n_actions)
            curve.append(exact_return(mdp, policy, start, cfg.max_steps))

    q, history = train(
        env,
        algorithm,
        cfg.episodes,
        cfg.alpha,
        cfg.gamma,
        cfg.epsilon,
        seed,
        progress=False,
        on_episode_end=record,
    )
    soft = epsilon_greedy_probabilities(q, cfg.epsilon)  # the policy it trained with
    return SeedRun(
        online_returns=history.returns,
        greedy_curve=curve,
        epsilon_greedy_return=exact_return(mdp, soft, start, cfg.max_steps),
        epsilon_greedy_trap_probability=exact_return(trap_mdp, soft, start, cfg.max_steps),
        route=greedy_route(grid, q, cfg.max_steps),
    )


# --8<-- [end:run_seed]


def summarise(grid: GridWorldEnv, runs: list[SeedRun]) -> AlgorithmSummary:
    last_100 = np.array([np.mean(run.online_returns[-100:]) for run in runs])  # (seeds,)
    soft = np.array([run.epsilon_greedy_return for run in runs])  # (seeds,)
    lengths = Counter(len(run.route) - 1 for run in runs)
    return AlgorithmSummary(
        last_100_online_return=float(last_100.mean()),
        last_100_online_se=standard_error(last_100),
        greedy_return=float(np.mean([run.greedy_curve[-1] for run in runs])),
        epsilon_greedy_return=float(soft.mean()),
        epsilon_greedy_se=standard_error(soft),
        epsilon_greedy_trap_probability=float(
            np.mean([run.epsilon_greedy_trap_probability for run in runs])
        ),
        route_length_counts=[[length, n] for length, n in sorted(lengths.items())],
        moves_beside_traps=float(
            np.mean([sum(beside_trap(grid, s) for s in run.route[:-1]) for run in runs])
        ),
    )


def print_report(
    cfg: Config, optimal_return: float, summaries: dict[Algorithm, AlgorithmSummary]
) -> None:
    print(f"cliff gridworld, {cfg.seeds} seeds x {cfg.episodes} episodes per algorithm")
    print(f"optimal return (value iteration): {optimal_return:.1f}\n")
    q_sum, s_sum = summaries["q_learning"], summaries["sarsa"]
    rows = [
        ("online return, last 100 episodes", "last_100_online_return"),
        ("  (standard error over seeds)", "last_100_online_se"),
        ("greedy policy, exact return", "greedy_return"),
        ("eps-greedy policy, exact return", "epsilon_greedy_return"),
        ("  (standard error over seeds)", "epsilon_greedy_se"),
        ("eps-greedy policy, P(ends in a trap)", "epsilon_greedy_trap_probability"),
        ("greedy moves made beside a trap", "moves_beside_traps"),
    ]
    print(f"{'':37}{'Q-learning':>10}{'SARSA':>10}")
    for label, field in rows:
        print(f"{label:37}{getattr(q_sum, field):10.2f}{getattr(s_sum, field):10.2f}")
    for algorithm in ALGORITHMS:
        counts = ", ".join(
            f"{n} seeds: {length} steps" for length, n in summaries[algorithm].route_length_counts
        )
        print(f"greedy route length, {algorithm}: {counts}")


def plot_curves(cfg: Config, runs: dict[Algorithm, list[SeedRun]], optimal_return: float) -> None:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, (ax_online, ax_greedy) = plt.subplots(1, 2, figsize=(10, 4), dpi=100)
    episodes = np.arange(1, cfg.episodes + 1)
    evaluations = np.arange(cfg.eval_every, cfg.episodes + 1, cfg.eval_every)
    for algorithm, label in zip(ALGORITHMS, ("Q-learning", "SARSA"), strict=True):
        online = np.array([run.online_returns for run in runs[algorithm]])  # (seeds, episodes)
        greedy = np.array([run.greedy_curve for run in runs[algorithm]])  # (seeds, evaluations)
        plot_band(ax_online, episodes, trailing_average(online, cfg.smoothing), label, False)
        plot_band(ax_greedy, evaluations, greedy, label, True)
    ax_greedy.axhline(optimal_return, color="black", linestyle="--", label="optimum")
    ax_online.set(title="Training return (mean ± std over seeds)", xlabel="episode")
    ax_greedy.set(title="Greedy policy's exact return (median, IQR)", xlabel="episode")
    for ax in (ax_online, ax_greedy):
        ax.set_ylim(-100, 0)  # the first episodes fall far below; the axis is cut at -100
        ax.set_ylabel("return")
        ax.legend(loc="lower right")
    fig.tight_layout()
    fig.savefig(cfg.out_dir / "q_learning_vs_sarsa.png")
    plt.close(fig)


def main(cfg: Config) -> Result:
    seed_everything(0)
    env = gym.make(GRIDWORLD_ID, layout=CLIFF_LAYOUT, max_episode_steps=cfg.max_steps)
    grid = unwrap_gridworld(env)
    mdp = tabular_mdp(grid.P, *table_shape(env))
    # The same grid paying 1 for entering a trap and nothing else: a policy's expected
    # return there is the probability that its episode ends in a trap.
    trap_grid = GridWorldEnv(CLIFF_LAYOUT, step_cost=0.0, goal_reward=0.0, trap_penalty=-1.0)
    trap_mdp = tabular_mdp(trap_grid.P, *table_shape(env))
    optimal_return = float(
        grid.initial_state_distrib @ value_iteration(mdp, cfg.gamma).values.numpy()
    )
    runs: dict[Algorithm, list[SeedRun]] = {
        algorithm: [
            run_seed(env, algorithm, seed, mdp, trap_mdp, cfg)
            for seed in tqdm(range(cfg.seeds), desc=algorithm)
        ]
        for algorithm in ALGORITHMS
    }
    summaries: dict[Algorithm, AlgorithmSummary] = {
        algorithm: summarise(grid, runs[algorithm]) for algorithm in ALGORITHMS
    }

    print_report(cfg, optimal_return, summaries)
    plot_curves(cfg, runs, optimal_return)
    env.close()
    return Result(
        optimal_return, cfg.seeds, cfg.episodes, summaries["q_learning"], summaries["sarsa"]
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
