"""Exercise 1: Implement scalar gradient descent for a simple function.

Write the update x_{k+1} = x_k - alpha f'(x_k) for any derivative f', and the derivative
of f(x) = (x - 3)^2, whose minimum is at x = 3.
"""

from __future__ import annotations

from collections.abc import Callable


def shifted_derivative(x: float) -> float:
    """The slope f'(x) of f(x) = (x - 3)^2."""
    raise NotImplementedError("differentiate (x - 3)^2")


def descend(
    derivative: Callable[[float], float], x0: float, alpha: float, steps: int
) -> list[float]:
    """Gradient descent from x0: returns [x_0, x_1, ..., x_steps], steps + 1 floats."""
    raise NotImplementedError("start the list with x0, then one update per step")
