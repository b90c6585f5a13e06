"""An experience replay buffer written from scratch (Part 5.2 introduces it).

The buffer keeps the last ``capacity`` transitions in preallocated NumPy arrays and
overwrites the oldest one when it is full (a circular index). Sampling draws a
minibatch uniformly at random, with replacement, from what is stored, and hands it
to PyTorch as tensors on the training device.

``terminated`` and ``truncated`` are stored separately on purpose: a terminated
transition ends the task (no future reward), a truncated one was only cut off by a
time limit, so a TD target must bootstrap through it. Lessons 5.3 and 5.4 reuse this
buffer.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch


# --8<-- [start:batch]
@dataclass(frozen=True)
class Batch:
    """A minibatch of B transitions, as tensors on one device."""

    observations: torch.Tensor  # (B, *observation_shape), float32
    actions: torch.Tensor  # (B,), int64: indices into the Q-network's outputs
    rewards: torch.Tensor  # (B,), float32
    next_observations: torch.Tensor  # (B, *observation_shape), float32
    terminated: torch.Tensor  # (B,), float32: 1.0 where s' is a terminal state
    truncated: torch.Tensor  # (B,), float32: 1.0 where a time limit cut the episode


# --8<-- [end:batch]


# --8<-- [start:buffer]
class ReplayBuffer:
    """A fixed-size store of transitions with uniform random sampling."""

    def __init__(
        self,
        capacity: int,
        observation_shape: tuple[int, ...],
        seed: int,
        device: torch.device | None = None,
    ) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, got {capacity}")
        self.capacity = capacity
        self.device = device or torch.device("cpu")
        # Preallocate everything once: adding a transition is then a few array writes.
        self.observations = np.zeros((capacity, *observation_shape), dtype=np.float32)
        self.next_observations = np.zeros((capacity, *observation_shape), dtype=np.float32)
        self.actions = np.zeros(capacity, dtype=np.int64)
        self.rewards = np.zeros(capacity, dtype=np.float32)
        self.terminated = np.zeros(capacity, dtype=np.float32)
        self.truncated = np.zeros(capacity, dtype=np.float32)
        self.position = 0  # where the next transition goes
        self.size = 0  # how many slots hold a transition
        self.rng = np.random.default_rng(seed)

    def __len__(self) -> int:
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
        """Store one transition, overwriting the oldest one once the buffer is full."""
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
        """``batch_size`` transitions drawn uniformly (with replacement) from the stored ones."""
        if self.size == 0:
            raise ValueError("cannot sample from an empty replay buffer")
        indices = self.rng.integers(0, self.size, size=batch_size)
        return Batch(
            observations=self._tensor(self.observations[indices]),
            actions=self._tensor(self.actions[indices]),
            rewards=self._tensor(self.rewards[indices]),
            next_observations=self._tensor(self.next_observations[indices]),
            terminated=self._tensor(self.terminated[indices]),
            truncated=self._tensor(self.truncated[indices]),
        )

    def _tensor(self, array: np.ndarray) -> torch.Tensor:
        return torch.from_numpy(array).to(self.device)


# --8<-- [end:buffer]
