"""Exercise 4: summarise each method's returns over seeds and draw them on one axis of
environment steps, as Demo 4 does, with a band of one standard error around each mean.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

Curve = tuple[np.ndarray, np.ndarray]  # steps (P,), returns (seeds, P)


def summarise(returns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean over seeds and its standard error s / sqrt(n) at every point: returns has shape
    (seeds, P), the results (P,) each; s is the sample standard deviation (n - 1)."""
    seeds = returns.shape[0]
    mean = returns.mean(axis=0)
    standard_error = returns.std(axis=0, ddof=1) / np.sqrt(seeds)
    return mean, standard_error


def plot_curves(curves: dict[str, Curve], path: Path) -> None:
    """One line per method (its mean, labelled with its name) and a band from mean - s.e.
    to mean + s.e.; steps on a log axis; axes labelled, a legend, a title; saved to path."""
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for name, (steps, returns) in curves.items():
        mean, standard_error = summarise(returns)
        ax.plot(steps, mean, label=name)
        ax.fill_between(steps, mean - standard_error, mean + standard_error, alpha=0.25)
    ax.set_xscale("log")
    ax.set(xlabel="environment steps", ylabel="return", title="Imitation and RL on CartPole-v1")
    ax.legend()
    fig.savefig(path)
    plt.close(fig)


if __name__ == "__main__":
    folder = Path(__file__).parents[1] / "outputs"
    data = np.load(folder / "curves.npz")
    steps = data["budgets"]
    plot_curves({"BC": (steps, data["bc"]), "DAgger": (steps, data["dagger"])}, Path("curves.png"))
    print("wrote curves.png")
