"""Exercise 2: behavioural cloning with the loss written by hand. The clone's network gives
two scores per state; the loss is the negative log-likelihood of the expert's labels under
the softmax of those scores, which F.cross_entropy computes (you may not call it here).

Fill in both functions, run `rlcourse check 6.4`, then run this file: it clones a linear
expert from 1,500 random states and measures the clone on 500 others.
"""

from __future__ import annotations

import numpy as np
import torch
from torch import nn


def negative_log_likelihood(scores: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """-(1/N) sum_i log softmax(scores_i)[labels_i]: scores (N, A) float, labels (N,) int64,
    a scalar. log softmax(z)[a] = z_a - log sum_b exp(z_b); use torch.logsumexp."""
    # TODO: pick each row's score of its label (gather), subtract logsumexp, average, negate
    raise NotImplementedError("negative_log_likelihood")


def train_clone(states: np.ndarray, labels: np.ndarray, epochs: int, seed: int) -> nn.Module:
    """A clone fitted to (states (N, 4) float32, labels (N,) int64): mlp(4, (32,), 2), Adam
    with learning rate 1e-2, ``fit`` with batches of 64 and your loss; seeded by ``seed``."""
    # TODO: seed, build the network and the optimizer, then one call to fit
    raise NotImplementedError("train_clone")


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    states = rng.normal(0.0, [0.5, 0.5, 0.05, 0.5], size=(2000, 4)).astype(np.float32)
    labels = (states @ np.array([0.1, 0.5, 1.0, 0.5]) > 0).astype(np.int64)  # Demo 1's expert
    clone = train_clone(states[:1500], labels[:1500], epochs=40, seed=0)
    with torch.no_grad():
        guesses = clone(torch.as_tensor(states[1500:])).argmax(dim=1).numpy()
    print(
        f"agreement with the expert on 500 held-out states: {(guesses == labels[1500:]).mean():.1%}"
    )
