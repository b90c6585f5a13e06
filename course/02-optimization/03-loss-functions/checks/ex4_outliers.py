"""Check for exercise 4: Huber against F.huber_loss (forbidden to the learner), the fitted
constants against a gradient-descent loop written here in NumPy, and the drag of one
outlier under squared and Huber losses."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch
import torch.nn.functional as F

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_shape,
    expect_tensor,
    expect_type,
    forbidden,
    get_function,
    random_cases,
)

SHORTCUTS = {
    "torch.nn.functional.huber_loss": "write the two pieces yourself",
    "torch.nn.functional.smooth_l1_loss": "write the two pieces yourself",
}


def reference_fit(data: np.ndarray, delta: float | None, alpha: float, steps: int) -> float:
    """Gradient descent on mean(loss(c - data)); delta None means the squared loss."""
    c = 0.0
    for _ in range(steps):
        r = c - data
        slope = 2 * r if delta is None else np.clip(r, -delta, delta)
        c -= alpha * float(slope.mean())
    return c


def check_huber(module: ModuleType, r: np.ndarray, delta: float) -> None:
    huber = get_function(module, "huber")
    what = f"huber(r, delta={delta:g}) for r = {np.round(r, 2).tolist()}"
    with forbidden(SHORTCUTS, module):
        got = expect_tensor(huber(torch.tensor(r), delta), what)
    expect_shape(got, r.shape, what)
    values = got.detach().double().numpy()
    expected = F.huber_loss(
        torch.tensor(r), torch.zeros(len(r), dtype=torch.float64), reduction="none", delta=delta
    ).numpy()
    outside = np.abs(r) > delta
    if outside.any() and np.allclose(values[outside], delta * np.abs(r[outside])):
        raise CheckFailed(
            f"{what}: the linear piece is delta |r|, which does not meet r^2/2 at |r| = delta; "
            "it is delta (|r| - delta/2)"
        )
    inside = ~outside
    if (
        inside.any()
        and np.allclose(values[inside], r[inside] ** 2)
        and not np.allclose(r[inside], 0)
    ):
        raise CheckFailed(f"{what}: inside the threshold the loss is r^2 / 2, not r^2")
    expect_close(values, expected, what)


def check_fits(module: ModuleType, data: np.ndarray) -> None:
    best_constant = get_function(module, "best_constant")
    drag = get_function(module, "drag")
    tensor = torch.tensor(data)
    squared = reference_fit(data, None, 0.1, 200)
    got = expect_type(
        best_constant(tensor, lambda r: r**2, 0.1, 200), float, "best_constant with r^2"
    )
    if not np.isclose(got, squared, atol=1e-6):
        stale = np.isclose(got, data.mean(), atol=0.05)
        raise CheckFailed(
            f"best_constant(data, r^2, alpha=0.1, steps=200): expected {squared:.6f} (the mean), "
            f"got {got:.6f}"
            + ("" if stale else "; zero c.grad after each update: backward() adds to it")
        )
    huber = get_function(module, "huber")
    what = "best_constant(data, huber with delta 1, alpha=0.5, steps=400)"
    got = expect_type(best_constant(tensor, lambda r: huber(r, 1.0), 0.5, 400), float, what)
    expect_close(got, reference_fit(data, 1.0, 0.5, 400), what, atol=1e-6)
    outlier = float(data.max() + 25.0)
    for name, loss, delta, alpha, steps in (
        ("r^2", lambda r: r**2, None, 0.1, 200),
        ("huber, delta 1", lambda r: huber(r, 1.0), 1.0, 0.5, 400),
    ):
        expected = reference_fit(np.append(data, outlier), delta, alpha, steps) - reference_fit(
            data, delta, alpha, steps
        )
        what = f"drag(data, outlier={outlier:.2f}, {name})"
        got = expect_type(drag(tensor, outlier, loss, alpha, steps), float, what)
        if np.isclose(got, -expected, atol=1e-6):
            raise CheckFailed(
                f"{what}: {got:.4f} has the wrong sign; the outlier pulls c toward it"
            )
        expect_close(got, expected, what, atol=1e-6)


def check(module: ModuleType) -> None:
    fixed = (np.array([-3.0, -1.0, -0.5, 0.0, 0.5, 2.0]), 1.0)
    seeded = random_cases(
        131, 3, lambda rng: (rng.normal(0, 3, size=8), float(rng.uniform(0.5, 2.0)))
    )
    for r, delta in [fixed, *seeded]:
        check_huber(module, r, delta)
    for data in random_cases(
        132, 2, lambda rng: rng.normal(2.0, 0.5, size=int(rng.integers(6, 12)))
    ):
        check_fits(module, data)
