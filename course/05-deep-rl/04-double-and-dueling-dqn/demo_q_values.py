"""Demo 4: what the final networks of Demo 3 predicted, Q(S_t, A_t), against what the greedy
episodes then returned, G_t: the distribution of the gap, per variant."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tyro

from lunar import VARIANTS, Run, load_runs
from rlcourse.stats import mean_and_standard_error


@dataclass(frozen=True)
class Config:
    variants: tuple[str, ...] = tuple(VARIANTS)
    seeds: tuple[int, ...] = (0, 1, 2)
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    variants: list[str]
    mean_gap: list[float]  # per variant: mean over the measured seeds of mean(Q - G)
    gap_standard_error: list[float]  # per variant: over those seeds; 0.0 if fewer than 2
    seeds_measured: list[int]  # per variant: seeds whose greedy episodes ever terminated
    gap_per_seed: list[list[float]]  # [variant][seed]; 0.0 for a seed with nothing measured
    mean_predicted: list[float]  # per variant, pooled over the plotted steps
    mean_realised: list[float]


# --8<-- [start:gaps]
def gaps(run: Run) -> np.ndarray:
    """Q(S_t, A_t) - G_t at the stored steps: positive means the network expected more."""
    return np.array(run.predicted) - np.array(run.realised)


def summary(values: list[float]) -> tuple[float, float]:
    """Mean and standard error over seeds; with one seed, its value and 0.0; with none, 0.0s."""
    if len(values) >= 2:
        return mean_and_standard_error(values)
    return (values[0] if values else 0.0), 0.0


def main(cfg: Config) -> Result:
    runs = load_runs(cfg.out_dir, cfg.variants, cfg.seeds)
    # A network that never landed or crashed (it hovered until the time limit in every
    # episode) has no complete return to compare with: its seed is left out of the mean.
    measured = {
        name: [run.mean_gap for run in group if run.predicted] for name, group in runs.items()
    }
    stats = {name: summary(values) for name, values in measured.items()}
    # --8<-- [end:gaps]
    print("Q(S_t, A_t) - G_t over the greedy steps of episodes that ended by landing or crashing")
    print(f"{'variant':<17} {'mean gap ± s.e.':>16}  per seed (n/a: no episode ended)")
    for name, group in runs.items():
        mean, error = stats[name]
        seeds = " ".join(f"{run.mean_gap:7.2f}" if run.predicted else "    n/a" for run in group)
        print(f"{name:<17} {mean:8.2f} ± {error:5.2f}  {seeds}")
    pooled = {name: np.concatenate([gaps(run) for run in group]) for name, group in runs.items()}
    predicted = {name: np.concatenate([r.predicted for r in group]) for name, group in runs.items()}
    realised = {name: np.concatenate([r.realised for r in group]) for name, group in runs.items()}
    plot(cfg, pooled, predicted, realised)
    return Result(
        variants=list(runs),
        mean_gap=[stats[name][0] for name in runs],
        gap_standard_error=[stats[name][1] for name in runs],
        seeds_measured=[len(values) for values in measured.values()],
        gap_per_seed=[[run.mean_gap for run in group] for group in runs.values()],
        mean_predicted=[float(values.mean()) for values in predicted.values()],
        mean_realised=[float(values.mean()) for values in realised.values()],
    )


def plot(
    cfg: Config,
    pooled: dict[str, np.ndarray],
    predicted: dict[str, np.ndarray],
    realised: dict[str, np.ndarray],
) -> None:
    """Left: the distribution of the gap per variant. Right: Q against G for every variant."""
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2), dpi=110)
    bins = np.linspace(-100, 100, 81)
    for i, (name, values) in enumerate(pooled.items()):
        left.hist(np.clip(values, -100, 100), bins=bins, histtype="step", color=f"C{i}", label=name)
        right.scatter(realised[name], predicted[name], s=2, alpha=0.15, color=f"C{i}", label=name)
    left.axvline(0.0, color="black", linewidth=0.8, linestyle="--")
    left.set(xlabel="Q(S_t, A_t) - G_t (clipped to ±100)", ylabel="steps")
    left.set_title("Predicted minus realised return")
    left.legend(loc="upper left", fontsize=8)
    every = np.concatenate([*realised.values(), [-50.0, 100.0]])  # the diagonal spans both
    low, high = float(every.min()), float(every.max())
    right.plot([low, high], [low, high], color="black", linewidth=0.8, label="Q = G")
    right.set(xlabel="realised discounted return G_t", ylabel="predicted Q(S_t, A_t)")
    right.set_title("Each dot: one step of a greedy episode")
    legend = right.legend(loc="upper left", fontsize=8, markerscale=4)
    for handle in legend.legend_handles:  # the dots are faint, their legend entries need not be
        if handle is not None:
            handle.set_alpha(1.0)
    fig.tight_layout()
    fig.savefig(cfg.out_dir / "q_values.png")
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
