"""Check for exercise 3: the two drawn images are m and m.T (not a reshape), the titles
show the shapes, the axes are labelled, and the returned tensor is the transpose."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_array_equal,
    expect_png,
    expect_tensor,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)


def random_matrix(rng: np.random.Generator) -> torch.Tensor:
    rows, columns = (int(size) for size in rng.choice(np.arange(2, 7), size=2, replace=False))
    return torch.from_numpy(rng.integers(0, 20, size=(rows, columns))).float()


def check_one(module: ModuleType, m: torch.Tensor, folder: Path) -> None:
    plot_transpose = get_function(module, "plot_transpose")
    path = folder / "transpose.png"
    what = f"plot_transpose(m) for m of shape {tuple(m.shape)}"
    with recorded_figures() as figures:
        returned = plot_transpose(m, path)
    expect_png(path, what)
    returned = expect_tensor(returned, f"{what}, the returned tensor")
    if tuple(returned.shape) == tuple(m.T.shape) and not torch.equal(returned, m.T):
        raise CheckFailed(
            f"{what}: the returned tensor has the shape of m.T but not its data: "
            "reshape regroups the numbers in reading order, m.T swaps rows and columns"
        )
    expect_array_equal(returned, m.T.numpy(), f"{what}, the returned tensor")
    panels = [axes for axes in saved_to(figures, path, what).axes if axes.images]
    if len(panels) != 2:
        raise CheckFailed(f"{what}: expected 2 panels drawn with imshow, got {len(panels)}")
    for axes, expected, name in [(panels[0], m, "m"), (panels[1], m.T, "m.T")]:
        drawn = axes.images[0]
        reshaped = drawn.shape == tuple(m.T.shape) and not np.array_equal(drawn, m.T.numpy())
        if name == "m.T" and reshaped:
            raise CheckFailed(
                f"{what}: the right panel has the shape of m.T but not its data: "
                "draw m.T, not m.reshape(...)"
            )
        expect_array_equal(drawn, expected.numpy(), f"{what}: the image of the {name} panel")
        shape = str(tuple(expected.shape))
        if shape not in axes.title:
            raise CheckFailed(
                f"{what}: the title of the {name} panel should show its shape {shape}, "
                f"got {axes.title!r}"
            )
        if not axes.xlabel or not axes.ylabel:
            raise CheckFailed(
                f"{what}: label both axes of the {name} panel (got x {axes.xlabel!r}, "
                f"y {axes.ylabel!r})"
            )


def check(module: ModuleType) -> None:
    fixed = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    with tempfile.TemporaryDirectory() as folder:
        for m in [fixed, *random_cases(36, 3, random_matrix)]:
            check_one(module, m, Path(folder))
