"""A2C of lesson 5.6: advantages by hand, terminated against truncated (with gymnasium's
SAME_STEP autoreset), the losses, shared and separate networks, reproducibility, metrics
and the checkpoint."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import gymnasium as gym
import numpy as np
import pytest
import torch
from gymnasium.vector import AutoresetMode, SyncVectorEnv

from rlcourse.agents.a2c import (
    CHECKPOINT_NAME,
    A2CConfig,
    ActorCritic,
    a2c_losses,
    bootstrap_truncated,
    final_observations,
    gae_advantages,
    load_network,
    parameter_groups,
    train_a2c,
)
from rlcourse.checkpoints import CheckpointError
from rlcourse.metrics import read_metrics

CPU = torch.device("cpu")
QUICK = A2CConfig(num_envs=2, n_steps=8, total_steps=160, hidden_sizes=(16,))


@pytest.fixture(autouse=True)
def one_thread() -> Iterator[None]:
    """Tiny networks train faster on one thread, above all on a busy machine."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def column(*values: float) -> torch.Tensor:
    """A rollout of one environment: shape (N, 1)."""
    return torch.tensor(values).unsqueeze(1)


REWARDS, VALUES, LAST = column(1.0, 1.0, 1.0), column(0.5, 1.0, 1.5), torch.tensor([2.0])


def test_lambda_1_gives_n_step_returns_minus_the_values() -> None:
    # gamma 0.5, bootstrap v(S_3) = 2: G_2 = 1 + 1 = 2, G_1 = 1 + 0.5 * 2 = 2, G_0 = 2.
    advantages = gae_advantages(REWARDS, VALUES, column(0, 0, 0), LAST, 0.5, 1.0)
    assert torch.equal(advantages, column(2 - 0.5, 2 - 1.0, 2 - 1.5))


def test_lambda_0_gives_one_step_td_errors_and_between_mixes_them() -> None:
    # delta_2 = 1 + 0.5 * 2 - 1.5, delta_1 = 1 + 0.5 * 1.5 - 1, delta_0 = 1 + 0.5 * 1 - 0.5
    deltas = column(1.0, 0.75, 0.5)
    assert torch.equal(gae_advantages(REWARDS, VALUES, column(0, 0, 0), LAST, 0.5, 0.0), deltas)
    # lambda 0.5: A_2 = 0.5, A_1 = 0.75 + 0.25 * 0.5, A_0 = 1 + 0.25 * 0.875
    mixed = gae_advantages(REWARDS, VALUES, column(0, 0, 0), LAST, 0.5, 0.5)
    assert torch.equal(mixed, column(1.21875, 0.875, 0.5))


def test_an_episode_end_stops_the_bootstrap_and_the_recursion() -> None:
    # The episode ends at step 1: A_1 = r_1 - v_1 = 0, nothing of step 2 flows back into it,
    # and A_0 = (1 + 0.5 * v_1 - v_0) + 0.5 * A_1 = 1. Step 2 belongs to a new episode.
    advantages = gae_advantages(REWARDS, VALUES, column(0, 1, 0), LAST, 0.5, 1.0)
    assert torch.equal(advantages, column(1.0, 0.0, 0.5))


def test_only_truncated_rewards_keep_the_value_of_the_final_observation() -> None:
    rewards = torch.tensor([[1.0, 1.0, 1.0]])
    truncated = torch.tensor([[0.0, 1.0, 0.0]])  # env 0 ongoing or terminated, env 1 cut, env 2
    final_values = torch.tensor([9.0, 4.0, 7.0])
    assert torch.equal(
        bootstrap_truncated(rewards, truncated, final_values, 0.5), torch.tensor([[1.0, 3.0, 1.0]])
    )
    # A truncated step then ends the episode: its advantage is r + gamma v(final) - v(S_t).
    advantages = gae_advantages(
        torch.tensor([[3.0]]),
        torch.tensor([[1.0]]),
        torch.tensor([[1.0]]),
        torch.tensor([50.0]),
        0.5,
        0.95,
    )
    assert advantages.item() == 2.0


def test_final_observations_come_from_info_not_from_the_next_episode() -> None:
    envs = SyncVectorEnv(
        [lambda: gym.make("CartPole-v1", max_episode_steps=3) for _ in range(2)],
        autoreset_mode=AutoresetMode.SAME_STEP,
    )
    single = gym.make("CartPole-v1", max_episode_steps=3)
    observations, _ = envs.reset(seed=5)
    single.reset(seed=6)  # environment 1 of the vector starts from seed 5 + 1
    for _ in range(2):
        envs.step(np.array([1, 1]))
        single.step(1)
    observations, _, terminated, truncated, info = envs.step(np.array([1, 1]))
    expected, *_ = single.step(1)
    assert truncated.all() and not terminated.any()
    finals = final_observations(info, observations, truncated)
    assert np.array_equal(finals[1], expected)  # the state where the time limit cut it
    assert not np.array_equal(observations[1], expected)  # already the next episode's start
    envs.close()
    single.close()


