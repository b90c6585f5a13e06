"""The replay buffer of lesson 5.2: circular storage, uniform sampling, separate end flags."""

from __future__ import annotations

import gymnasium as gym
import numpy as np
import pytest
import torch

from rlcourse.agents.replay import ReplayBuffer


def _fill(buffer: ReplayBuffer, count: int) -> None:
    """Transition i has observation (i, i), action i % 2, reward i, next observation (i+1, i+1)."""
    for i in range(count):
        buffer.add(
            np.full(2, i, dtype=np.float32),
            i % 2,
            float(i),
            np.full(2, i + 1, dtype=np.float32),
            terminated=False,
            truncated=False,
        )


def test_length_grows_until_capacity_then_stays() -> None:
    buffer = ReplayBuffer(capacity=3, observation_shape=(2,), seed=0)
    assert len(buffer) == 0
    _fill(buffer, 2)
    assert len(buffer) == 2
    _fill(buffer, 5)
    assert len(buffer) == 3


def test_wrap_around_overwrites_the_oldest_transitions() -> None:
    buffer = ReplayBuffer(capacity=4, observation_shape=(2,), seed=0)
    _fill(buffer, 6)  # rewards 0..5 into 4 slots: 4 and 5 overwrite 0 and 1
    assert buffer.rewards.tolist() == [4.0, 5.0, 2.0, 3.0]
    assert buffer.position == 2
    batch = buffer.sample(500)
    assert set(batch.rewards.tolist()) == {2.0, 3.0, 4.0, 5.0}
    # Each row is one transition: its fields stay together.
    assert torch.equal(batch.observations[:, 0], batch.rewards)
    assert torch.equal(batch.next_observations[:, 0], batch.rewards + 1)
    assert torch.equal(batch.actions, batch.rewards.long() % 2)


def test_sample_only_draws_stored_transitions_with_the_right_shapes_and_dtypes() -> None:
    buffer = ReplayBuffer(capacity=100, observation_shape=(2,), seed=0)
    _fill(buffer, 5)
    batch = buffer.sample(64)
    assert batch.observations.shape == (64, 2) and batch.observations.dtype == torch.float32
    assert batch.next_observations.shape == (64, 2)
    assert batch.actions.shape == (64,) and batch.actions.dtype == torch.int64
    for flags in (batch.rewards, batch.terminated, batch.truncated):
        assert flags.shape == (64,) and flags.dtype == torch.float32
    assert set(batch.rewards.tolist()) <= {0.0, 1.0, 2.0, 3.0, 4.0}


def test_sampling_is_reproducible_from_the_seed() -> None:
    first, second, other = (ReplayBuffer(50, (2,), seed=s) for s in (7, 7, 8))
    for buffer in (first, second, other):
        _fill(buffer, 50)
    assert torch.equal(first.sample(32).rewards, second.sample(32).rewards)
    assert not torch.equal(first.sample(32).rewards, other.sample(32).rewards)


def test_terminated_and_truncated_are_stored_apart() -> None:
    buffer = ReplayBuffer(capacity=10, observation_shape=(1,), seed=0)
    ends = {1.0: (True, False), 2.0: (False, True), 3.0: (False, False)}
    for reward, (terminated, truncated) in ends.items():
        buffer.add(np.zeros(1), 0, reward, np.zeros(1), terminated, truncated)
    batch = buffer.sample(200)
    for reward, (terminated, truncated) in ends.items():
        rows = batch.rewards == reward
        assert rows.any()
        assert torch.all(batch.terminated[rows] == float(terminated))
        assert torch.all(batch.truncated[rows] == float(truncated))


def test_a_time_limit_is_recorded_as_truncated_not_terminated() -> None:
    # A 5-step time limit on CartPole: with the pole still up, the last step is truncated.
    env = gym.make("CartPole-v1", max_episode_steps=5)
    buffer = ReplayBuffer(capacity=10, observation_shape=(4,), seed=0)
    observation, _ = env.reset(seed=0)
    terminated = truncated = False
    while not (terminated or truncated):
        action = len(buffer) % 2  # alternate pushes: the pole stays up for 5 steps
        next_observation, reward, terminated, truncated, _ = env.step(action)
        buffer.add(observation, action, float(reward), next_observation, terminated, truncated)
        observation = next_observation
    env.close()
    assert len(buffer) == 5
    assert buffer.truncated[:5].tolist() == [0.0, 0.0, 0.0, 0.0, 1.0]
    assert buffer.terminated[:5].tolist() == [0.0] * 5


def test_empty_buffer_and_bad_capacity_are_errors() -> None:
    with pytest.raises(ValueError, match="capacity"):
        ReplayBuffer(capacity=0, observation_shape=(2,), seed=0)
    with pytest.raises(ValueError, match="empty"):
        ReplayBuffer(capacity=3, observation_shape=(2,), seed=0).sample(1)


def test_latest_gives_the_newest_transitions_in_order_across_the_wrap() -> None:
    buffer = ReplayBuffer(capacity=5, observation_shape=(2,), seed=0)
    _fill(buffer, 3)
    assert buffer.latest(2).rewards.tolist() == [1.0, 2.0]
    assert buffer.latest(10).rewards.tolist() == [0.0, 1.0, 2.0]  # only what is stored
    _fill(buffer, 8)  # rewards 0..7 into 5 slots: 3..7 remain, 5, 6, 7 in slots 0, 1, 2
    assert buffer.latest(4).rewards.tolist() == [4.0, 5.0, 6.0, 7.0]
    assert buffer.latest(4).next_observations[:, 0].tolist() == [5.0, 6.0, 7.0, 8.0]
    with pytest.raises(ValueError, match="empty"):
        ReplayBuffer(capacity=3, observation_shape=(2,), seed=0).latest(1)


def test_state_dict_round_trip_restores_contents_and_position() -> None:
    buffer = ReplayBuffer(capacity=4, observation_shape=(2,), seed=0)
    _fill(buffer, 6)
    copy = ReplayBuffer(capacity=4, observation_shape=(2,), seed=0)
    copy.load_state_dict(buffer.state_dict())
    assert (copy.position, copy.size) == (buffer.position, buffer.size) == (2, 4)
    assert np.array_equal(copy.observations, buffer.observations)
    assert np.array_equal(copy.rewards, buffer.rewards)
    assert torch.equal(copy.latest(4).actions, buffer.latest(4).actions)
    # The saved contents are tensors, which torch.load(weights_only=True) accepts.
    assert all(
        isinstance(buffer.state_dict()[name], torch.Tensor) for name in ("rewards", "actions")
    )
    with pytest.raises(ValueError, match="capacity 4"):
        ReplayBuffer(capacity=8, observation_shape=(2,), seed=0).load_state_dict(
            buffer.state_dict()
        )
