"""Exercise 2: behavioural cloning with the loss written by hand. The clone's network gives
two scores per state; the loss is the negative log-likelihood of the expert's labels under
the softmax of those scores, which F.cross_entropy computes (you may not call it here).
"""

from __future__ import annotations

import numpy as np
import torch
from torch import nn

from rlcourse.networks import mlp
from rlcourse.training import fit


def negative_log_likelihood(scores: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """-(1/N) sum_i log softmax(scores_i)[labels_i]: scores (N, A) float, labels (N,) int64,
    a scalar. log softmax(z)[a] = z_a - log sum_b exp(z_b); use torch.logsumexp."""
    chosen = scores.gather(1, labels.unsqueeze(1)).squeeze(1)  # (N,): z_{i, a_i}
    log_probabilities = chosen - torch.logsumexp(scores, dim=1)  # (N,)
    return -log_probabilities.mean()


def train_clone(states: np.ndarray, labels: np.ndarray, epochs: int, seed: int) -> nn.Module:
    """A clone fitted to (states (N, 4) float32, labels (N,) int64): mlp(4, (32,), 2), Adam
    with learning rate 1e-2, ``fit`` with batches of 64 and your loss; seeded by ``seed``."""
    torch.manual_seed(seed)
    network = mlp(4, (32,), 2)
    optimizer = torch.optim.Adam(network.parameters(), lr=1e-2)
    generator = torch.Generator().manual_seed(seed)
    inputs, targets = torch.as_tensor(states), torch.as_tensor(labels)
    fit(network, negative_log_likelihood, optimizer, inputs, targets, epochs, 64, generator)
    return network


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
