"""Check of exercise 4: one-step and open-loop errors against references on seeded random
linear systems and slightly wrong models of them, then the figure's data."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_shape,
    expect_tensor,
    expect_true,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)

StepFn = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]


def linear(a: torch.Tensor, b: torch.Tensor) -> StepFn:
    return lambda states, actions: states @ a.T + b[actions]


Case = tuple[StepFn, StepFn, torch.Tensor, torch.Tensor]


def random_case(rng: np.random.Generator) -> Case:
    d, m, h = int(rng.integers(2, 5)), int(rng.integers(3, 8)), int(rng.integers(4, 9))
    a = np.eye(d) + rng.normal(scale=0.1, size=(d, d))
    b = rng.normal(scale=0.5, size=(3, d))
    error = rng.normal(scale=0.05, size=(d, d))

    def tensor(x: np.ndarray) -> torch.Tensor:
        return torch.as_tensor(x, dtype=torch.float32)

    true_step, model = linear(tensor(a), tensor(b)), linear(tensor(a + error), tensor(b))
    starts = tensor(rng.normal(size=(m, d)))
    return model, true_step, starts, torch.as_tensor(rng.integers(3, size=(m, h)))


def reference(
    model: StepFn, true_step: StepFn, starts: torch.Tensor, plans: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    real, alone, one, loop = starts, starts, [], []
    for t in range(plans.shape[1]):
        guess = model(real, plans[:, t])
        alone = model(alone, plans[:, t])
        real = true_step(real, plans[:, t])
        one.append((guess - real).pow(2).mean().sqrt())
        loop.append((alone - real).pow(2).mean().sqrt())
    return torch.stack(one), torch.stack(loop)


def check_errors(one_step: Callable[..., Any], open_loop: Callable[..., Any]) -> None:
    for number, (model, true_step, starts, plans) in enumerate(random_cases(74, 8, random_case)):
        h = plans.shape[1]
        expected_one, expected_loop = reference(model, true_step, starts, plans)
        for name, function, expected in (
            ("one_step_errors", one_step, expected_one),
            ("open_loop_errors", open_loop, expected_loop),
        ):
            got = expect_tensor(function(model, true_step, starts, plans), name)
            expect_shape(got, (h,), f"random case {number}: {name}, one error per step")
            if torch.allclose(got, expected.pow(2), atol=1e-6) and not torch.allclose(
                got, expected, atol=1e-6
            ):
                raise CheckFailed(
                    f"random case {number}: {name} gives the mean squared error; take its "
                    "square root (root mean squared error, in the units of the state)"
                )
            if name == "open_loop_errors" and torch.allclose(got, expected_one, atol=1e-5):
                raise CheckFailed(
                    f"random case {number}: open_loop_errors equals the one-step errors: it "
                    "gives the model the real state each step; feed it its own prediction"
                )
            expect_close(got, expected, f"random case {number}: {name}", atol=1e-5)


def check_plot(plot: Callable[..., Any]) -> None:
    errors = {"one step": torch.tensor([0.1, 0.1, 0.2]), "open loop": torch.tensor([0.1, 0.3, 0.9])}
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "errors.png"
        plot(errors, path)
        saved = saved_to(figures, path, "plot_errors")
    expect_equal(len(saved.axes), 1, "plot_errors: number of axes")
    axes = saved.axes[0]
    expect_equal(len(axes.lines), 2, "plot_errors: lines drawn, one per entry")
    for line, (name, values) in zip(axes.lines, errors.items(), strict=True):
        expect_equal(line.label, name, "plot_errors: a line's label")
        expect_close(line.x, np.arange(1, 4), f"plot_errors: x of '{name}', steps 1..H")
        expect_close(line.y, values.numpy(), f"plot_errors: y of '{name}'")
    expect_true(bool(axes.xlabel) and bool(axes.ylabel), "plot_errors: label both axes")
    expect_true(bool(axes.title or saved.suptitle), "plot_errors: give the figure a title")
    expect_equal(sorted(axes.legend), sorted(errors), "plot_errors: the legend's entries")


def check(module: ModuleType) -> None:
    check_errors(get_function(module, "one_step_errors"), get_function(module, "open_loop_errors"))
    check_plot(get_function(module, "plot_errors"))
