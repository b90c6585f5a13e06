"""Exercise 3: Zero gradients and explain why this is necessary in training loops.

Show that backward() adds to .grad, then write a gradient-descent loop with autograd that
zeroes the gradient at every step.
"""

from __future__ import annotations

import torch  # noqa: F401  (you will need it)


def accumulated_grad(x_value: float, calls: int) -> float:
    """x.grad after ``calls`` backward() calls on f(x) = x^2 at x_value, never zeroed."""
    raise NotImplementedError("one leaf, then a fresh x**2 and backward() in a loop")


def train(target: float, alpha: float, steps: int) -> list[float]:
    """Gradient descent on g(w) = (w - target)^2 from w = 0, the gradient by autograd.

    Returns [w_0, w_1, ..., w_steps] as floats.
    """
    raise NotImplementedError("loss, backward, update under torch.no_grad(), zero w.grad")
