"""Exercise 1: Implement scalar gradient descent for a simple function.

Write the update x_{k+1} = x_k - alpha f'(x_k) for any derivative f', and the derivative
of f(x) = (x - 3)^2, whose minimum is at x = 3.
"""

from __future__ import annotations

from collections.abc import Callable


def shifted_derivative(x: float) -> float:
    """The slope f'(x) of f(x) = (x - 3)^2."""
    return 2.0 * (x - 3.0)


def descend(
    derivative: Callable[[float], float], x0: float, alpha: float, steps: int
) -> list[float]:
    """Gradient descent from x0: returns [x_0, x_1, ..., x_steps], steps + 1 floats."""
    iterates = [x0]
    x = x0
    for _ in range(steps):
        x = x - alpha * derivative(x)
        iterates.append(x)
    return iterates
