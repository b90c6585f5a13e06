"""Demo 4: value iteration on the room, its convergence, and the optimal policy drawn."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro

from rlcourse.dp import (
    action_values,
    greedy_policy,
    policy_dynamics,
    policy_iteration,
    solve_policy_values,
    value_iteration,
)
from rlcourse.envs.gridworld import ACTION_ARROWS, ACTION_NAMES, GridWorldEnv
from rlcourse.mdp import TabularMDP
from room import GAMMA, draw_room, make_room, start_state


@dataclass(frozen=True)
class Config:
    gamma: float = GAMMA
    tolerance: float = 1e-10
    snapshots: tuple[int, ...] = (1, 4, 8)  # sweeps k whose v_k is drawn beside the last one
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    sweeps: int  # K: the first sweep that changed no value by tolerance or more
    first_change: float  # ||v_1 - v_0||
    last_change: float  # ||v_K - v_{K-1}||
    max_error: float  # ||v_K - v*||, v* from policy iteration (exact solves)
    error_bound: float  # gamma * tolerance / (1 - gamma)
    optimal_start_value: float
    first_optimal_sweep: int  # from this k on, the greedy policy of v_k is optimal
    last_action_change: int  # the last k whose greedy actions differ from those of v_{k-1}
    final_ratio: float  # ||v_K - v_{K-1}|| / ||v_{K-1} - v_{K-2}||
    spectral_radius: float  # of gamma P_pi* (the optimal policy's chain)
    snapshot_start_values: list[float]  # v_k(start) for the k in Config.snapshots
    route: str  # the optimal policy's moves from the start when no move slips


def greedy_is_optimal(
    mdp: TabularMDP, values: torch.Tensor, v_star: torch.Tensor, gamma: float
) -> bool:
    """Whether the policy greedy with respect to ``values`` (S,) has the optimal values."""
    greedy = greedy_policy(action_values(mdp, values, gamma))
    return torch.allclose(solve_policy_values(mdp, greedy, gamma), v_star, atol=1e-8)


def intended_route(grid: GridWorldEnv, actions: np.ndarray, start: int) -> list[str]:
    """The moves that ``actions`` (S,) make from ``start`` when no move slips, to the end.

    Each step goes to the most likely next cell of grid.P, the one the action aims at
    (probability 0.8; a slip sideways has 0.1).
    """
    route: list[str] = []
    state, done = start, False
    while not done and len(route) < grid.n_rows * grid.n_cols:  # longer would revisit a cell
        action = int(actions[state])
        route.append(ACTION_NAMES[action])
        _, state, _, done = max(grid.P[state][action])  # outcomes (p, s', r, terminated)
    return route


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    env, grid, mdp = make_room()
    start = start_state(grid)

    # --8<-- [start:iterate]
    run = value_iteration(mdp, cfg.gamma, cfg.tolerance)  # keeps every iterate v_k, (S,)
    uniform = torch.full((mdp.n_states, mdp.n_actions), 0.25, dtype=torch.float64)
    v_star = policy_iteration(mdp, cfg.gamma, uniform).values  # the optimum, found another way
    error = float((run.values - v_star).abs().max())
    optimal_actions = run.q_values.argmax(dim=1).numpy()  # greedy w.r.t. q*, ties: lowest index
    route = intended_route(grid, optimal_actions, start)
    # --8<-- [end:iterate]
    bound = cfg.gamma * cfg.tolerance / (1 - cfg.gamma)
    print(f"value iteration: {run.sweeps} sweeps; ||v_1 - v_0|| = {run.changes[0]:.2f}")
    print(f"last change {run.changes[-1]:.1e} < tolerance {cfg.tolerance:.0e}")
    print(f"||v_K - v*|| = {error:.1e} (bound gamma * tolerance / (1 - gamma) = {bound:.1e})")

    not_optimal = [
        k for k, v in enumerate(run.history) if not greedy_is_optimal(mdp, v, v_star, cfg.gamma)
    ]
    optimal_from = not_optimal[-1] + 1
    greedy_actions = [action_values(mdp, v, cfg.gamma).argmax(dim=1) for v in run.history]
    changed = [
        k
        for k in range(1, len(run.history))
        if not torch.equal(greedy_actions[k], greedy_actions[k - 1])
    ]
    print(f"greedy policy of v_k optimal for every k >= {optimal_from}")
    print(f"greedy actions change for the last time at sweep {changed[-1]}")

    # Once the greedy policy is fixed, each sweep multiplies the change by gamma P_pi*:
    # the changes settle to shrinking by its spectral radius ("Going deeper").
    p_star, _ = policy_dynamics(mdp, greedy_policy(run.q_values))
    radius = float(torch.linalg.eigvals(cfg.gamma * p_star).abs().max())
    ratio = run.changes[-1] / run.changes[-2]
    print(f"the last sweep shrank the change by the factor {ratio:.4f}")

    print("\noptimal policy (greedy with respect to q*):")
    for row in range(grid.n_rows):
        cells = range(row * grid.n_cols, (row + 1) * grid.n_cols)
        arrows = (
            ACTION_ARROWS[optimal_actions[s]] if grid.cell(s) in ".S" else grid.cell(s)
            for s in cells
        )
        print("  " + "".join(arrows))
    print(f"route from the start when no move slips: {', '.join(route)} ({len(route)} moves)")
    print(f"v*(start) = {float(run.values[start]):.2f}")
    snapshot_values = [float(run.history[k][start]) for k in cfg.snapshots]
    for k, value in zip(cfg.snapshots, snapshot_values, strict=True):
        print(f"v_{k}(start) = {value:.2f}")

    sweeps = np.arange(run.sweeps)
    errors = [float((v - v_star).abs().max()) for v in run.history[:-1]]
    fig, ax = plt.subplots(figsize=(7, 4), dpi=100, layout="constrained")
    ax.semilogy(sweeps, run.changes, label=r"change $\max_s |v_{k+1}(s) - v_k(s)|$")
    ax.semilogy(sweeps, errors, "--", label=r"error $\max_s |v_k(s) - v_*(s)|$")
    ax.semilogy(
        sweeps,
        run.changes[0] * cfg.gamma**sweeps,
        ":",
        color="gray",
        label=r"bound $\gamma^k \max_s |v_1(s) - v_0(s)|$",
    )
    ax.axhline(cfg.tolerance, color="black", lw=0.8, label=f"tolerance {cfg.tolerance:.0e}")
    ax.axvline(optimal_from, color="tab:green", lw=0.8, label="greedy policy optimal from here")
    ax.set_xlabel("sweep k")
    ax.set_ylabel("largest difference over states (log scale)")
    ax.set_title(rf"value iteration on the room ($\gamma$ = {cfg.gamma})")
    ax.legend(fontsize=8)
    fig.savefig(cfg.out_dir / "value_iteration_convergence.png")
    plt.close(fig)

    value_range = (float(run.values.min()), float(run.values.max()))
    fig, axes = plt.subplots(2, 2, figsize=(9, 5), dpi=100, layout="constrained")
    images = []
    for ax, k in zip(axes.flat, [*cfg.snapshots, run.sweeps], strict=True):
        v_k = run.history[k]  # (S,)
        actions = action_values(mdp, v_k, cfg.gamma).argmax(dim=1).numpy()  # greedy, (S,)
        images.append(draw_room(ax, grid, v_k.numpy(), actions, value_range))
        last = k == run.sweeps
        ax.set_title(rf"$v_{{{k}}}$" + (" = $v_*$, optimal policy" if last else ", greedy policy"))
    fig.colorbar(images[-1], ax=axes, label="value")
    fig.savefig(cfg.out_dir / "value_iteration_sweeps.png")
    plt.close(fig)
    env.close()
    return Result(
        sweeps=run.sweeps,
        first_change=run.changes[0],
        last_change=run.changes[-1],
        max_error=error,
        error_bound=bound,
        optimal_start_value=float(run.values[start]),
        first_optimal_sweep=optimal_from,
        last_action_change=changed[-1],
        final_ratio=ratio,
        spectral_radius=radius,
        snapshot_start_values=snapshot_values,
        route=", ".join(route),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
