"""An experience replay buffer written from scratch (Part 5.2 introduces it).

The buffer keeps the last ``capacity`` transitions in preallocated NumPy arrays and
overwrites the oldest one when it is full (a circular index). Sampling draws a
minibatch uniformly at random, with replacement, from what is stored, and hands it
to PyTorch as tensors on the training device.

``terminated`` and ``truncated`` are stored separately on purpose: a terminated
transition ends the task (no future reward), a truncated one was only cut off by a
time limit, so a TD target must bootstrap through it. Lessons 5.3 and 5.4 reuse this
buffer: 5.3 turns replay off with :meth:`ReplayBuffer.latest` (the newest transitions, in
order) and saves the buffer in checkpoints with :meth:`ReplayBuffer.state_dict`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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
        return self._batch(self.rng.integers(0, self.size, size=batch_size))

    def _batch(self, indices: np.ndarray) -> Batch:
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

    # --8<-- [start:latest]
    def latest(self, count: int) -> Batch:
        """The ``count`` most recent transitions, oldest first: no replay (Part 5.3's ablation).

        A minibatch of consecutive steps of one or two episodes, strongly correlated, and
        each transition leaves it after ``count`` updates.
        """
        if self.size == 0:
            raise ValueError("cannot take transitions from an empty replay buffer")
        count = min(count, self.size)
        # Slot position - 1 holds the newest transition; go back `count` slots, wrapping round.
        return self._batch((self.position - count + np.arange(count)) % self.capacity)

    # --8<-- [end:latest]

    def state_dict(self) -> dict[str, Any]:
        """The stored transitions (as tensors, so a ``weights_only`` load accepts them) and
        the write position. The sampling generator's state is saved with the other random
        states (``rlcourse.checkpoints.random_states``)."""
        stored = {
            name: torch.from_numpy(getattr(self, name)[: self.size].copy()) for name in FIELDS
        }
        return {"capacity": self.capacity, "position": self.position, "size": self.size, **stored}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        """Put back what :meth:`state_dict` saved, into a buffer of the same capacity."""
        if state["capacity"] != self.capacity:
            raise ValueError(
                f"the saved buffer has capacity {state['capacity']}, this one {self.capacity}"
            )
        self.position, self.size = int(state["position"]), int(state["size"])
        for name in FIELDS:
            getattr(self, name)[: self.size] = state[name].numpy()


FIELDS = ("observations", "actions", "rewards", "next_observations", "terminated", "truncated")
