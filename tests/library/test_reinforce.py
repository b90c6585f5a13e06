"""REINFORCE of lesson 5.5: returns by hand, terminated against truncated, the loss and its
gradient, sampling, reproducibility, metrics and the checkpoint."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from rlcourse.agents.reinforce import (
    CHECKPOINT_NAME,
    Episode,
    ReinforceConfig,
    episode_losses,
    episode_reward_to_go,
    evaluate,
    load_agent,
    log_probabilities,
    make_policy,
    policy_loss,
    reward_to_go,
    sample_action,
    train_reinforce,
)
from rlcourse.checkpoints import CheckpointError
from rlcourse.metrics import read_metrics

CPU = torch.device("cpu")
QUICK = ReinforceConfig(episodes=6, hidden_sizes=(16,))


@pytest.fixture(autouse=True)
def one_thread() -> Iterator[None]:
    """Tiny networks train faster on one thread, above all on a busy machine."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def test_reward_to_go_matches_a_hand_computation() -> None:
    rewards = torch.tensor([1.0, 2.0, 3.0])
    # gamma 0.5: G_2 = 3, G_1 = 2 + 0.5 * 3 = 3.5, G_0 = 1 + 0.5 * 3.5 = 2.75
    assert torch.equal(reward_to_go(rewards, 0.5), torch.tensor([2.75, 3.5, 3.0]))
    # Undiscounted: each step's return is the sum of the rewards from it on, not from t = 0.
    assert torch.equal(reward_to_go(rewards, 1.0), torch.tensor([6.0, 5.0, 3.0]))
    # A tail worth 4 after S_T: G_2 = 3 + 0.5 * 4 = 5, G_1 = 2 + 2.5, G_0 = 1 + 2.25
    assert torch.equal(reward_to_go(rewards, 0.5, 4.0), torch.tensor([3.25, 4.5, 5.0]))


def test_reward_to_go_of_cartpole_rewards_is_a_geometric_sum() -> None:
    rewards = torch.ones(500)
    returns = reward_to_go(rewards, 0.99)
    k = torch.arange(500, 0, -1, dtype=torch.float64)  # steps left: 500 at t = 0, 1 at the end
    assert torch.allclose(returns.double(), (1 - 0.99**k) / (1 - 0.99), atol=1e-4)


def constant_value(value: float) -> nn.Linear:
    """A "value network" that says ``value`` for every state."""
    network = nn.Linear(2, 1)
    nn.init.zeros_(network.weight)
    nn.init.constant_(network.bias, value)
    return network


def two_step_episode(terminated: bool) -> Episode:
    return Episode(
        observations=torch.zeros(2, 2),
        actions=torch.tensor([0, 1]),
        rewards=torch.tensor([1.0, 1.0]),
        final_observation=torch.ones(2),
        terminated=terminated,
    )


def test_only_a_truncated_episode_bootstraps_its_tail_with_the_baseline() -> None:
    value = constant_value(10.0)
    # Terminated: G_1 = 1, G_0 = 1 + 0.5 = 1.5, whatever the value network says.
    terminated = episode_reward_to_go(two_step_episode(terminated=True), value, 0.5)
    assert torch.equal(terminated, torch.tensor([1.5, 1.0]))
    # Truncated: G_1 = 1 + 0.5 * v(S_T) = 6, G_0 = 1 + 0.5 * 6 = 4.
    truncated = episode_reward_to_go(two_step_episode(terminated=False), value, 0.5)
    assert torch.equal(truncated, torch.tensor([4.0, 6.0]))
    # Without a value network there is nothing to bootstrap with: the tail counts as 0.
    alone = episode_reward_to_go(two_step_episode(terminated=False), None, 0.5)
    assert torch.equal(alone, torch.tensor([1.5, 1.0]))


def test_the_policy_loss_is_minus_the_weighted_log_probabilities() -> None:
    log_probs = torch.tensor([-0.5, -1.0, -2.0], requires_grad=True)
    advantages = torch.tensor([2.0, -1.0, 0.5])
    loss = policy_loss(log_probs, advantages)
    assert loss.item() == pytest.approx(-(-1.0 + 1.0 - 1.0))
    loss.backward()
    # Gradient descent on the loss raises log pi where the advantage is positive.
    assert log_probs.grad is not None
    assert torch.equal(log_probs.grad, -advantages)


