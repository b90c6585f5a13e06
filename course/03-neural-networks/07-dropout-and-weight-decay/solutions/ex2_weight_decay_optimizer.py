"""Exercise 2: Use weight decay with an optimizer."""

from __future__ import annotations

import torch

BETAS, EPS = (0.9, 0.999), 1e-8  # PyTorch's defaults


def adam_steps(
    theta: torch.Tensor, grads: list[torch.Tensor], lr: float, decay: float, decoupled: bool
) -> torch.Tensor:
    """The parameters after len(grads) steps of Adam(weight_decay=decay) (decoupled=False)
    or AdamW(weight_decay=decay) (decoupled=True) from a fresh optimizer, where grads[t]
    is the loss's gradient at step t + 1. By hand: no torch.optim."""
    m = torch.zeros_like(theta)
    v = torch.zeros_like(theta)
    for t, g in enumerate(grads, start=1):
        if decoupled:
            theta = theta - lr * decay * theta  # AdamW: shrink the weights themselves
        else:
            g = g + decay * theta  # Adam: L2's gradient joins the loss's
        m = BETAS[0] * m + (1 - BETAS[0]) * g
        v = BETAS[1] * v + (1 - BETAS[1]) * g**2
        m_hat = m / (1 - BETAS[0] ** t)  # bias correction: m and v started at 0
        v_hat = v / (1 - BETAS[1] ** t)
        theta = theta - lr * m_hat / (v_hat.sqrt() + EPS)
    return theta
