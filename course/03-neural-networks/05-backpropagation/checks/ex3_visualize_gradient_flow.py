"""Check for exercise 3: layer norms against ones computed here from autograd's gradients, on
random networks with and without a frozen layer; the figure's data, labels and legend."""

from __future__ import annotations

import math
import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np
import torch
from torch import nn

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_png,
    expect_true,
    expect_type,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)
from rlcourse.networks import mlp

Case = tuple[int, int, bool]  # seed, depth, freeze the first layer


def random_case(rng: np.random.Generator) -> Case:
    return int(rng.integers(0, 10_000)), int(rng.integers(2, 5)), bool(rng.integers(0, 2))


def model_with_gradients(case: Case) -> nn.Sequential:
    seed, depth, freeze = case
    torch.manual_seed(seed)
    model = mlp(3, [6] * depth, 2, activation=nn.Sigmoid)
    if freeze:
        model[0].requires_grad_(False)
    (model(torch.randn(8, 3)) ** 2).mean().backward()
    return model


def norms_of(model: nn.Module, use_gradient: bool, with_bias: bool) -> dict[str, float]:
    squares: dict[str, float] = {}
    for name, parameter in model.named_parameters():
        if parameter.grad is None or (name.endswith("bias") and not with_bias):
            continue
        values = parameter.grad if use_gradient else parameter.detach()
        layer = name.rsplit(".", 1)[0]
        squares[layer] = squares.get(layer, 0.0) + values.pow(2).sum().item()
    return {layer: math.sqrt(total) for layer, total in squares.items()}


def close(got: dict[str, float], expected: dict[str, float]) -> bool:
    return got.keys() == expected.keys() and all(
        math.isclose(got[k], expected[k], rel_tol=1e-6, abs_tol=1e-12) for k in got
    )


def check_norms(module: ModuleType, case: Case) -> None:
    layer_gradient_norms = get_function(module, "layer_gradient_norms")
    model = model_with_gradients(case)
    what = f"layer_gradient_norms on a {case[1]}-hidden-layer network" + (
        " with layer 0 frozen" if case[2] else ""
    )
    got = expect_type(layer_gradient_norms(model), dict, what)
    expected = norms_of(model, use_gradient=True, with_bias=True)
    if case[2] and "0" in got:
        raise CheckFailed(f"{what}: layer 0 is frozen, its .grad is None: leave it out")
    expect_equal(list(got), list(expected), f"{what}: the layers, in order")
    values = {k: float(v) for k, v in got.items()}
    if close(values, {k: v**2 for k, v in expected.items()}):
        raise CheckFailed(f"{what}: these are squared norms: take the square root of the sum")
    if close(values, norms_of(model, use_gradient=True, with_bias=False)):
        raise CheckFailed(f"{what}: only the weights counted: the bias is part of the layer too")
    if close(values, norms_of(model, use_gradient=False, with_bias=True)):
        raise CheckFailed(
            f"{what}: these are the norms of the parameters themselves, not of their .grad"
        )
    for layer, norm in expected.items():
        expect_close(values[layer], norm, f"{what}: layer {layer}", atol=1e-10)


def check_plot(module: ModuleType) -> None:
    plot_gradient_flow = get_function(module, "plot_gradient_flow")
    data = {
        "deep sigmoid": {"0": 1e-6, "2": 1e-4, "4": 1e-2},
        "shallow": {"0": 0.5, "2": 0.3},
    }
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "flow.png"
        plot_gradient_flow(data, path)
        expect_png(path, "plot_gradient_flow")
        figure = saved_to(figures, path, "plot_gradient_flow")
    lines = figure.lines()
    expect_equal(len(lines), len(data), "plot_gradient_flow: the number of lines (one per network)")
    for line, (network, norms) in zip(lines, data.items(), strict=True):
        expect_close(line.x, np.arange(len(norms), dtype=np.float64), f"the x values of {network}")
        expect_close(line.y, np.array(list(norms.values())), f"the y values of {network}")
    axes = figure.axes[0]
    expect_true(bool(axes.title or figure.suptitle), "plot_gradient_flow: the figure has no title")
    expect_true(bool(axes.xlabel and axes.ylabel), "plot_gradient_flow: label both axes")
    expect_true(
        sorted(axes.legend) == sorted(data),
        f"plot_gradient_flow: the legend should name the networks {sorted(data)}, "
        f"got {axes.legend}",
    )


def check(module: ModuleType) -> None:
    for case in [(0, 3, True), (1, 2, False), *random_cases(53, 6, random_case)]:
        check_norms(module, case)
    check_plot(module)
