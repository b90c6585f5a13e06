"""Lesson 5.6: what the generic lesson test cannot know about A2C's demos."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
import torch

from coursetools.file_import import import_file
from coursetools.lessons import load
from rlcourse.agents.a2c import A2CConfig, ActorCritic
from rlcourse.agents.reinforce import Episode
from tests.lessons.conftest import QuickRun

LESSON = load("5.6")


@pytest.fixture(scope="module")
def quick(quick_run: QuickRun) -> dict[str, dict[str, Any]]:
    return quick_run(LESSON.id).results


def test_a_critic_loss_reaches_the_actor_only_through_a_shared_trunk(
    quick: dict[str, dict[str, Any]],
) -> None:
    networks = quick["demo_networks"]
    assert networks["actor_touched_by_critic_loss"]["separate"] == 0
    assert networks["actor_touched_by_critic_loss"]["shared"] > 0
    assert networks["parameters"]["shared"] < networks["parameters"]["separate"]


def episode(length: int, terminated: bool) -> Episode:
    generator = torch.Generator().manual_seed(length)
    return Episode(
        observations=torch.randn(length, 4, generator=generator),
        actions=torch.zeros(length, dtype=torch.int64),
        rewards=torch.ones(length),
        final_observation=torch.randn(4, generator=generator),
        terminated=terminated,
    )


@pytest.mark.parametrize("terminated", [True, False])
def test_one_window_with_lambda_1_is_the_monte_carlo_advantage(terminated: bool) -> None:
    demo = import_file(LESSON.folder / "demo_advantages.py")
    network = ActorCritic(4, 2, (8,), shared=False)
    config = dataclasses.replace(A2CConfig(), n_steps=64, gae_lambda=1.0)
    _, _, estimates = demo.advantage_estimates(network, episode(30, terminated), config)
    a2c, monte_carlo = estimates["A2C's estimate"], estimates["Monte Carlo"]
    assert torch.allclose(a2c, monte_carlo, atol=1e-4)
    # Shorter windows bootstrap from the critic inside the episode: another estimate.
    short = dataclasses.replace(config, n_steps=8)
    _, _, windowed = demo.advantage_estimates(network, episode(30, terminated), short)
    assert not torch.allclose(windowed["A2C's estimate"], monte_carlo, atol=1e-2)
