"""Check for the project: a bandit whose best arm changes, sample averages vs a constant α."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_png,
    expect_shape,
    expect_type,
    get_function,
)

BEFORE = np.array([0.8, 0.2, 0.5])
AFTER = np.array([0.2, 0.8, 0.5])
SWITCH, STEPS, RUNS, EPSILON = 1000, 2000, 100, 0.1


def run(module: ModuleType, step_size: float | None, seed: int) -> tuple[float, float]:
    """Fraction of best-arm pulls in the 300 steps before the switch and the last 300."""
    run_changing_bandit = get_function(module, "run_changing_bandit")
    what = (
        f"run_changing_bandit(means {BEFORE.tolist()} then {AFTER.tolist()}, switch_step={SWITCH}, "
        f"steps={STEPS}, runs={RUNS}, epsilon={EPSILON}, step_size={step_size})"
    )
    optimal = run_changing_bandit(
        BEFORE, AFTER, SWITCH, STEPS, RUNS, EPSILON, step_size, np.random.default_rng(seed)
    )
    optimal = expect_type(optimal, np.ndarray, what)
    expect_shape(optimal, (RUNS, STEPS), what)
    if optimal.dtype != np.bool_:
        raise CheckFailed(f"{what}: expected a bool array, got dtype {optimal.dtype}")
    return float(optimal[:, SWITCH - 300 : SWITCH].mean()), float(optimal[:, -300:].mean())


def check_runs(module: ModuleType) -> None:
    # A settled ε-greedy agent pulls the best arm with probability 1 - ε + ε/3 = 0.933.
    averages_before, averages_after = run(module, None, seed=7)
    constant_before, constant_after = run(module, 0.1, seed=8)
    for name, fraction in (("step_size=None", averages_before), ("step_size=0.1", constant_before)):
        if fraction < 0.8:
            raise CheckFailed(
                f"{name}: in the 300 steps before the switch the best arm should get about 93% of "
                f"the pulls (at least 80%), got {fraction:.1%}"
            )
    if constant_after < 0.8:
        raise CheckFailed(
            "step_size=0.1: in the last 300 steps the new best arm should get about 93% of the "
            f"pulls (at least 80%), got {constant_after:.1%}: does the switch change the means, "
            "and does Q move by 0.1 (R - Q)?"
        )
    if averages_after > 0.65:
        raise CheckFailed(
            "step_size=None (sample averages): in the last 300 steps the new best arm should get "
            f"well under 65% of the pulls (the old rewards weigh the estimates down), got "
            f"{averages_after:.1%}: do the means switch at switch_step, and is α = 1 / N(a) "
            "for the arm just pulled?"
        )


def check_curve(module: ModuleType) -> None:
    learning_curve = get_function(module, "learning_curve")
    optimal = np.array([[True, False, True, True], [False, False, True, False]])
    # Per step: [0.5, 0, 1, 0.5]; windows of 2 steps (1 at the start): by hand below.
    what = f"learning_curve({optimal.tolist()}, window=2)"
    got = expect_type(learning_curve(optimal, 2), np.ndarray, what)
    expect_shape(got, (4,), what)
    expect_close(got, np.array([0.5, 0.25, 0.5, 0.75]), what)


def check_plot(module: ModuleType) -> None:
    plot_learning_curves = get_function(module, "plot_learning_curves")
    curves = {"α = 1/N": np.linspace(0.2, 0.9, 50), "α = 0.1": np.linspace(0.3, 0.8, 50)}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "curves.png"
        plot_learning_curves(curves, 25, path)
        expect_png(path, "plot_learning_curves")


def check(module: ModuleType) -> None:
    check_curve(module)
    check_runs(module)
    check_plot(module)
