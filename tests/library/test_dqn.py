"""DQN pieces of lessons 5.2-5.4: network (plain and dueling), TD targets (plain and
Double DQN), loss, training with its ablation switches, checkpoints of the weights, GIF."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import torch
from gymnasium.spaces import Discrete
from torch import nn

from rlcourse.agents import dqn as dqn_module
from rlcourse.agents.dqn import (
    DQNConfig,
    QNetwork,
    double_next_q,
    dqn_loss,
    evaluate,
    load_q_network,
    max_next_q,
    record_agent,
    save_q_network,
    select_action,
    td_targets,
    train_dqn,
    update_target,
)
from rlcourse.agents.replay import Batch, ReplayBuffer

CPU = torch.device("cpu")


@pytest.fixture(autouse=True)
def one_thread() -> Iterator[None]:
    """Tiny networks train faster on one thread, above all on a busy machine."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def test_q_network_maps_a_batch_of_states_to_one_value_per_action() -> None:
    network = QNetwork(4, 2, (128, 128))
    q_values = network(torch.zeros(32, 4))
    assert q_values.shape == (32, 2) and q_values.dtype == torch.float32
    # (4*128 + 128) + (128*128 + 128) + (128*2 + 2) weights and biases
    assert sum(p.numel() for p in network.parameters()) == 640 + 16_512 + 258


def test_q_network_without_hidden_layers_is_linear() -> None:
    network = QNetwork(3, 5, ())
    assert [type(layer) for layer in network.layers] == [nn.Linear]


def test_targets_bootstrap_through_truncation_but_not_through_termination() -> None:
    rewards = torch.tensor([1.0, 1.0, 1.0])
    next_values = torch.tensor([10.0, 10.0, 10.0])
    # row 0: ordinary step, row 1: truncated by the time limit, row 2: terminated
    terminated = torch.tensor([0.0, 0.0, 1.0])
    targets = td_targets(rewards, next_values, terminated, gamma=0.9)
    assert torch.allclose(targets, torch.tensor([10.0, 10.0, 1.0]))


def test_a_truncated_transition_from_the_buffer_gets_the_bootstrapped_target() -> None:
    buffer = ReplayBuffer(capacity=2, observation_shape=(1,), seed=0)
    buffer.add(np.zeros(1), 0, 1.0, np.ones(1), terminated=False, truncated=True)
    buffer.add(np.zeros(1), 0, 2.0, np.ones(1), terminated=True, truncated=False)
    batch = buffer.sample(100)
    # A "target network" whose value of every next state is 5.
    constant = nn.Linear(1, 2)
    nn.init.zeros_(constant.weight)
    nn.init.constant_(constant.bias, 5.0)
    next_values = max_next_q(constant, batch.next_observations)
    targets = td_targets(batch.rewards, next_values, batch.terminated, gamma=0.5)
    truncated_rows = batch.truncated == 1.0
    assert truncated_rows.any() and (~truncated_rows).any()
    assert torch.all(targets[truncated_rows] == 1.0 + 0.5 * 5.0)
    assert torch.all(targets[~truncated_rows] == 2.0)


def test_dqn_loss_matches_a_hand_computation_and_leaves_the_target_alone() -> None:
    online, target = nn.Linear(1, 2, bias=False), nn.Linear(1, 2, bias=False)
    with torch.no_grad():
        online.weight.copy_(torch.tensor([[1.0], [2.0]]))  # Q(s) = (s, 2s)
        target.weight.copy_(torch.tensor([[3.0], [0.0]]))  # Q_target(s') = (3s', 0)
    batch = Batch(
        observations=torch.tensor([[1.0], [2.0]]),
        actions=torch.tensor([1, 0]),
        rewards=torch.tensor([1.0, 0.0]),
        next_observations=torch.tensor([[1.0], [1.0]]),
        terminated=torch.tensor([0.0, 1.0]),
        truncated=torch.tensor([0.0, 0.0]),
    )
    # Q(s, a) = (2, 2); y = (1 + 0.5 * 3, 0) = (2.5, 0); errors (-0.5, 2).
    # Huber with delta 1: 0.5 * 0.25 and 2 - 0.5; mean = (0.125 + 1.5) / 2.
    loss = dqn_loss(online, target, batch, gamma=0.5, huber=True)
    assert loss.item() == pytest.approx(0.8125)
    mse = dqn_loss(online, target, batch, gamma=0.5, huber=False)
    assert mse.item() == pytest.approx((0.25 + 4.0) / 2)
    loss.backward()
    assert online.weight.grad is not None and target.weight.grad is None