def test_a2c_losses_match_a_hand_computation() -> None:
    logits = torch.zeros(2, 2, requires_grad=True)  # uniform policy: log pi = log 0.5
    values = torch.tensor([1.0, 2.0], requires_grad=True)
    actions = torch.tensor([0, 1])
    advantages, returns = torch.tensor([2.0, -1.0]), torch.tensor([3.0, 1.0])
    actor, critic, entropy = a2c_losses(logits, values, actions, advantages, returns)
    assert actor.item() == pytest.approx(-np.log(0.5) * (2.0 - 1.0) / 2)
    assert critic.item() == pytest.approx((4.0 + 1.0) / 2)
    assert entropy.item() == pytest.approx(np.log(2.0))
    actor.backward()
    assert values.grad is None  # the advantages are constants for the actor
    assert logits.grad is not None


def test_shared_networks_share_a_trunk_and_separate_ones_do_not() -> None:
    observations = torch.randn(5, 4)
    for shared in (True, False):
        network = ActorCritic(4, 2, (16, 16), shared)
        logits, values = network(observations)
        assert logits.shape == (5, 2) and values.shape == (5,)
        values.sum().backward()  # a critic loss alone
        actor_reached = [p.grad is not None for p in network.actor.parameters()]
        assert any(actor_reached) == shared
    # Shared parameters are counted once.
    shared_network = ActorCritic(4, 2, (16, 16), True)
    trunk = 4 * 16 + 16 + 16 * 16 + 16
    assert sum(p.numel() for p in shared_network.parameters()) == trunk + (16 * 2 + 2) + 17


@pytest.mark.parametrize("shared", [True, False])
def test_each_parameter_is_in_one_group_and_the_critic_steps_at_its_own_rate(
    shared: bool,
) -> None:
    network = ActorCritic(4, 2, (16, 16), shared)
    actor_group, critic_group = parameter_groups(network, QUICK)
    assert actor_group["lr"] == QUICK.actor_learning_rate
    assert critic_group["lr"] == QUICK.critic_learning_rate > QUICK.actor_learning_rate
    in_actor = {id(p) for p in actor_group["params"]}
    in_critic = {id(p) for p in critic_group["params"]}
    assert not in_actor & in_critic
    assert in_actor | in_critic == {id(p) for p in network.parameters()}
    assert in_actor == {id(p) for p in network.actor.parameters()}
    # A shared trunk follows the actor's rate: the critic keeps only its output layer.
    assert len(in_critic) == (2 if shared else len(list(network.critic.parameters())))


def same_weights(a: torch.nn.Module, b: torch.nn.Module) -> bool:
    pairs = zip(a.parameters(), b.parameters(), strict=True)
    return all(torch.equal(p, q) for p, q in pairs)


def test_same_seed_gives_identical_weights_and_curves_and_another_seed_differs(
    tmp_path: Path,
) -> None:
    first, first_log = train_a2c(QUICK, 3, tmp_path / "a", CPU, show_progress=False)
    again, again_log = train_a2c(QUICK, 3, tmp_path / "b", CPU, show_progress=False)
    other, other_log = train_a2c(QUICK, 4, tmp_path / "c", CPU, show_progress=False)
    assert same_weights(first, again)
    assert first_log.actor_losses == again_log.actor_losses
    assert first_log.episode_returns == again_log.episode_returns
    first_csv = (tmp_path / "a" / "metrics.csv").read_text()
    assert first_csv == (tmp_path / "b" / "metrics.csv").read_text()
    assert not same_weights(first, other)
    assert first_log.actor_losses != other_log.actor_losses


def test_a_short_run_writes_metrics_and_a_checkpoint_that_reloads(tmp_path: Path) -> None:
    config = dataclasses.replace(QUICK, shared=True)
    network, log = train_a2c(config, 0, tmp_path, CPU, show_progress=False)
    updates = config.total_steps // (config.n_steps * config.num_envs)
    assert log.steps == config.total_steps and len(log.critic_losses) == updates
    assert len(log.episode_returns) > 0 and all(np.isfinite(log.actor_losses))
    # Wall-clock of each episode's end (issue 13 compares agents by time to a solve).
    seconds = log.episode_end_seconds
    assert len(seconds) == len(log.episode_returns) == len(log.episode_end_steps)
    assert seconds == sorted(seconds) and seconds[0] > 0.0 and seconds[-1] <= log.seconds
    metrics = read_metrics(tmp_path)
    assert metrics["episode_return"][1] == log.episode_returns
    assert metrics["critic_loss"][0] == [16 * (u + 1) for u in range(updates)]
    reloaded = load_network(tmp_path / CHECKPOINT_NAME, CPU)
    observations = torch.randn(6, 4)
    for got, expected in zip(reloaded(observations), network(observations), strict=True):
        assert torch.equal(got, expected)


def test_a_missing_checkpoint_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CheckpointError, match="no checkpoint"):
        load_network(tmp_path / "missing.pt", CPU)
