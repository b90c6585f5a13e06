"""Exercise 4: Experiment with different learning rates and observe convergence.

On a bowl f(x) = 1/2 (a_0 x_0^2 + ... + a_{n-1} x_{n-1}^2) with positive curvatures a_i,
find by experiment which step size from a list reaches a tolerance in the fewest steps.
"""

from __future__ import annotations

import torch


def largest_stable_step(curvatures: torch.Tensor) -> float:
    """2 / L, where L is the largest curvature: every alpha below it converges."""
    return 2.0 / curvatures.max().item()


def steps_to_tolerance(
    curvatures: torch.Tensor, x0: torch.Tensor, alpha: float, tolerance: float, max_steps: int
) -> int:
    """The first k (0 <= k <= max_steps) with f(x_k) < tolerance, or -1 if there is none."""
    x = x0
    for k in range(max_steps + 1):
        if 0.5 * (curvatures * x**2).sum().item() < tolerance:
            return k
        x = x - alpha * curvatures * x  # grad f(x) = (a_0 x_0, ..., a_{n-1} x_{n-1})
    return -1


def fastest_step(
    curvatures: torch.Tensor,
    x0: torch.Tensor,
    alphas: list[float],
    tolerance: float,
    max_steps: int,
) -> float:
    """The alpha in ``alphas`` that reaches the tolerance in the fewest steps (the first such
    alpha if several tie); runs that never reach it do not count."""
    best_alpha, best_steps = -1.0, max_steps + 1
    for alpha in alphas:
        steps = steps_to_tolerance(curvatures, x0, alpha, tolerance, max_steps)
        if 0 <= steps < best_steps:
            best_alpha, best_steps = alpha, steps
    return best_alpha
