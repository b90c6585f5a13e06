"""Check for the project: a bandit whose best arm changes, sample averages vs a constant
α, runs that start fresh and follow the rng, the learning curve against a reference on
random cases, and the plot's data."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_seeded,
    expect_shape,
    expect_true,
    expect_type,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
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


def check_fresh_runs(module: ModuleType) -> None:
    """Each run starts with estimates 0: at its first step every arm is equally likely."""
    run_changing_bandit = get_function(module, "run_changing_bandit")
    optimal = np.asarray(
        run_changing_bandit(BEFORE, AFTER, 50, 100, 300, EPSILON, None, np.random.default_rng(9))
    )
    first = float(optimal[:, 0].mean())
    if not 0.2 <= first <= 0.5:
        raise CheckFailed(
            f"run_changing_bandit(..., runs=300): at step 0 every run's estimates are still 0, "
            f"so about a third of the runs should pull the best arm; {first:.0%} did: does each "
            "run start with estimates and counts of its own, shape (runs, k)?"
        )
    expect_seeded(
        lambda seed: run_changing_bandit(
            BEFORE, AFTER, 20, 40, 5, EPSILON, 0.1, np.random.default_rng(seed)
        ),
        "run_changing_bandit(..., rng=np.random.default_rng(seed))",
    )


def reference_curve(optimal: np.ndarray, window: int) -> np.ndarray:
    per_step = optimal.mean(axis=0)
    return np.array([per_step[max(0, t - window + 1) : t + 1].mean() for t in range(len(per_step))])


def check_curve(module: ModuleType) -> None:
    learning_curve = get_function(module, "learning_curve")
    fixed = (np.array([[True, False, True, True], [False, False, True, False]]), 2)

    def case(rng: np.random.Generator) -> tuple[np.ndarray, int]:
        return rng.random((4, 20)) < 0.6, int(rng.integers(1, 8))

    for optimal, window in [fixed, *random_cases(39, 3, case)]:
        what = f"learning_curve({optimal.astype(int).tolist()}, window={window})"
        got = expect_type(learning_curve(optimal, window), np.ndarray, what)
        expect_shape(got, (optimal.shape[1],), what)
        expect_close(
            got,
            reference_curve(optimal, window),
            f"{what} (entry t averages steps max(0, t - window + 1) .. t, fewer at the start)",
        )


def check_plot(module: ModuleType) -> None:
    plot_learning_curves = get_function(module, "plot_learning_curves")
    curves = {"α = 1/N": np.linspace(0.2, 0.9, 50), "α = 0.1": np.linspace(0.3, 0.8, 50)}
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "curves.png"
        plot_learning_curves(curves, 25, path)
        figure = saved_to(figures, path, "plot_learning_curves")
    lines = figure.lines()
    for name, curve in curves.items():
        expect_true(
            any(line.y.shape == curve.shape and np.allclose(line.y, curve) for line in lines),
            f"plot_learning_curves: no line of the figure is the curve {name!r}",
        )
    expect_true(
        any(line.x.size > 0 and np.all(line.x == 25) for line in lines),
        "plot_learning_curves(..., switch_step=25): the switch is not marked by a vertical "
        "line at step 25 (ax.axvline(switch_step))",
    )


def check(module: ModuleType) -> None:
    check_curve(module)
    check_fresh_runs(module)
    check_runs(module)
    check_plot(module)
