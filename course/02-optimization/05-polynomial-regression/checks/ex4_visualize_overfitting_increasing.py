"""Check for exercise 4: error_by_degree on random noisy polynomials against the same
curves computed here (in order of degree, training error first), then the plot."""

from __future__ import annotations

from pathlib import Path
from tempfile import TemporaryDirectory
from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_png,
    expect_type,
    get_function,
    random_cases,
)

Data = tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]


def random_data(rng: np.random.Generator) -> Data:
    coefficients = rng.uniform(-2, 2, size=4)
    x, x_test = rng.uniform(-2, 2, size=(15, 1)), rng.uniform(-2, 2, size=(40, 1))
    y = np.polynomial.polynomial.polyval(x, coefficients) + rng.normal(0, 0.5, size=(15, 1))
    y_test = np.polynomial.polynomial.polyval(x_test, coefficients) + rng.normal(0, 0.5, (40, 1))
    return tuple(torch.from_numpy(a).float() for a in (x, y, x_test, y_test))  # type: ignore[return-value]


def reference(data: Data, max_degree: int) -> np.ndarray:
    x, y, x_test, y_test = (a.double() for a in data)
    errors = []
    for degree in range(1, max_degree + 1):
        powers = torch.arange(1, degree + 1, dtype=torch.float64)
        train, test = x**powers, x_test**powers
        mean, std = train.mean(dim=0), train.std(dim=0)
        ones = torch.ones(len(train), 1, dtype=torch.float64)
        design = torch.cat([ones, (train - mean) / std], dim=1)
        theta = torch.linalg.lstsq(design, y).solution
        test_design = torch.cat([torch.ones(len(test), 1).double(), (test - mean) / std], 1)
        errors.append(
            [
                ((design @ theta - y) ** 2).mean().item(),
                ((test_design @ theta - y_test) ** 2).mean().item(),
            ]
        )
    return np.array(errors)


def check(module: ModuleType) -> None:
    error_by_degree = get_function(module, "error_by_degree")
    for data in random_cases(28, 3, random_data):
        max_degree = 6
        what = f"error_by_degree(15 training points, 40 test points, max_degree={max_degree})"
        got = expect_type(error_by_degree(*data, max_degree), list, what)
        expected = reference(data, max_degree)
        if len(got) != max_degree:
            raise CheckFailed(f"{what}: got {len(got)} pairs, expected {max_degree}")
        got_array = np.array([[float(v) for v in pair] for pair in got])
        if np.allclose(got_array[1:], expected[:-1], rtol=1e-3):
            raise CheckFailed(f"{what}: the pairs are one degree late: start at degree 1 first")
        if not np.allclose(got_array[:, 0], expected[:, 0], rtol=1e-3, atol=1e-6):
            raise CheckFailed(
                f"{what}: training MSE per degree {np.round(got_array[:, 0], 4)}, expected "
                f"{np.round(expected[:, 0], 4)}: fit on (x, y) and put the training MSE first"
            )
        if not np.allclose(got_array[:, 1], expected[:, 1], rtol=1e-3, atol=1e-6):
            raise CheckFailed(
                f"{what}: test MSE per degree {np.round(got_array[:, 1], 4)}, expected "
                f"{np.round(expected[:, 1], 4)}: measure the second error on (x_test, y_test)"
            )
    plot_errors = get_function(module, "plot_errors")
    with TemporaryDirectory() as folder:
        path = Path(folder) / "errors.png"
        plot_errors([(1.0, 2.0), (0.5, 0.8), (0.2, 3.0)], path)
        expect_png(path, "plot_errors")
