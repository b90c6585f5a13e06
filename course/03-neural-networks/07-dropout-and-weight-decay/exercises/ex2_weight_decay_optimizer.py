"""Exercise 2: Use weight decay with an optimizer.

Demo 2 takes one step from a fresh optimizer, where m_hat = g and v_hat = g^2. Write
several steps: the moments m and v carry over from step to step, and the bias
correction divides by 1 - beta^t at step t. Run `rlcourse check 3.7`.
"""

from __future__ import annotations

import torch

BETAS, EPS = (0.9, 0.999), 1e-8  # PyTorch's defaults


def adam_steps(
    theta: torch.Tensor, grads: list[torch.Tensor], lr: float, decay: float, decoupled: bool
) -> torch.Tensor:
    """The parameters after len(grads) steps of Adam(weight_decay=decay) (decoupled=False)
    or AdamW(weight_decay=decay) (decoupled=True) from a fresh optimizer, where grads[t]
    is the loss's gradient at step t + 1. By hand: no torch.optim."""
    raise NotImplementedError(
        "m, v = 0; per step: the decay, the moments, bias correction, the step"
    )
