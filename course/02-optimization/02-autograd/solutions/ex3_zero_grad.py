"""Exercise 3: Zero gradients and explain why this is necessary in training loops.

Show that backward() adds to .grad, then write a gradient-descent loop with autograd that
zeroes the gradient at every step.
"""

from __future__ import annotations

import torch


def accumulated_grad(x_value: float, calls: int) -> float:
    """x.grad after ``calls`` backward() calls on f(x) = x^2 at x_value, never zeroed."""
    x = torch.tensor(x_value, dtype=torch.float64, requires_grad=True)
    for _ in range(calls):
        (x**2).backward()
    assert x.grad is not None
    return x.grad.item()


def train(target: float, alpha: float, steps: int) -> list[float]:
    """Gradient descent on g(w) = (w - target)^2 from w = 0, the gradient by autograd.

    Returns [w_0, w_1, ..., w_steps] as floats.
    """
    w = torch.tensor(0.0, dtype=torch.float64, requires_grad=True)
    path = [w.item()]
    for _ in range(steps):
        loss = (w - target) ** 2
        loss.backward()
        grad = w.grad
        assert grad is not None
        with torch.no_grad():
            w -= alpha * grad
        grad.zero_()
        path.append(w.item())
    return path
