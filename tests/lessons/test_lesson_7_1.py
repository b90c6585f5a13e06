"""Lesson 7.1: what the generic lesson test cannot know about the world model and the
planner: the batched physics is CartPole-v1's, the absorbing ends are what the post says,
the planner makes one batched model call per step, and the committed results agree with
the post's story."""

from __future__ import annotations

import json
from typing import Any

import gymnasium as gym
import torch

from coursetools.file_import import import_file
from coursetools.lessons import load

LESSON = load("7.1")
world_model = import_file(LESSON.folder / "world_model.py")


def test_batched_physics_matches_cartpole() -> None:
    env = gym.make("CartPole-v1")
    data = world_model.random_transitions(env, 2000, seed=3)
    next_states, rewards, ends = world_model.cartpole_dynamics(data.states, data.actions)
    assert torch.allclose(next_states, data.next_states, atol=1e-5)
    assert torch.equal(ends, data.terminated)
    assert torch.equal(rewards, data.rewards)
    assert data.terminated.sum() > 50  # the test saw many ends, of both kinds of failure


def test_absorbing_ends_add_two_rows_per_end() -> None:
    env = gym.make("CartPole-v1")
    data = world_model.random_transitions(env, 300, seed=0)
    ends = int(data.terminated.sum())
    augmented = world_model.with_absorbing_ends(data)
    assert len(augmented) == len(data) + 2 * ends
    extra = slice(len(data), None)
    assert torch.equal(augmented.states[extra], augmented.next_states[extra])
    assert torch.all(augmented.rewards[extra] == 0) and torch.all(augmented.terminated[extra] == 1)
    assert sorted(augmented.actions[extra].tolist()) == [0] * ends + [1] * ends


def test_planner_batches_and_weights_rewards_by_survival() -> None:
    calls: list[int] = []

    def halving(states: torch.Tensor, actions: torch.Tensor) -> tuple[torch.Tensor, ...]:
        calls.append(len(states))  # every step ends the episode with probability 1/2
        return (
            states + actions[:, None],
            torch.full((len(states),), 2.0),
            torch.full((len(states),), 0.5),
        )

    plans = torch.zeros(7, 3, dtype=torch.int64)
    running = world_model.predicted_returns(halving, torch.zeros(7, 4), plans)
    assert calls == [7, 7, 7]
    # 2 + 2 * 1/2 + 2 * 1/4, accumulated step by step
    assert torch.allclose(running[0], torch.tensor([2.0, 3.0, 3.5]))


def test_committed_results_tell_the_posts_story() -> None:
    results: dict[str, Any] = json.loads((LESSON.outputs / "results.json").read_text())
    mpc = results["demo_mpc"]["returns"]
    plain, fixed = mpc["Demo 1's model"], mpc["+ absorbing ends"]
    assert sum(fixed) > 1.5 * sum(plain)
    steps = results["demo_sample_efficiency"]["steps_to_threshold"]
    assert all(s > 0 for s in steps["model-based (MPC)"])
    assert max(steps["model-based (MPC)"]) < min(s for s in steps["model-free (DQN)"] if s > 0)
    dyna = results["demo_dyna_q"]
    assert dyna["later_episodes"][-1][0] < dyna["later_episodes"][0][0] / 4
    compounding = results["demo_compounding"]
    for errors in compounding["angle_error"]:
        assert errors == sorted(errors)  # the error grows with every horizon reported
