"""Check for exercise 3: each update rule against an answer computed another way, on fixed
and random inputs, with the least-squares routines the task rules out made to raise."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_shape,
    expect_tensor,
    expect_true,
    forbidden,
    get_function,
    random_cases,
)

READY_MADE = {
    name: "solve the normal equations (X^T X) theta = X^T y with torch.linalg.solve"
    for name in (
        "torch.linalg.lstsq",
        "numpy.linalg.lstsq",
        "numpy.polyfit",
        "torch.linalg.pinv",
        "numpy.linalg.pinv",
    )
}


def check_least_squares(module: ModuleType) -> None:
    least_squares = get_function(module, "least_squares")
    generator = torch.Generator().manual_seed(0)
    x = torch.rand(50, generator=generator, dtype=torch.float64) * 4 - 2
    y = -1.5 * x + 3.0 + 0.3 * torch.randn(50, generator=generator, dtype=torch.float64)
    w, b = np.polyfit(x.numpy(), y.numpy(), deg=1)  # NumPy's own least-squares line
    with forbidden(READY_MADE, module):
        got = expect_tensor(least_squares(x, y), "least_squares(x, y)")
    expect_shape(got, (2,), "least_squares(x, y)")
    if np.allclose(got.numpy(), [b, w], atol=1e-8):
        raise CheckFailed(
            f"least_squares(x, y): got (b, w) = {got.tolist()}, the intercept first; "
            "return (w, b): the columns of X are x, then 1"
        )
    expect_close(got, np.array([w, b]), "least_squares(x, y) = (w, b)", atol=1e-8)
    exact = least_squares(torch.tensor([0.0, 1.0, 2.0]), torch.tensor([1.0, 3.0, 5.0]))
    expect_close(
        exact, np.array([2.0, 1.0]), "least_squares on the points of y = 2x + 1", atol=1e-5
    )


def check_k_means_step(module: ModuleType) -> None:
    k_means_step = get_function(module, "k_means_step")
    points = torch.tensor([[0.0, 0.0], [0.0, 2.0], [10.0, 0.0], [12.0, 0.0], [11.0, 3.0]])
    centres = torch.tensor([[1.0, 1.0], [9.0, 1.0], [50.0, 50.0]])  # the third attracts nobody
    before = (points.clone(), centres.clone())
    got = expect_tensor(k_means_step(points, centres), "k_means_step(points, centres)")
    expect_shape(got, (3, 2), "k_means_step(points, centres)")
    expected = np.array([[0.0, 1.0], [11.0, 1.0], [50.0, 50.0]])  # means of {0,1} and {2,3,4}
    expect_close(got, expected, "k_means_step: new centres (an empty cluster stays put)")
    expect_true(
        torch.equal(points, before[0]) and torch.equal(centres, before[1]),
        "k_means_step changed its inputs: work on a copy (centres.clone())",
    )
    for points, centres in random_cases(14, 3, random_clusters):
        expect_close(
            k_means_step(points, centres),
            reference_k_means(points, centres),
            f"k_means_step on {len(points)} random points and {len(centres)} centres",
        )


def random_clusters(rng: np.random.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    points = torch.from_numpy(rng.normal(size=(int(rng.integers(5, 20)), 2)))
    return points, torch.from_numpy(rng.normal(size=(int(rng.integers(2, 5)), 2)))


def reference_k_means(points: torch.Tensor, centres: torch.Tensor) -> np.ndarray:
    """Lloyd's step with loops: nearest centre (lowest index on a tie), then means."""
    p, c = points.numpy(), centres.numpy()
    nearest = [int(np.argmin([np.sum((x - m) ** 2) for m in c])) for x in p]
    return np.array(
        [
            p[[i for i, n in enumerate(nearest) if n == j]].mean(axis=0) if j in nearest else c[j]
            for j in range(len(c))
        ]
    )


def check_bandit_update(module: ModuleType) -> None:
    bandit_update = get_function(module, "bandit_update")
    estimates, counts = torch.zeros(3), torch.zeros(3)
    pulls = [(1, 1.0), (1, 0.0), (0, 1.0), (1, 1.0), (1, 1.0), (2, 0.0)]
    for arm, reward in pulls:
        before = (estimates.clone(), counts.clone())
        result = bandit_update(estimates, counts, arm, reward)
        if not isinstance(result, tuple) or len(result) != 2:
            raise CheckFailed("bandit_update should return a pair (estimates, counts)")
        expect_true(
            torch.equal(estimates, before[0]) and torch.equal(counts, before[1]),
            "bandit_update changed its inputs: return new tensors (clone first)",
        )
        estimates = expect_tensor(result[0], "bandit_update(...)[0], the estimates")
        counts = expect_tensor(result[1], "bandit_update(...)[1], the counts")
    pulls += [
        (int(a), float(r)) for a, r in random_cases(15, 12, lambda g: (g.integers(3), g.random()))
    ]
    for arm, reward in pulls[6:]:
        estimates, counts = bandit_update(estimates, counts, arm, reward)
    seen = {arm: [r for a, r in pulls if a == arm] for arm in range(3)}
    expected_means = np.array([np.mean(seen[arm]) for arm in range(3)])
    expected_counts = np.array([float(len(seen[arm])) for arm in range(3)])
    expect_close(counts, expected_counts, f"counts after the pulls {pulls}")
    expect_close(estimates, expected_means, f"estimates (each arm's mean reward) after {pulls}")


def check(module: ModuleType) -> None:
    check_least_squares(module)
    check_k_means_step(module)
    check_bandit_update(module)
