"""Demo 4: improving a policy from Monte Carlo and TD(0) estimates, evaluated exactly."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import tyro
from tqdm import tqdm

from rlcourse.agents.prediction import mc_update, play_episode, td0_episode_update
from rlcourse.agents.tabular import greedy_actions
from rlcourse.dp import action_values, evaluate_policy, solve_policy_values, value_iteration
from rlcourse.envs import GRIDWORLD_ID
from rlcourse.envs.gridworld import ACTION_ARROWS, unwrap_gridworld
from rlcourse.mdp import TabularMDP, deterministic_policy, tabular_mdp, uniform_policy
from rlcourse.seeding import seed_everything

# Start bottom-left, goal bottom-right; the short route passes beside a trap, and the
# floor is slippery, so the best route trades steps against the risk of slipping in.
BRIDGE_LAYOUT: tuple[str, ...] = (
    "....",
    "..T.",
    ".T..",
    "S..G",
)
METHODS = ("mc", "td")


@dataclass(frozen=True)
class Config:
    rounds: int = 5  # evaluate-then-improve rounds
    episodes_per_round: int = 100  # episodes of the current policy per evaluation
    seeds: int = 50
    alpha: float = 0.1  # the same for both methods
    slip_probability: float = 0.2
    trap_penalty: float = 10.0
    gamma: float = 1.0
    max_steps: int = 200  # the time limit of every episode and of the exact evaluation
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class MethodSummary:
    mean_return: list[float]  # per round: exact return of the improved policy, mean over seeds
    return_se: list[float]  # its standard error
    optimal_fraction: list[float]  # per round: fraction of seeds whose policy is optimal
    steps_per_seed: float  # environment steps used by one seed over all rounds
    first_round_rms: float  # RMS error of V after round 1 against V of the random policy


@dataclass(frozen=True)
class Result:
    random_return: float  # exact return of the uniform random policy
    optimal_return: float  # value iteration's optimum
    exact_iteration_returns: list[float]  # policy iteration with exact evaluation, per round
    mc: MethodSummary
    td: MethodSummary


def exact_return(mdp: TabularMDP, actions: np.ndarray, start: np.ndarray, max_steps: int) -> float:
    policy = deterministic_policy(actions, mdp.n_actions)
    return evaluate_policy(mdp, policy, start, max_steps).expected_return


@dataclass(frozen=True)
class SeedRun:
    returns: list[float]  # exact return of the improved policy after each round
    steps: int  # environment steps played
    first_values: np.ndarray  # the estimate of V after round 1 (the random policy's values)


def sampled_iteration(
    env: gym.Env[Any, Any], mdp: TabularMDP, method: str, seed: int, cfg: Config
) -> SeedRun:
    """Policy iteration whose evaluation step is MC or TD(0) on played episodes."""
    grid = unwrap_gridworld(env)
    rng = np.random.default_rng(seed)
    env.reset(seed=seed)
    env.action_space.seed(seed)
    policy = uniform_policy(mdp.n_states, mdp.n_actions)
    values = np.zeros(mdp.n_states)  # carried over: each round refines the last estimate
    returns: list[float] = []
    first_values = values.copy()  # replaced by the estimate after round 1
    steps = 0
    # --8<-- [start:rounds]
    for round_index in range(cfg.rounds):
        for _ in range(cfg.episodes_per_round):
            episode = play_episode(env, policy, rng)
            steps += len(episode)
            if method == "mc":
                mc_update(values, episode, cfg.alpha, cfg.gamma)
            else:
                td0_episode_update(values, episode, cfg.alpha, cfg.gamma)
        if round_index == 0:
            first_values = values.copy()
        # improvement: one-step lookahead with the model
        actions = greedy_actions(action_values(mdp, values, cfg.gamma))
        policy = deterministic_policy(actions, mdp.n_actions)
        returns.append(exact_return(mdp, actions, grid.initial_state_distrib, cfg.max_steps))
    # --8<-- [end:rounds]
    return SeedRun(returns, steps, first_values)


def exact_iteration(mdp: TabularMDP, start: np.ndarray, cfg: Config) -> list[float]:
    """The same loop with V^pi computed exactly (rlcourse.dp): classic policy iteration."""
    policy = uniform_policy(mdp.n_states, mdp.n_actions)
    returns: list[float] = []
    for _ in range(cfg.rounds):
        values = solve_policy_values(mdp, policy, cfg.gamma)
        actions = greedy_actions(action_values(mdp, values, cfg.gamma))
        policy = deterministic_policy(actions, mdp.n_actions)
        returns.append(exact_return(mdp, actions, start, cfg.max_steps))
    return returns


def plot(
    summaries: dict[str, MethodSummary],
    exact: list[float],
    random_return: float,
    optimal: float,
    cfg: Config,
) -> None:
    fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
    rounds = np.arange(cfg.rounds + 1)
    for method, label in (("mc", "Monte Carlo evaluation"), ("td", "TD(0) evaluation")):
        mean = np.array([random_return, *summaries[method].mean_return])
        se = np.array([0.0, *summaries[method].return_se])
        ax.plot(rounds, mean, marker="o", label=label)
        ax.fill_between(rounds, mean - se, mean + se, alpha=0.2)
    ax.plot(rounds, [random_return, *exact], "k:", marker=".", label="exact evaluation")
    ax.axhline(optimal, color="black", linestyle="--", linewidth=1, label="optimum")
    ax.set(
        title=f"Exact return of the improved policy (mean ± 1 s.e., {cfg.seeds} seeds)",
        xlabel=f"round (each: {cfg.episodes_per_round} episodes, then greedy improvement)",
        ylabel="expected return",
        xticks=rounds,
    )
    ax.legend(loc="lower right")
    fig.tight_layout()
    fig.savefig(cfg.out_dir / "policy_improvement.png")
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    seed_everything(0)
    env = gym.make(
        GRIDWORLD_ID,
        layout=BRIDGE_LAYOUT,
        slip_probability=cfg.slip_probability,
        trap_penalty=cfg.trap_penalty,
        max_episode_steps=cfg.max_steps,
    )
    grid = unwrap_gridworld(env)
    mdp = tabular_mdp(grid.P, grid.n_rows * grid.n_cols, 4)
    start = grid.initial_state_distrib
    optimum = value_iteration(mdp, cfg.gamma)
    optimal_return = exact_return(mdp, greedy_actions(optimum.q_values), start, cfg.max_steps)
    random_policy = uniform_policy(mdp.n_states, mdp.n_actions)
    random_return = evaluate_policy(mdp, random_policy, start, cfg.max_steps).expected_return
    exact = exact_iteration(mdp, start, cfg)
    random_values = solve_policy_values(mdp, random_policy, cfg.gamma).numpy()
    acting = np.array([not grid.is_terminal(s) for s in range(mdp.n_states)])

    summaries: dict[str, MethodSummary] = {}
    for method in METHODS:
        runs = [
            sampled_iteration(env, mdp, method, seed, cfg)
            for seed in tqdm(range(cfg.seeds), desc=method, leave=False)
        ]
        returns = np.array([run.returns for run in runs])  # (seeds, rounds)
        first_errors = [run.first_values[acting] - random_values[acting] for run in runs]
        summaries[method] = MethodSummary(
            mean_return=returns.mean(axis=0).tolist(),
            return_se=(returns.std(axis=0, ddof=1) / np.sqrt(cfg.seeds)).tolist(),
            optimal_fraction=np.isclose(returns, optimal_return).mean(axis=0).tolist(),
            steps_per_seed=float(np.mean([run.steps for run in runs])),
            first_round_rms=float(np.mean([np.sqrt(np.mean(e**2)) for e in first_errors])),
        )

    print(f"layout {BRIDGE_LAYOUT}, slip {cfg.slip_probability}, trap -{cfg.trap_penalty:g}")
    print(f"uniform random policy: exact return {random_return:.3f}")
    print(f"optimum (value iteration): {optimal_return:.3f}")
    optimal_actions = greedy_actions(optimum.q_values)
    print("optimal policy:")
    for row in range(grid.n_rows):
        cells = range(row * grid.n_cols, (row + 1) * grid.n_cols)
        print(
            "  "
            + " ".join(
                grid.cell(s) if grid.is_terminal(s) else ACTION_ARROWS[optimal_actions[s]]
                for s in cells
            )
        )
    print(f"\nexact return after each round (mean over {cfg.seeds} seeds ± s.e.)")
    print(f"{'round':>6}{'exact PI':>10}{'MC':>18}{'TD(0)':>18}{'optimal: MC':>13}{'TD(0)':>7}")
    mc, td = summaries["mc"], summaries["td"]
    for k in range(cfg.rounds):
        print(
            f"{k + 1:6}{exact[k]:10.3f}"
            f"{mc.mean_return[k]:11.3f} ± {mc.return_se[k]:.2f}"
            f"{td.mean_return[k]:11.3f} ± {td.return_se[k]:.2f}"
            f"{mc.optimal_fraction[k]:13.0%}{td.optimal_fraction[k]:7.0%}"
        )
    print(f"steps played per seed: MC {mc.steps_per_seed:.0f}, TD(0) {td.steps_per_seed:.0f}")
    print(
        f"RMS error of V after round 1 (against the random policy's exact V): "
        f"MC {mc.first_round_rms:.2f}, TD(0) {td.first_round_rms:.2f}"
    )
    plot(summaries, exact, random_return, optimal_return, cfg)
    env.close()
    return Result(random_return, optimal_return, exact, mc, td)


if __name__ == "__main__":
    main(tyro.cli(Config))
