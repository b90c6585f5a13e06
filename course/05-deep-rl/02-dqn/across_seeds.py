"""What Demos 3 and 5 report about several training runs of DQN on CartPole-v1."""

from __future__ import annotations

import numpy as np

SOLVED = 475.0  # CartPole-v1's reward threshold: mean return over 100 episodes


def standard_error(values: np.ndarray) -> float:
    """Sample standard deviation over sqrt(n): how far the mean of n runs may be off."""
    return float(values.std(ddof=1) / np.sqrt(len(values)))
