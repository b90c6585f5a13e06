"""Check for exercise 4: central differences against the formula computed here on seeded
functions and points (and against the forward difference and other slips), p unchanged,
and gradient_error against autograd run here."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_shape,
    expect_tensor,
    expect_type,
    get_function,
    random_cases,
)

Function = Callable[[torch.Tensor], torch.Tensor]
FUNCTIONS: list[tuple[str, Function]] = [
    ("tanh(w x + b) squared error", lambda p: (torch.tanh(p[0] * 2.0 + p[1]) - 0.5) ** 2),
    ("sum of cubes", lambda p: (p**3).sum()),
    ("exp(p0) sin(p1) + p2^2", lambda p: torch.exp(p[0]) * torch.sin(p[1]) + p[2] ** 2),
]


def differences(f: Function, p: torch.Tensor, h: float, central: bool) -> np.ndarray:
    """Central (or forward) differences, one coordinate at a time, as NumPy."""
    out = []
    for e in torch.eye(p.numel(), dtype=torch.float64):
        low = f(p - h * e) if central else f(p)
        out.append(((f(p + h * e) - low) / (2 * h if central else h)).item())
    return np.array(out)


def check_differences(module: ModuleType, name: str, f: Function, p: np.ndarray) -> None:
    central_difference_gradient = get_function(module, "central_difference_gradient")
    h = 1e-3
    given = torch.tensor(p)
    what = f"central_difference_gradient(f, p, h=1e-3) for f = {name}"
    got = expect_tensor(central_difference_gradient(f, given, h), what)
    expect_shape(got, (len(p),), what)
    expect_equal(given.tolist(), p.tolist(), f"{what}: p after the call (it must not change)")
    values = got.detach().double().numpy()
    expected = differences(f, given, h, central=True)
    if np.allclose(values, differences(f, given, h, central=False), rtol=1e-9, atol=1e-12):
        raise CheckFailed(f"{what}: this is the forward difference (f(p + h) - f(p)) / h")
    if np.allclose(values, 2 * expected, rtol=1e-9, atol=1e-12):
        raise CheckFailed(f"{what}: twice the expected values; the two points are 2h apart")
    everything = ((f(given + h) - f(given - h)) / (2 * h)).item()
    if np.allclose(values, everything, rtol=1e-9, atol=1e-12):
        raise CheckFailed(
            f"{what}: every entry is {everything:.6g}, the slope when all coordinates move "
            "together; move coordinate i alone (h e_i)"
        )
    expect_close(values, expected, what, atol=1e-10, rtol=1e-8)


def check_error(module: ModuleType, name: str, f: Function, p: np.ndarray) -> None:
    gradient_error = get_function(module, "gradient_error")
    given = torch.tensor(p)
    leaf = given.clone().requires_grad_(True)
    f(leaf).backward()
    assert leaf.grad is not None
    expected = float(np.abs(differences(f, given, 1e-4, central=True) - leaf.grad.numpy()).max())
    what = f"gradient_error(f, p, h=1e-4) for f = {name}"
    got = expect_type(gradient_error(f, given, 1e-4), float, what)
    expect_close(got, expected, what, atol=1e-12, rtol=1e-3)


def check(module: ModuleType) -> None:
    for name, f in FUNCTIONS:
        for p in random_cases(91, 3, lambda rng: rng.normal(0, 1, size=3)):
            point = p[:2] if name.startswith("tanh") else p
            check_differences(module, name, f, point)
            check_error(module, name, f, point)
