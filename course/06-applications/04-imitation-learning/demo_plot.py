"""Demo 4 of Part 6.4: the sample-efficiency curves of Demo 3 on one axis of environment
steps, and the returns each method reached, read back from Demo 3's curves.npz."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tyro
from matplotlib.axes import Axes

from rlcourse.stats import mean_and_standard_error


@dataclass(frozen=True)
class Config:
    window: int = 20  # REINFORCE episodes averaged at each point of its curve
    compare_at: tuple[int, ...] = (200, 1_000, 10_000, 100_000)  # env steps for the table
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    rl_at: list[float]  # per compare_at, REINFORCE's mean over seeds; -1: no episode ended yet
    rl_at_standard_error: list[float]  # 0 where fewer than 2 seeds have a value
    imitation_budget: int  # the largest budget the imitators were given
    gradient_steps: list[int]  # each clone's training, as in Demo 3
    bc_at_budget: list[float]  # per gradient_steps, mean over seeds at imitation_budget
    dagger_at_budget: list[float]


# --8<-- [start:return_at_budget]
def return_at_budget(end_steps: np.ndarray, returns: np.ndarray, budget: int, window: int) -> float:
    """The mean return of the last ``window`` training episodes that had ended by
    environment step ``budget``: what an RL agent had reached with that many steps.
    NaN when no episode had ended yet."""
    finished = returns[end_steps <= budget]
    return float(finished[-window:].mean()) if len(finished) else float("nan")


# --8<-- [end:return_at_budget]


def main(cfg: Config) -> Result:
    data = np.load(cfg.out_dir / "curves.npz")
    budgets, gradient_steps = data["budgets"], data["gradient_steps"]  # (B,), (G,)
    bc, dagger = data["bc"], data["dagger"]  # (G, seeds, B) each: one row per clone training
    rl_seeds = sorted(
        int(k.removeprefix("rl_returns_")) for k in data if k.startswith("rl_returns_")
    )
    rl_runs = [(data[f"rl_end_steps_{s}"], data[f"rl_returns_{s}"]) for s in rl_seeds]
    longest = max(int(ends[-1]) for ends, _ in rl_runs)
    grid = np.unique(np.geomspace(budgets[0], longest, 200).astype(int))
    # (seeds, grid): each run's smoothed return at every step count of the grid
    rl_curves = np.array(
        [[return_at_budget(e, r, int(g), cfg.window) for g in grid] for e, r in rl_runs]
    )

    fig, (curve_ax, final_ax) = plt.subplots(1, 2, figsize=(13, 4.5), dpi=110, width_ratios=(2, 1))
    styles = ("-", "--", ":", "-.")  # one line style per clone training
    for i, (steps, bc_runs, dagger_runs) in enumerate(zip(gradient_steps, bc, dagger, strict=True)):
        style = styles[i % len(styles)]
        for name, runs, color in (("BC", bc_runs, "C0"), ("DAgger", dagger_runs, "C1")):
            label = f"{name}, {steps} gradient steps per clone (greedy, {len(runs)} seeds)"
            band(curve_ax, budgets, runs, color, label, style)
    band(
        curve_ax,
        grid,
        rl_curves,
        "C2",
        f"REINFORCE ({cfg.window}-episode mean, {len(rl_runs)} seeds)",
    )
    curve_ax.axhline(500, color="black", linestyle="--", linewidth=1, label="expert: 500")
    curve_ax.set(xscale="log", xlabel="environment steps used", ylabel="return", ylim=(0, 520))
    curve_ax.set_title("Sample efficiency on CartPole-v1")
    # Below the axes: inside, every corner of this panel holds a curve.
    curve_ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, fontsize=8)
    finals: dict[str, tuple[np.ndarray, str]] = {}
    for steps, bc_runs, dagger_runs in zip(gradient_steps, bc, dagger, strict=True):
        finals[f"BC\n{budgets[-1]} env\n{steps} fit"] = (bc_runs[:, -1], "C0")
        finals[f"DAgger\n{budgets[-1]} env\n{steps} fit"] = (dagger_runs[:, -1], "C1")
    finals[f"REINFORCE\n~{longest // 1000}k env"] = (data["rl_greedy"], "C2")
    for i, (values, color) in enumerate(finals.values()):
        final_ax.scatter(np.full(len(values), i), values, color=color, zorder=3)
        final_ax.plot([i - 0.2, i + 0.2], [values.mean()] * 2, color="black")
    final_ax.set(xticks=range(len(finals)), xticklabels=list(finals), ylim=(0, 520))
    final_ax.tick_params(axis="x", labelsize=8)  # five three-line labels in a narrow panel
    final_ax.set(ylabel="greedy mean return (100 episodes)")
    final_ax.set_title("Each seed's final policy (bar: mean)")
    fig.tight_layout()
    fig.savefig(cfg.out_dir / "sample_efficiency.png", bbox_inches="tight")
    plt.close(fig)

    rl_at, rl_se = [], []
    for steps in cfg.compare_at:
        values = [
            v for e, r in rl_runs if not np.isnan(v := return_at_budget(e, r, steps, cfg.window))
        ]
        mean, se = mean_and_standard_error(values) if len(values) > 1 else (-1.0, 0.0)
        rl_at.append(mean)
        rl_se.append(se)
        print(
            f"REINFORCE after {steps:>7,} env steps: {mean:6.1f} ± {se:4.1f} "
            f"over {len(values)} seeds"
        )
    for steps, bc_runs, dagger_runs in zip(gradient_steps, bc, dagger, strict=True):
        print(
            f"after {budgets[-1]} env steps, clones fitted {steps} gradient steps: "
            f"BC {bc_runs[:, -1].mean():.1f}, DAgger {dagger_runs[:, -1].mean():.1f} "
            f"(greedy, mean over {len(bc_runs)} seeds)"
        )
    return Result(
        rl_at=rl_at,
        rl_at_standard_error=rl_se,
        imitation_budget=int(budgets[-1]),
        gradient_steps=[int(steps) for steps in gradient_steps],
        bc_at_budget=[float(runs[:, -1].mean()) for runs in bc],
        dagger_at_budget=[float(runs[:, -1].mean()) for runs in dagger],
    )


def band(
    ax: Axes, steps: np.ndarray, returns: np.ndarray, color: str, label: str, style: str = "-"
) -> None:
    """Mean over seeds (rows) with a band of one standard error; columns with a NaN skipped."""
    keep = ~np.isnan(returns).any(axis=0) if len(returns) > 1 else np.ones(len(steps), bool)
    stats = [mean_and_standard_error(column) for column in returns[:, keep].T]
    mean = np.array([m for m, _ in stats])
    se = np.array([s for _, s in stats])
    ax.plot(steps[keep], mean, color=color, linestyle=style, label=label)
    ax.fill_between(steps[keep], mean - se, mean + se, color=color, alpha=0.25)


if __name__ == "__main__":
    main(tyro.cli(Config))
