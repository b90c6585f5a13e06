"""Check for exercise 4: the running mean against a loop written here, and the figure's data
(the two lines, their x values, labels, legend, axis names, title), not only the PNG."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    PlottedLine,
    expect_close,
    expect_png,
    expect_shape,
    expect_tensor,
    expect_true,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)


def loop_running_mean(values: np.ndarray) -> np.ndarray:
    """The reference: one mean per prefix, by a plain loop."""
    return np.array([values[: k + 1].mean() for k in range(len(values))])


def random_returns(rng: np.random.Generator) -> torch.Tensor:
    return torch.from_numpy(rng.normal(5.0, 3.0, size=int(rng.integers(2, 15)))).float()


def check_running_mean(module: ModuleType, x: torch.Tensor) -> None:
    running_mean = get_function(module, "running_mean")
    what = f"running_mean(x) for x of shape ({x.shape[0]},)"
    got = expect_tensor(running_mean(x), what)
    expect_shape(got, tuple(x.shape), what)
    values = x.double().numpy()
    expected = loop_running_mean(values)
    if np.allclose(got.double().numpy(), np.cumsum(values) / len(values)):
        raise CheckFailed(
            f"{what}: every prefix sum was divided by n = {len(values)}; entry k is the mean "
            "of the first k + 1 entries, so divide by k + 1"
        )
    expect_close(got, expected, what, atol=1e-5)


def line_named(lines: list[PlottedLine], label: str) -> PlottedLine:
    for line in lines:
        if line.label == label:
            return line
    raise CheckFailed(
        f"the figure has no line labelled {label!r}; its lines are labelled "
        f"{[line.label for line in lines]}: pass label=... to ax.plot"
    )


def check_figure(module: ModuleType, returns: torch.Tensor) -> None:
    plot_returns = get_function(module, "plot_returns")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "returns.png"
        with recorded_figures() as figures:
            plot_returns(returns, path)
        expect_png(path, "plot_returns", min_size=(200, 150))
    figure = saved_to(figures, path, "plot_returns")
    n = returns.shape[0]
    values = returns.double().numpy()
    lines = figure.lines()
    for label, expected in (("return", values), ("running mean", loop_running_mean(values))):
        line = line_named(lines, label)
        expect_close(line.x, np.arange(n, dtype=np.float64), f"the x values of {label!r}")
        expect_close(line.y, expected, f"the y values of {label!r}", atol=1e-5)
    axes = next(axes for axes in figure.axes if axes.lines)
    expect_true(
        sorted(axes.legend) == ["return", "running mean"],
        f"the legend should list 'return' and 'running mean', got {axes.legend}: call ax.legend()",
    )
    expect_true(
        bool(axes.xlabel) and bool(axes.ylabel),
        f"both axes need a name: got x {axes.xlabel!r} and y {axes.ylabel!r}",
    )
    expect_true(any(figure.titles()), "the figure needs a title: ax.set_title(...)")


def check(module: ModuleType) -> None:
    returns = torch.tensor([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])
    for x in [returns, *random_cases(51, 4, random_returns)]:
        check_running_mean(module, x)
    check_figure(module, returns)
    check_figure(module, random_cases(52, 1, random_returns)[0])
