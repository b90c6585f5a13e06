"""Lesson 6.4: the pieces of imitation.py that the demos' numbers rest on."""

from __future__ import annotations

import gymnasium as gym
import numpy as np
import torch

from coursetools.file_import import import_file
from coursetools.lessons import load

LESSON = load("6.4")
imitation = import_file(LESSON.folder / "imitation.py")


def test_evaluate_counts_each_copy_first_episode_only() -> None:
    """A policy that always pushes left fails fast; the vectorised evaluator must give the
    same returns as episodes played one by one from the same start states."""

    def always_left(observations: np.ndarray) -> np.ndarray:
        return np.zeros(len(observations), dtype=np.int64)

    returns = imitation.evaluate(always_left, 6, seed=3)
    envs = gym.make_vec("CartPole-v1", num_envs=6, vectorization_mode="vector_entry_point")
    starts, _ = envs.reset(seed=3)
    one_by_one = []
    for start in starts:
        env = gym.make("CartPole-v1")
        env.reset(seed=0)
        env.unwrapped.state = start.astype(np.float64)  # pyright: ignore[reportAttributeAccessIssue]
        total, done = 0.0, False
        while not done:
            _, reward, terminated, truncated, _ = env.step(0)
            total += float(reward)
            done = terminated or truncated
        one_by_one.append(total)
    np.testing.assert_array_equal(returns, one_by_one)
    assert returns.max() < 20  # the first episode only: a copy that reset would count more


def test_the_expert_balances_the_pole_and_player_continues_across_calls() -> None:
    assert imitation.evaluate(imitation.scripted_expert, 10, seed=0).min() == 500.0
    player = imitation.Player(seed=0)
    first = player.play(imitation.scripted_expert, imitation.scripted_expert, 30)
    second = player.play(imitation.scripted_expert, imitation.scripted_expert, 30)
    both = imitation.Player(seed=0).play(imitation.scripted_expert, imitation.scripted_expert, 60)
    np.testing.assert_array_equal(np.concatenate([first.states, second.states]), both.states)
    np.testing.assert_array_equal(both.labels, imitation.scripted_expert(both.states))


def test_a_dagger_round_labels_the_clones_states_with_the_expert() -> None:
    torch.set_num_threads(1)
    settings = imitation.CloneSettings(gradient_steps=50)
    player = imitation.Player(seed=1)
    first = player.play(imitation.scripted_expert, imitation.scripted_expert, 20)
    clones = imitation.dagger(first, player, 2, 15, settings, seed=0)
    assert len(clones) == 3
    # The player's episode went on under the clones: replaying it needs their actions.
    replay = imitation.Player(seed=1)
    replay.play(imitation.scripted_expert, imitation.scripted_expert, 20)
    for clone in clones[:2]:
        visited = replay.play(imitation.network_policy(clone), imitation.scripted_expert, 15)
        np.testing.assert_array_equal(visited.labels, imitation.scripted_expert(visited.states))
    np.testing.assert_array_equal(replay.observation, player.observation)
