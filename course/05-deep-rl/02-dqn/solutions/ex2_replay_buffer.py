"""Exercise 2: a replay buffer from scratch whose minibatches always contain the newest transition.

Sampling only old transitions means a new experience may wait a long time before it
is learned from. *Combined experience replay* puts the newest transition into every
minibatch (row 0) and fills the other rows uniformly from the whole buffer.

Fill in the methods, then run this file and `rlcourse check 5.2`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch


@dataclass(frozen=True)
class Batch:
    observations: torch.Tensor  # (B, observation_size), float32
    actions: torch.Tensor  # (B,), int64
    rewards: torch.Tensor  # (B,), float32
    next_observations: torch.Tensor  # (B, observation_size), float32
    terminated: torch.Tensor  # (B,), float32, 1.0 where the episode really ended
    truncated: torch.Tensor  # (B,), float32, 1.0 where a time limit cut it


class CombinedReplayBuffer:
    """At most ``capacity`` transitions; once full, each new one replaces the oldest."""

    def __init__(self, capacity: int, observation_size: int, seed: int) -> None:
        self.capacity = capacity
        self.observations = np.zeros((capacity, observation_size), dtype=np.float32)
        self.next_observations = np.zeros((capacity, observation_size), dtype=np.float32)
        self.actions = np.zeros(capacity, dtype=np.int64)
        self.rewards = np.zeros(capacity, dtype=np.float32)
        self.terminated = np.zeros(capacity, dtype=np.float32)
        self.truncated = np.zeros(capacity, dtype=np.float32)
        self.position = 0
        self.size = 0
        self.rng = np.random.default_rng(seed)

    def __len__(self) -> int:
        """How many transitions are stored (never more than capacity)."""
        return self.size

    def add(
        self,
        observation: np.ndarray,
        action: int,
        reward: float,
        next_observation: np.ndarray,
        terminated: bool,
        truncated: bool,
    ) -> None:
        """Store one transition, overwriting the oldest once the buffer is full."""
        i = self.position
        self.observations[i] = observation
        self.actions[i] = action
        self.rewards[i] = reward
        self.next_observations[i] = next_observation
        self.terminated[i] = float(terminated)
        self.truncated[i] = float(truncated)
        self.position = (i + 1) % self.capacity
        self.size = min(self.size + 1, self.capacity)

    def sample(self, batch_size: int) -> Batch:
        """Row 0: the newest transition. Rows 1..B-1: uniform draws (with replacement)
        from all stored transitions. Raises ValueError if the buffer is empty."""
        if self.size == 0:
            raise ValueError("cannot sample from an empty buffer")
        newest = (self.position - 1) % self.capacity  # the slot written last, even after a wrap
        others = self.rng.integers(0, self.size, size=batch_size - 1)
        indices = np.concatenate(([newest], others))
        return Batch(
            observations=torch.from_numpy(self.observations[indices]),
            actions=torch.from_numpy(self.actions[indices]),
            rewards=torch.from_numpy(self.rewards[indices]),
            next_observations=torch.from_numpy(self.next_observations[indices]),
            terminated=torch.from_numpy(self.terminated[indices]),
            truncated=torch.from_numpy(self.truncated[indices]),
        )


if __name__ == "__main__":
    buffer = CombinedReplayBuffer(capacity=4, observation_size=2, seed=0)
    for i in range(6):
        observation = np.full(2, i, dtype=np.float32)
        buffer.add(observation, i % 2, float(i), observation + 1, i == 5, i == 4)
    batch = buffer.sample(8)
    print("stored:", len(buffer), "| rewards in a batch:", batch.rewards.tolist())
