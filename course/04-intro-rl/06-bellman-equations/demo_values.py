"""Demo 2: v_pi and q_pi of the random policy in the room, exactly and iteratively."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro

from rlcourse.dp import (
    action_values,
    iterative_policy_evaluation,
    policy_dynamics,
    solve_policy_values,
)
from rlcourse.envs.gridworld import ACTION_NAMES
from room import GAMMA, draw_room, make_room, start_state


@dataclass(frozen=True)
class Config:
    gamma: float = GAMMA
    tolerance: float = 1e-10  # stop when a sweep moves no value by this much
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    n_states: int
    n_actions: int
    start_value: float  # v_pi(start), exact
    sweeps: int
    tolerance: float
    max_difference: float  # max_s |v_iterative(s) - v_exact(s)|
    error_bound: float  # gamma * tolerance / (1 - gamma)
    final_ratio: float  # ||v_K - v_{K-1}|| / ||v_{K-1} - v_{K-2}||
    spectral_radius: float  # of gamma P_pi
    max_average_gap: float  # max_s |sum_a pi(a|s) q(s, a) - v(s)|
    beside_trap_q: list[float]  # q_pi(s, a) for the cell left of the middle trap, a = 0..3
    beside_trap_value: float


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    env, grid, mdp = make_room()
    # --8<-- [start:evaluate]
    policy = torch.full((mdp.n_states, mdp.n_actions), 1.0 / mdp.n_actions, dtype=torch.float64)
    exact = solve_policy_values(mdp, policy, cfg.gamma)  # (S,)
    iterative = iterative_policy_evaluation(mdp, policy, cfg.gamma, cfg.tolerance)
    q = action_values(mdp, exact, cfg.gamma)  # (S, A)
    gap = float(((policy * q).sum(dim=1) - exact).abs().max())  # v = sum_a pi q, state by state
    # --8<-- [end:evaluate]

    p_pi, r_pi = policy_dynamics(mdp, policy)  # (S, S) and (S,)
    print(f"{mdp.n_states} states, {mdp.n_actions} actions, gamma = {cfg.gamma}")
    print(f"P_pi: {tuple(p_pi.shape)}, r_pi: {tuple(r_pi.shape)}, policy: {tuple(policy.shape)}")
    difference = float((iterative.values - exact).abs().max())
    bound = cfg.gamma * cfg.tolerance / (1 - cfg.gamma)
    print(f"exact solve vs {iterative.sweeps} sweeps of iterative evaluation:")
    print(f"  largest difference {difference:.2e}, guaranteed at most {bound:.2e}")
    ratio = iterative.changes[-1] / iterative.changes[-2]
    print(f"  the last sweep shrank the change by the factor {ratio:.4f}")
    # The rate the changes settle to: the spectral radius of gamma P_pi ("Going deeper").
    radius = float(torch.linalg.eigvals(cfg.gamma * p_pi).abs().max())

    print(f"q_pi: {tuple(q.shape)}; largest |sum_a pi(a|s) q(s, a) - v(s)| = {gap:.1e}")
    beside_trap = 2 * grid.n_cols + 3  # the cell (2, 3), left of the trap at (2, 4)
    for label, state in (("start", start_state(grid)), ("left of the trap", beside_trap)):
        row, col = divmod(state, grid.n_cols)
        actions = ", ".join(
            f"{n} {float(v):.2f}" for n, v in zip(ACTION_NAMES, q[state], strict=True)
        )
        print(f"  {label} ({row}, {col}): v = {float(exact[state]):.2f}; q: {actions}")

    print("\nv_pi of the random policy (walls, goal and traps show 0):")
    print(np.array2string(exact.numpy().reshape(grid.n_rows, grid.n_cols), precision=2))

    errors = [float((v - exact).abs().max()) for v in iterative.history[:-1]]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.4), dpi=100, layout="constrained")
    image = draw_room(left, grid, exact.numpy())
    fig.colorbar(image, ax=left, label=r"$v_\pi(s)$")
    left.set_title(r"random policy: $v_\pi$ by torch.linalg.solve")
    sweeps = np.arange(len(iterative.changes))
    right.semilogy(sweeps, iterative.changes, label=r"change $\max_s |v_{k+1}(s) - v_k(s)|$")
    right.semilogy(sweeps, errors, "--", label=r"error $\max_s |v_k(s) - v_\pi(s)|$")
    right.semilogy(
        sweeps,
        errors[0] * cfg.gamma**sweeps,
        ":",
        color="gray",
        label=r"$\gamma^k \max_s |v_0(s) - v_\pi(s)|$",
    )
    right.axhline(cfg.tolerance, color="black", lw=0.8, label=f"tolerance {cfg.tolerance:.0e}")
    right.set_xlabel("sweep k")
    right.set_ylabel("largest difference over states (log scale)")
    right.set_title("iterative policy evaluation")
    right.legend(fontsize=8)
    fig.savefig(cfg.out_dir / "policy_evaluation.png")
    plt.close(fig)
    env.close()
    return Result(
        n_states=mdp.n_states,
        n_actions=mdp.n_actions,
        start_value=float(exact[start_state(grid)]),
        sweeps=iterative.sweeps,
        tolerance=cfg.tolerance,
        max_difference=difference,
        error_bound=bound,
        final_ratio=ratio,
        spectral_radius=radius,
        max_average_gap=gap,
        beside_trap_q=[float(v) for v in q[beside_trap]],
        beside_trap_value=float(exact[beside_trap]),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
