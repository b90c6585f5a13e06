"""Check of exercise 3: the trailing means against a reference on seeded sequences, and the
figure through what it draws: two panels, each loss and its means at the right steps."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    PlottedAxes,
    expect_close,
    expect_true,
    expect_type,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)


def reference(values: list[float], window: int) -> np.ndarray:
    return np.array([np.mean(values[i : i + window]) for i in range(len(values) - window + 1)])


def check_trailing_mean(trailing_mean: Any) -> None:
    cases = [([1.0, 2.0, 3.0, 4.0, 10.0], 2)]
    cases += random_cases(
        31,
        5,
        lambda rng: (rng.normal(0, 1, int(rng.integers(8, 40))).tolist(), int(rng.integers(2, 6))),
    )
    for values, window in cases:
        what = f"trailing_mean(<{len(values)} values>, {window})"
        got = expect_type(trailing_mean(values, window), np.ndarray, what)
        right = reference(values, window)
        if got.shape != right.shape:
            raise CheckFailed(
                f"{what}: {got.shape[0] if got.ndim else '?'} means, expected {right.shape[0]} = "
                f"len(values) - window + 1: average only full windows (no padding at the ends)"
            )
        expect_close(got, right, what, atol=1e-9)


def panel_with(axes: list[PlottedAxes], losses: np.ndarray) -> PlottedAxes | None:
    for ax in axes:
        if any(line.y.shape == losses.shape and np.allclose(line.y, losses) for line in ax.lines):
            return ax
    return None


def check_plot(plot_losses: Any) -> None:
    rng = np.random.default_rng(8)
    steps = [128 * (u + 1) for u in range(30)]
    actor = rng.normal(0.0, 0.05, 30).tolist()
    critic = np.exp(rng.normal(3.0, 1.0, 30)).tolist()
    window = 4
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "losses.png"
        means = plot_losses(steps, actor, critic, window, path)
        figure = saved_to(figures, path, "plot_losses")
    expect_true(
        isinstance(means, tuple) and len(means) == 2, "return (actor's means, critic's means)"
    )
    expect_close(np.asarray(means[0]), reference(actor, window), "the actor's means you return")
    expect_close(np.asarray(means[1]), reference(critic, window), "the critic's means you return")
    expect_true(
        len(figure.axes) == 2,
        f"draw two panels (plt.subplots(1, 2)), got {len(figure.axes)}: on one shared axis the "
        "critic's loss, hundreds of times larger, flattens the actor's",
    )
    for name, losses in (("actor", np.array(actor)), ("critic", np.array(critic))):
        ax = panel_with(figure.axes, losses)
        if ax is None:
            raise CheckFailed(f"no panel draws the {name}'s losses {losses[:3].round(3)}...")
        others = [a for a in figure.axes if a is not ax]
        if others and panel_with(others, losses) is not None:
            raise CheckFailed(f"both panels draw the {name}'s losses: draw the other loss on one")
        raw = next(
            line
            for line in ax.lines
            if line.y.shape == losses.shape and np.allclose(line.y, losses)
        )
        expect_close(
            raw.x, np.array(steps, dtype=float), f"the x of the {name}'s losses (the steps)"
        )
        right = reference(losses.tolist(), window)
        smooth = [
            line for line in ax.lines if line.y.shape == right.shape and np.allclose(line.y, right)
        ]
        expect_true(bool(smooth), f"draw the {name}'s trailing means on its panel")
        if not np.allclose(smooth[0].x, steps[window - 1 :]):
            raise CheckFailed(
                f"the {name}'s means are drawn at x = {smooth[0].x[:3].tolist()}...: draw each "
                f"mean at the step of the last update it includes, steps[window - 1:] = "
                f"{steps[window - 1 : window + 2]}..."
            )
        expect_true(
            bool(ax.xlabel and ax.ylabel and ax.title),
            f"the {name}'s panel needs a title and both axis labels "
            f"(title {ax.title!r}, x {ax.xlabel!r}, y {ax.ylabel!r})",
        )
        expect_true(bool(ax.legend), f"add a legend to the {name}'s panel: it has two lines")


def check(module: ModuleType) -> None:
    check_trailing_mean(get_function(module, "trailing_mean"))
    check_plot(get_function(module, "plot_losses"))