def test_select_action_is_greedy_at_epsilon_0_and_uniform_at_epsilon_1() -> None:
    network = nn.Linear(2, 3, bias=False)
    nn.init.constant_(network.weight, 0.0)
    with torch.no_grad():
        network.weight[2] = 1.0  # Q(s, 2) = s_0 + s_1, the others 0
    observation = np.array([1.0, 2.0], dtype=np.float32)
    space = Discrete(3, seed=0)
    rng = np.random.default_rng(0)
    greedy = {select_action(network, observation, 0.0, space, rng, CPU) for _ in range(50)}
    assert greedy == {2}
    explored = [select_action(network, observation, 1.0, space, rng, CPU) for _ in range(3000)]
    shares = np.bincount(explored, minlength=3) / len(explored)
    assert shares == pytest.approx([1 / 3] * 3, abs=0.04)


def test_update_target_copies_or_moves_part_of_the_way() -> None:
    online, target = nn.Linear(2, 1), nn.Linear(2, 1)
    nn.init.constant_(online.weight, 1.0)
    nn.init.constant_(target.weight, 0.0)
    update_target(target, online, tau=0.25)
    assert torch.allclose(target.weight, torch.full((1, 2), 0.25))
    update_target(target, online, tau=1.0)
    assert torch.equal(target.weight, online.weight)


def test_save_and_load_round_trip_gives_the_same_q_values(tmp_path: Path) -> None:
    network = QNetwork(4, 2, (16, 8))
    path = tmp_path / "nested" / "q.pt"
    save_q_network(network, path)
    loaded = load_q_network(path, 4, 2, (16, 8), CPU)
    states = torch.randn(10, 4)
    assert torch.equal(network(states), loaded(states))
    # The file holds tensors only, so the safe loader accepts it as it is.
    state = torch.load(path, weights_only=True)
    assert set(state) == set(network.state_dict())


QUICK = DQNConfig(total_steps=1_200, learning_starts=200, target_update_every=100)


def test_a_short_training_run_updates_the_network_and_logs_episodes() -> None:
    network, log = train_dqn(QUICK, seed=0, device=CPU, show_progress=False)
    assert log.steps == 1_200
    assert len(log.losses) == 1_200 - 200
    assert all(np.isfinite(log.losses))
    assert len(log.episode_returns) == len(log.episode_end_steps) > 0
    # CartPole pays 1 per step, so finished episodes account for at most every step.
    assert sum(log.episode_returns) <= 1_200
    assert log.episode_end_steps == sorted(log.episode_end_steps)
    returns = evaluate(network, "CartPole-v1", episodes=3, seed=123, device=CPU)
    assert len(returns) == 3 and all(1 <= r <= 500 for r in returns)


def test_training_is_reproducible_from_the_seed() -> None:
    config = dataclasses.replace(QUICK, total_steps=500)
    first, first_log = train_dqn(config, seed=3, device=CPU, show_progress=False)
    second, second_log = train_dqn(config, seed=3, device=CPU, show_progress=False)
    assert first_log.episode_returns == second_log.episode_returns
    assert first_log.losses == second_log.losses
    for a, b in zip(first.parameters(), second.parameters(), strict=True):
        assert torch.equal(a, b)


def test_evaluation_is_greedy_and_reproducible() -> None:
    network = QNetwork(4, 2, (8,))
    first = evaluate(network, "CartPole-v1", episodes=4, seed=5, device=CPU)
    second = evaluate(network, "CartPole-v1", episodes=4, seed=5, device=CPU)
    assert first == second


def _linear_q(weights: list[list[float]]) -> nn.Linear:
    """A Q-'network' Q(s) = W s with the given (A, observation_size) weights."""
    layer = nn.Linear(len(weights[0]), len(weights), bias=False)
    with torch.no_grad():
        layer.weight.copy_(torch.tensor(weights))
    return layer


def test_double_dqn_lets_the_online_network_choose_and_the_target_network_value() -> None:
    # The two networks disagree on the best next action: Double DQN takes the online one's.
    online = _linear_q([[1.0], [3.0], [2.0]])  # Q(s') = (1, 3, 2) s': argmax is action 1
    target = _linear_q([[5.0], [4.0], [0.0]])  # Q_target(s') = (5, 4, 0) s'
    next_observations = torch.tensor([[1.0], [-1.0]])
    # Row 0: online picks 1, target values it at 4. Row 1 (s' = -1): Q = (-1, -3, -2), the
    # online network picks 0, the target values it at -5. Plain DQN: max of the target's.
    assert torch.equal(double_next_q(online, target, next_observations), torch.tensor([4.0, -5.0]))
    assert torch.equal(max_next_q(target, next_observations), torch.tensor([5.0, 0.0]))


def test_the_double_dqn_loss_matches_a_hand_computation() -> None:
    online = _linear_q([[1.0], [2.0]])  # Q(s) = (s, 2s)
    target = _linear_q([[3.0], [0.0]])  # Q_target(s') = (3s', 0)
    batch = Batch(
        observations=torch.tensor([[1.0], [2.0]]),
        actions=torch.tensor([1, 0]),
        rewards=torch.tensor([1.0, 0.0]),
        next_observations=torch.tensor([[1.0], [1.0]]),
        terminated=torch.tensor([0.0, 0.0]),
        truncated=torch.tensor([0.0, 1.0]),
    )
    # Q(s, a) = (2, 2). Online argmax at s' = 1 is action 1, which the target values at 0:
    # y = (1 + 0.5 * 0, 0 + 0.5 * 0) = (1, 0); plain DQN would use max = 3: y = (2.5, 1.5).
    double = dqn_loss(online, target, batch, gamma=0.5, double=True)
    assert double.item() == pytest.approx((1.0 + 4.0) / 2)
    plain = dqn_loss(online, target, batch, gamma=0.5)
    assert plain.item() == pytest.approx((0.25 + 0.25) / 2)