def test_no_policy_gradient_reaches_the_baseline() -> None:
    torch.manual_seed(0)
    policy, value = make_policy(2, 2, (8,)), constant_value(3.0)
    policy_part, value_part = episode_losses(policy, value, two_step_episode(True), 0.9)
    policy_part.backward()
    assert all(p.grad is None for p in value.parameters())
    assert all(p.grad is not None for p in policy.parameters())
    value_part.backward()
    # The value loss is the squared error of v = 3 against G = (1.9, 1): its bias gradient
    # is 2 * mean(v - G) = 2 * (1.1 + 2) / 2.
    assert value.bias.grad is not None
    assert value.bias.grad.item() == pytest.approx(3.1)


def test_log_probabilities_and_sampling_follow_the_softmax_of_the_logits() -> None:
    torch.manual_seed(0)
    policy = make_policy(3, 4, (8,))
    observations = torch.randn(5, 3)
    actions = torch.tensor([0, 1, 2, 3, 1])
    probabilities = F.softmax(policy(observations), dim=1)
    expected = probabilities[torch.arange(5), actions].log()
    assert torch.allclose(log_probabilities(policy, observations, actions), expected, atol=1e-6)
    draws = torch.tensor([sample_action(policy, observations[0]) for _ in range(4000)])
    shares = torch.bincount(draws, minlength=4) / 4000
    assert torch.allclose(shares, probabilities[0].detach(), atol=0.03)


def same_weights(a: nn.Module, b: nn.Module) -> bool:
    pairs = zip(a.parameters(), b.parameters(), strict=True)
    return all(torch.equal(p, q) for p, q in pairs)


def test_same_seed_gives_identical_weights_and_curves_and_another_seed_differs(
    tmp_path: Path,
) -> None:
    first, first_log = train_reinforce(QUICK, 3, tmp_path / "a", CPU, show_progress=False)
    again, again_log = train_reinforce(QUICK, 3, tmp_path / "b", CPU, show_progress=False)
    other, other_log = train_reinforce(QUICK, 4, tmp_path / "c", CPU, show_progress=False)
    assert same_weights(first.policy, again.policy)
    assert first.value is not None and again.value is not None
    assert same_weights(first.value, again.value)
    assert first_log.episode_returns == again_log.episode_returns
    assert first_log.policy_losses == again_log.policy_losses
    assert (tmp_path / "a" / "metrics.csv").read_text() == (
        tmp_path / "b" / "metrics.csv"
    ).read_text()
    assert first_log.episode_returns != other_log.episode_returns
    assert not same_weights(first.policy, other.policy)


def test_a_short_run_writes_metrics_and_a_checkpoint_that_reloads(tmp_path: Path) -> None:
    agent, log = train_reinforce(QUICK, 0, tmp_path, CPU, show_progress=False)
    assert len(log.episode_returns) == QUICK.episodes
    assert len(log.policy_losses) == QUICK.episodes // QUICK.episodes_per_update
    assert log.steps == sum(log.episode_returns)  # CartPole pays 1 per step
    metrics = read_metrics(tmp_path)
    assert metrics["episode_return"][1] == log.episode_returns
    assert metrics["episode_return"][0] == log.episode_end_steps
    assert metrics["policy_loss"][1] == log.policy_losses
    reloaded = load_agent(tmp_path / CHECKPOINT_NAME, CPU)
    states = torch.randn(7, 4)
    assert torch.equal(reloaded.policy(states), agent.policy(states))
    assert reloaded.value is not None and agent.value is not None
    assert torch.equal(reloaded.value(states), agent.value(states))
    returns = evaluate(reloaded.policy, QUICK.env_id, 3, seed=1, device=CPU)
    assert returns == evaluate(agent.policy, QUICK.env_id, 3, seed=1, device=CPU)


def test_without_a_baseline_there_is_no_value_network_to_save(tmp_path: Path) -> None:
    config = dataclasses.replace(QUICK, baseline=False, episodes=2)
    agent, log = train_reinforce(config, 0, tmp_path, CPU, show_progress=False)
    assert agent.value is None and log.value_losses == [0.0]
    assert load_agent(tmp_path / CHECKPOINT_NAME, CPU).value is None


def test_a_missing_checkpoint_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CheckpointError, match="no checkpoint"):
        load_agent(tmp_path / "missing.pt", CPU)
