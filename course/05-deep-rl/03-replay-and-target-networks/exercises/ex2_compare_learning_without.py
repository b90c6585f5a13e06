"""Exercise 2: the two ways of choosing a minibatch, with experience replay and without.

A circular buffer of ``capacity`` slots holds ``size`` transitions; the next one will be
written to slot ``position``. Write ``minibatch_indices``, which returns the slots of a
minibatch: drawn uniformly from the stored transitions with replay, the newest ones in
order without. Then run this file: it trains DQN both ways on two seeds (a few minutes)
and prints the greedy scores. `rlcourse check 5.3` checks the function.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import torch

from rlcourse.agents.dqn import DQNConfig, evaluate, train_dqn


def minibatch_indices(
    position: int,
    size: int,
    capacity: int,
    batch_size: int,
    replay: bool,
    rng: np.random.Generator,
) -> np.ndarray:
    """Slots of a minibatch, int64 array.

    replay=True: ``batch_size`` slots drawn uniformly with replacement from the ``size``
    stored transitions, as ``rng.integers(0, size, size=batch_size)``.
    replay=False: the ``min(batch_size, size)`` newest transitions, oldest first; slot
    ``position - 1`` holds the newest, and slots wrap round at ``capacity``.
    """
    raise NotImplementedError("minibatch_indices")


def compare(total_steps: int = 20_000, seeds: tuple[int, ...] = (0, 1)) -> None:
    """Given: train with and without replay (the library's ``ReplayBuffer.latest`` does what
    ``minibatch_indices(..., replay=False)`` does) and print each final greedy score."""
    device = torch.device("cpu")
    settings = DQNConfig(
        total_steps=total_steps, hidden_sizes=(64, 64), batch_size=64, train_every=4
    )
    for replay in (True, False):
        config = dataclasses.replace(settings, replay=replay)
        for seed in seeds:
            network, _ = train_dqn(config, seed, device)
            returns = evaluate(network, config.env_id, 100, 30_000 + seed, device)
            print(f"replay={replay}, seed {seed}: greedy mean {np.mean(returns):.1f}")


if __name__ == "__main__":
    compare()
