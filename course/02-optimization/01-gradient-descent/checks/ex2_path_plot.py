"""Check for exercise 2: the gradient of g against the partial derivatives written here, and
the figure's data: the contoured values equal g on the grid, the path line is the path
given, the minimum sits at (1, -0.5), with equal units, axis names, a legend and a title."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_png,
    expect_shape,
    expect_tensor,
    expect_true,
    get_function,
    random_cases,
    recorded_contours,
    recorded_figures,
    saved_to,
)


def reference_gradient(x: np.ndarray) -> np.ndarray:
    return np.array([2.0 * (x[0] - 1.0), 8.0 * (x[1] + 0.5)])


def check_gradient(module: ModuleType) -> None:
    gradient = get_function(module, "shifted_bowl_gradient")
    points = [np.array([0.0, 0.0]), *random_cases(21, 5, lambda rng: rng.uniform(-3, 3, size=2))]
    for point in points:
        what = f"shifted_bowl_gradient({np.round(point, 3).tolist()})"
        got = expect_tensor(gradient(torch.tensor(point)), what)
        expect_shape(got, (2,), what)
        expected = reference_gradient(point)
        got_values = got.detach().double().numpy()
        if np.isclose(got_values[1], 2.0 * (point[1] + 0.5)) and not np.isclose(point[1], -0.5):
            raise CheckFailed(
                f"{what}: the second entry is 2 (x_1 + 0.5); the factor 4 in front of "
                "(x_1 + 0.5)^2 multiplies its derivative too, giving 8 (x_1 + 0.5)"
            )
        expect_close(got, expected, what)


def check_figure(module: ModuleType, start: np.ndarray, alpha: float) -> None:
    plot_path = get_function(module, "plot_path")
    path = [start]
    for _ in range(15):
        path.append(path[-1] - alpha * reference_gradient(path[-1]))
    path_array = np.stack(path)
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "path.png"
        with recorded_figures() as figures, recorded_contours() as contours:
            plot_path(torch.tensor(path_array), file)
        expect_png(file, "plot_path", min_size=(200, 200))
    figure = saved_to(figures, file, "plot_path")
    expect_true(bool(contours), "plot_path drew no contours: call ax.contour(X, Y, Z) on a grid")
    ax, x, y, z = contours[-1].axes, contours[-1].x, contours[-1].y, contours[-1].z
    expect_true(x.shape == z.shape, "pass ax.contour the grids X and Y from torch.meshgrid")
    g = (x - 1.0) ** 2 + 4.0 * (y + 0.5) ** 2
    expect_close(z, g, "the values you contoured (Z at each grid point (X, Y))")
    expect_true(
        x.min() <= -2.9 and x.max() >= 2.9 and y.min() <= -2.9 and y.max() >= 2.9,
        f"the grid spans x in [{x.min():g}, {x.max():g}], y in [{y.min():g}, {y.max():g}]: "
        "it should cover [-3, 3] in both",
    )
    lines = {line.label: line for line in figure.lines()}
    if "path" not in lines:
        raise CheckFailed(f"no line labelled 'path'; the lines are labelled {sorted(lines)}")
    line = lines["path"]
    if np.allclose(line.x, path_array[:, 1]) and np.allclose(line.y, path_array[:, 0]):
        raise CheckFailed("the path is drawn with x_1 across and x_0 up: plot column 0 against x")
    expect_close(line.x, path_array[:, 0], "the x values of the path line (column 0)")
    expect_close(line.y, path_array[:, 1], "the y values of the path line (column 1)")
    minimum = lines.get("minimum")
    expect_true(
        minimum is not None and np.allclose(minimum.x, [1.0]) and np.allclose(minimum.y, [-0.5]),
        "draw the minimum as a line of one point at (1, -0.5), labelled 'minimum'",
    )
    expect_true(
        ax.get_aspect() == 1.0,
        "a contour plot shows geometry: ax.set_aspect('equal') so circles look round",
    )
    data = next(axes for axes in figure.axes if axes.lines)
    expect_true(bool(data.xlabel) and bool(data.ylabel), "both axes need a name")
    expect_true(sorted(data.legend) == ["minimum", "path"], f"legend: got {data.legend}")
    expect_true(any(figure.titles()), "the figure needs a title: ax.set_title(...)")


def check(module: ModuleType) -> None:
    check_gradient(module)
    check_figure(module, np.array([-2.5, 2.0]), 0.1)
    start = random_cases(22, 1, lambda rng: rng.uniform(-2.5, 2.5, size=2))[0]
    check_figure(module, start, 0.2)
