"""Check for exercise 1: the layers of the new network on seeded random MLPs, its
outputs in evaluation mode (the original network's) and training mode (random), and the
plotted curves read back."""

from __future__ import annotations

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
    expect_true,
    expect_type,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)
from rlcourse.networks import mlp


def leaves(model: nn.Module) -> list[nn.Module]:
    return [m for m in model.modules() if not list(m.children())]


def make_case(rng: np.random.Generator) -> tuple[list[int], float, int]:
    hidden = [int(h) for h in rng.integers(3, 9, size=int(rng.integers(1, 4)))]
    return hidden, float(rng.choice([0.2, 0.3, 0.6])), int(rng.integers(0, 1000))


def check(module: ModuleType) -> None:
    add_dropout = get_function(module, "add_dropout")
    for hidden, p, seed in random_cases(1, 4, make_case):
        torch.manual_seed(seed)
        original = mlp(5, hidden, 3)
        what = f"add_dropout(mlp(5, {hidden}, 3), p={p})"
        new = expect_type(add_dropout(original, p), nn.Module, what)
        layers = leaves(new)
        kinds = [type(m).__name__ for m in layers]
        if kinds and kinds[-1] == "Dropout":
            raise CheckFailed(
                f"{what}: the last layer is Dropout: it would zero class scores; add dropout "
                "after the hidden ReLUs only, never after the output layer"
            )
        expected = []
        for layer in leaves(original):
            expected.append(type(layer).__name__)
            if isinstance(layer, nn.ReLU):
                expected.append("Dropout")
        expect_equal(kinds, expected, f"{what}: the layers in order")
        rates = [m.p for m in layers if isinstance(m, nn.Dropout)]
        expect_true(
            all(rate == p for rate in rates),
            f"{what}: dropout probabilities {rates}, expected {p} each: pass p to nn.Dropout(p)",
        )
        x = torch.rand(6, 5)
        original.eval()
        new.eval()
        with torch.no_grad():
            if not torch.allclose(new(x), original(x)):
                raise CheckFailed(
                    f"{what}: in eval mode the new network should give the original's outputs "
                    "(dropout is off); reuse the original layers, do not create new Linear ones"
                )
            new.train()
            expect_true(
                not torch.equal(new(x), new(x)),
                f"{what}: in train mode two passes gave the same outputs: no dropout is active",
            )
    plot = get_function(module, "plot_accuracy")
    train, validation = [0.5, 0.7, 0.9, 0.95], [0.45, 0.6, 0.7, 0.72]
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "accuracy.png"
        plot(train, validation, path)
        figure = saved_to(figures, path, "plot_accuracy")
    lines = figure.lines()
    expect_equal(len(lines), 2, "plot_accuracy: the number of plotted lines")
    expect_close(lines[0].y, np.array(train), "plot_accuracy: the first line (training)")
    expect_close(lines[1].y, np.array(validation), "plot_accuracy: the second line (validation)")
    expect_close(lines[0].x, np.arange(1, 5), "plot_accuracy: the epochs on the x axis (1, 2, ...)")
    axes = next(a for a in figure.axes if a.lines)
    expect_equal(len(axes.legend), 2, "plot_accuracy: legend entries (training, validation)")
    expect_true(bool(axes.xlabel and axes.ylabel), "plot_accuracy: label both axes")
    expect_true(bool(axes.title or figure.suptitle), "plot_accuracy: give the figure a title")
