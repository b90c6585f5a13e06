"""Check for exercise 1: the hand-written derivatives against autograd's on random
inputs (autograd is forbidden inside the learner's code), and the figure's data."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np
import torch
import torch.nn.functional as F

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_dtype,
    expect_equal,
    expect_shape,
    expect_tensor,
    expect_true,
    expect_type,
    forbidden,
    get_function,
    no_autograd,
    random_cases,
    recorded_figures,
    saved_to,
)

FUNCTIONS = {"ELU": F.elu, "SiLU": F.silu, "softplus": F.softplus}
HINTS = {  # name -> (a wrong formula, the message that names it)
    "ELU": (
        lambda a: torch.where(a > 0, torch.ones_like(a), torch.exp(a) - 1),
        "for a <= 0 the derivative of e^a - 1 is e^a (the -1 is a constant)",
    ),
    "SiLU": (torch.sigmoid, "a sigmoid(a) is a product: use the product rule"),
    "softplus": (
        lambda a: torch.sigmoid(-a),
        "the derivative of log(1 + e^a) is e^a / (1 + e^a) = sigmoid(a)",
    ),
}


def autograd_slopes(a: torch.Tensor) -> dict[str, torch.Tensor]:
    slopes: dict[str, torch.Tensor] = {}
    for name, function in FUNCTIONS.items():
        inputs = a.clone().requires_grad_(True)
        (slopes[name],) = torch.autograd.grad(function(inputs).sum(), inputs)
    return slopes


def random_input(rng: np.random.Generator) -> torch.Tensor:
    size = int(rng.integers(5, 40))
    return torch.from_numpy(rng.normal(scale=float(rng.uniform(0.5, 6)), size=size))


def check_derivatives(module: ModuleType, a: torch.Tensor) -> None:
    derivatives = get_function(module, "derivatives")
    expected = autograd_slopes(a)
    with forbidden(no_autograd("derive each formula by hand"), module):
        got = expect_type(derivatives(a), dict, f"derivatives of a tensor of {a.numel()} values")
    for name, reference in expected.items():
        what = f"the {name} derivative on {a.numel()} inputs in [{a.min():.1f}, {a.max():.1f}]"
        if name not in got:
            raise CheckFailed(f"derivatives returned no key {name!r} (it has {sorted(got)})")
        value = expect_tensor(got[name], what)
        expect_shape(value, tuple(a.shape), what)
        expect_dtype(value, a.dtype, what)
        wrong, message = HINTS[name]
        close = np.allclose(value.numpy(), reference.numpy(), atol=1e-9)
        if not close and np.allclose(value.numpy(), wrong(a).numpy(), atol=1e-9):
            raise CheckFailed(f"{what}: {message}")
        atol = 1e-9 if a.dtype == torch.float64 else 1e-6  # float32 rounds at about 1e-7
        expect_close(value, reference, what, atol=atol, rtol=1e-6)


def check_plot(module: ModuleType) -> None:
    plot_activations = get_function(module, "plot_activations")
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "activations.png"
        plot_activations(path)
        figure = saved_to(figures, path, "plot_activations")
    expect_equal(len(figure.axes), 2, "plot_activations: the number of panels")
    for axes, kind in zip(figure.axes, ("functions", "derivatives"), strict=True):
        what = f"plot_activations, the panel of the {kind}"
        expect_true(bool(axes.xlabel and axes.ylabel), f"{what}: label both axes")
        expect_true(bool(axes.title), f"{what}: give it a title")
        expect_equal(sorted(axes.legend), sorted(FUNCTIONS), f"{what}: the legend's entries")
        for line in axes.lines:
            a = torch.from_numpy(line.x)
            if kind == "functions":
                expected = FUNCTIONS[line.label](a)
            else:
                expected = autograd_slopes(a)[line.label]
            expect_close(line.y, expected.numpy(), f"{what}: the line {line.label!r}", atol=1e-4)


def check(module: ModuleType) -> None:
    fixed = torch.tensor([-30.0, -2.0, -0.5, 0.5, 1.0, 3.0, 30.0], dtype=torch.float64)
    for a in [fixed, *random_cases(41, 8, random_input)]:
        check_derivatives(module, a)
    check_derivatives(module, fixed.float())
    check_plot(module)
