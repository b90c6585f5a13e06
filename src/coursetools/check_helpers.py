"""What exercise checks are written with.

A check is a file ``checks/<exercise>.py`` in a lesson with one function::

    def check(module: ModuleType) -> None: ...

``module`` is the learner's exercise file, imported. The check calls the learner's
functions on small inputs and raises :class:`CheckFailed` with a message a learner can
act on ("expected shape (4, 2), got (2, 4)"). The helpers below write those messages.
``rlcourse check`` runs each check in its own process with a time limit, so an endless
loop in the learner's code becomes a timeout rather than a hang.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

import numpy as np
import torch
from PIL import Image

T = TypeVar("T")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"  # the first 8 bytes of every PNG file


class CheckFailed(Exception):
    """The learner's answer is wrong; the message says how."""


def get_function(module: ModuleType, name: str) -> Callable[..., Any]:
    """The learner's function ``name``, or a failure saying it is missing."""
    value = getattr(module, name, None)
    if value is None:
        raise CheckFailed(f"your file defines no `{name}`: keep the function name from the stub")
    if not callable(value):
        raise CheckFailed(f"`{name}` should be a function, got {type(value).__name__}")
    return value


def expect_type(value: object, expected: type[T], what: str) -> T:
    """``value`` narrowed to ``expected``, or a failure naming both types."""
    if not isinstance(value, expected):
        raise CheckFailed(f"{what}: expected a {expected.__name__}, got {type(value).__name__}")
    return value


def expect_tensor(value: object, what: str) -> torch.Tensor:
    return expect_type(value, torch.Tensor, what)


def expect_shape(value: torch.Tensor | np.ndarray, shape: tuple[int, ...], what: str) -> None:
    got = tuple(value.shape)
    if got != shape:
        raise CheckFailed(f"{what}: expected shape {shape}, got {got}")


def expect_dtype(value: torch.Tensor, dtype: torch.dtype, what: str) -> None:
    if value.dtype != dtype:
        raise CheckFailed(f"{what}: expected dtype {dtype}, got {value.dtype}")


def expect_equal(got: object, expected: object, what: str) -> None:
    if got != expected:
        raise CheckFailed(f"{what}: expected {expected!r}, got {got!r}")


def expect_true(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def expect_close(
    got: float | torch.Tensor | np.ndarray,
    expected: float | torch.Tensor | np.ndarray,
    what: str,
    atol: float = 1e-6,
    rtol: float = 1e-5,
) -> None:
    """Numbers or arrays equal within ``atol + rtol * |expected|``; the message shows both."""
    got_array = _as_array(got, what)
    expected_array = _as_array(expected, "expected value")
    if got_array.shape != expected_array.shape:
        raise CheckFailed(f"{what}: expected shape {expected_array.shape}, got {got_array.shape}")
    if not np.all(np.isfinite(got_array)):
        raise CheckFailed(f"{what}: contains NaN or infinity: {_short(got_array)}")
    if not np.allclose(got_array, expected_array, atol=atol, rtol=rtol):
        worst = float(np.max(np.abs(got_array - expected_array)))
        raise CheckFailed(
            f"{what}: expected {_short(expected_array)}, got {_short(got_array)} "
            f"(largest difference {worst:.3g}, tolerance {atol:g} + {rtol:g}·|expected|)"
        )


def expect_grid_close(got: object, expected: np.ndarray, what: str, nan_cells: str) -> None:
    """A grid of numbers with NaN in some cells (``nan_cells`` says which, e.g. "walls"):
    the NaN cells must be the same, and the other cells close to ``expected``."""
    grid = expect_type(got, np.ndarray, what)
    expect_shape(grid, expected.shape, what)
    got_nan = np.isnan(grid.astype(np.float64))
    expect_equal(
        np.argwhere(got_nan).tolist(),
        np.argwhere(np.isnan(expected)).tolist(),
        f"{what}: the (row, col) cells that are NaN ({nan_cells})",
    )
    expect_close(grid[~got_nan], expected[~got_nan], f"{what}, the cells that are not NaN")


def expect_png(
    path: Path, what: str, min_size: tuple[int, int] = (1, 1), min_colours: int = 1
) -> None:
    """``what`` saved a PNG image at ``path``, at least ``min_size`` (width, height)
    pixels, with more than ``min_colours`` distinct colours (so not blank)."""
    if not path.is_file():
        raise CheckFailed(f"{what} wrote no file at {path}")
    if not path.read_bytes().startswith(PNG_SIGNATURE):
        raise CheckFailed(f"{what} wrote a file that is not a PNG image")
    with Image.open(path) as image:
        width, height = image.size
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000) or []
    min_width, min_height = min_size
    expect_true(
        width >= min_width and height >= min_height,
        f"the figure is {width} x {height} pixels: expected at least {min_width} x {min_height}",
    )
    expect_true(len(colours) > min_colours, "the saved figure is (nearly) blank")


def expect_between(value: float, low: float, high: float, what: str) -> None:
    if not (math.isfinite(value) and low <= value <= high):
        raise CheckFailed(f"{what}: expected a value in [{low:g}, {high:g}], got {value!r}")


def _as_array(value: object, what: str) -> np.ndarray:
    if isinstance(value, torch.Tensor):
        return value.detach().cpu().double().numpy()
    if isinstance(value, np.ndarray):
        return value.astype(np.float64)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CheckFailed(f"{what}: expected a number or a tensor, got {type(value).__name__}")
    return np.asarray(float(value))


def _short(array: np.ndarray) -> str:
    if array.size == 1:
        return f"{float(array.reshape(())):.6g}"
    text = np.array2string(array, precision=4, threshold=12, max_line_width=100)
    return text.replace("\n", " ")