def test_a_terminated_transition_has_no_bootstrap_in_double_dqn_either() -> None:
    online, target = _linear_q([[1.0], [2.0]]), _linear_q([[3.0], [7.0]])
    next_values = double_next_q(online, target, torch.tensor([[1.0], [1.0]]))  # (7, 7)
    targets = td_targets(torch.tensor([1.0, 1.0]), next_values, torch.tensor([1.0, 0.0]), 0.5)
    assert torch.equal(targets, torch.tensor([1.0, 4.5]))


def test_the_dueling_head_adds_the_value_to_mean_centred_advantages() -> None:
    network = QNetwork(2, 3, (4,), dueling=True)
    with torch.no_grad():
        network.value_head.weight.fill_(0.0)
        network.value_head.bias.fill_(10.0)  # V(s) = 10
        network.advantage_head.weight.fill_(0.0)
        network.advantage_head.bias.copy_(torch.tensor([1.0, 2.0, 6.0]))  # A = (1, 2, 6)
    q_values = network(torch.randn(5, 2))
    # mean A = 3, so Q = 10 + (1, 2, 6) - 3 for every state.
    assert q_values.shape == (5, 3)
    assert torch.allclose(q_values, torch.tensor([8.0, 9.0, 13.0]).expand(5, 3))


def test_dueling_q_values_average_to_the_state_value() -> None:
    network = QNetwork(4, 2, (16, 8), dueling=True)
    states = torch.randn(7, 4)
    value = network.value_head(network.layers(states)).squeeze(1)
    assert torch.allclose(network(states).mean(dim=1), value, atol=1e-6)
    with pytest.raises(ValueError, match="at least one hidden layer"):
        QNetwork(4, 2, (), dueling=True)


def test_the_ablation_switches_change_what_the_update_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """replay=False trains on the newest transitions, target_network=False bootstraps from
    the online network itself; the defaults sample the buffer and use the target network."""
    calls: list[tuple[bool, int]] = []
    real_loss = dqn_module.dqn_loss

    def recording_loss(
        online: nn.Module,
        target: nn.Module,
        batch: Batch,
        gamma: float,
        huber: bool = False,
        double: bool = False,
    ) -> torch.Tensor:
        calls.append((online is target, len(batch.rewards)))
        return real_loss(online, target, batch, gamma, huber, double)

    monkeypatch.setattr(dqn_module, "dqn_loss", recording_loss)
    tiny = DQNConfig(total_steps=60, learning_starts=40, batch_size=16, hidden_sizes=(8,))
    train_dqn(tiny, seed=0, device=CPU, show_progress=False)
    assert calls and all(not same for same, _ in calls)
    calls.clear()
    train_dqn(dataclasses.replace(tiny, target_network=False), 0, CPU, show_progress=False)
    assert calls and all(same for same, _ in calls)

    def no_sampling(self: ReplayBuffer, batch_size: int) -> Batch:
        raise AssertionError("replay=False must not sample the buffer")

    monkeypatch.setattr(ReplayBuffer, "sample", no_sampling)
    calls.clear()
    train_dqn(dataclasses.replace(tiny, replay=False), 0, CPU, show_progress=False)
    assert [size for _, size in calls] == [16] * (60 - 40)


def test_a_gif_of_the_trained_agent_is_written(tmp_path: Path) -> None:
    network = QNetwork(4, 2, (8,))
    recording = record_agent(network, "CartPole-v1", tmp_path / "agent.gif", seed=0, device=CPU)
    assert (tmp_path / "agent.gif").stat().st_size > 0
    assert recording.steps >= 1 and recording.episode_return == recording.steps


def test_a_target_refreshed_after_every_update_is_no_target_network() -> None:
    """With C = 1 the target network equals the online one whenever a target is computed,
    so the run is bit for bit the run without a target network (Part 5.3, Demo 3)."""
    every_update = DQNConfig(
        total_steps=300,
        learning_starts=100,
        batch_size=16,
        hidden_sizes=(8,),
        target_update_every=1,
    )
    first, first_log = train_dqn(every_update, 0, CPU, show_progress=False)
    without = dataclasses.replace(every_update, target_network=False)
    second, second_log = train_dqn(without, 0, CPU, show_progress=False)
    assert first_log.losses == second_log.losses and len(first_log.losses) == 200
    assert all(
        torch.equal(a, b) for a, b in zip(first.parameters(), second.parameters(), strict=True)
    )
