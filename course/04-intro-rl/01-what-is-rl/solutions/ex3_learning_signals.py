"""Exercise 3: Compare supervised, unsupervised, and RL code snippets (solution).

Three update rules, one per kind of learning. Each learns from a different signal:
a label for every input, no label at all, or a reward for the one action taken.
"""

from __future__ import annotations

import torch


def least_squares(x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Supervised: (w, b) of the line minimizing sum_i (w x_i + b - y_i)^2, shape (2,).

    ``x`` and ``y`` have shape (n,). Solve the normal equations (X^T X) theta = X^T y,
    with X of shape (n, 2) holding the columns x and 1, using torch.linalg.solve
    (not torch.linalg.lstsq).
    """
    design = torch.stack([x, torch.ones_like(x)], dim=1)  # X, (n, 2)
    return torch.linalg.solve(design.T @ design, design.T @ y)


def k_means_step(points: torch.Tensor, centres: torch.Tensor) -> torch.Tensor:
    """Unsupervised: one iteration of Lloyd's algorithm, the new centres, shape (k, d).

    ``points`` (n, d), ``centres`` (k, d). Assign each point to its nearest centre
    (Euclidean distance; on a tie, the lower index), then move each centre to the mean
    of its points. A centre with no points stays where it is. Do not modify the inputs.
    """
    nearest = torch.cdist(points, centres).argmin(dim=1)  # (n,)
    new_centres = centres.clone()
    for j in range(len(centres)):
        members = points[nearest == j]
        if len(members) > 0:
            new_centres[j] = members.mean(dim=0)
    return new_centres


def bandit_update(
    estimates: torch.Tensor, counts: torch.Tensor, arm: int, reward: float
) -> tuple[torch.Tensor, torch.Tensor]:
    """RL: new (estimates, counts), shapes (k,), after pulling ``arm`` and seeing ``reward``.

    Only the pulled arm changes: its count goes up by 1 and its estimate moves to the
    mean of all rewards it has paid, Q <- Q + (reward - Q) / count. Return new tensors;
    do not modify the inputs.
    """
    new_estimates, new_counts = estimates.clone(), counts.clone()
    new_counts[arm] += 1
    new_estimates[arm] += (reward - new_estimates[arm]) / new_counts[arm]
    return new_estimates, new_counts
