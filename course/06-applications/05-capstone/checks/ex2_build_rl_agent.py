"""Check of Exercise 2 of Part 6.5: greedy_policy on random networks, evaluate_policy on
CartPole against a loop written here (fresh, different episodes; time limits honoured)."""

from __future__ import annotations

from types import ModuleType

import gymnasium as gym
import numpy as np
import torch

from coursetools.check_helpers import expect_equal, expect_true, get_function, stop_after


def reference_returns(episodes: int, seed: int, limit: int) -> list[float]:
    env = gym.make("CartPole-v1", max_episode_steps=limit)
    returns = []
    for episode in range(episodes):
        observation, _ = env.reset(seed=seed if episode == 0 else None)
        total, done = 0.0, False
        while not done:
            observation, reward, terminated, truncated, _ = env.step(lean(observation))
            total += float(reward)
            done = terminated or truncated
        returns.append(total)
    return returns


def lean(observation: np.ndarray) -> int:
    """Push the cart the way the pole leans: episodes of different lengths."""
    return int(observation[2] > 0)


def check(module: ModuleType) -> None:
    greedy_policy = get_function(module, "greedy_policy")
    evaluate_policy = get_function(module, "evaluate_policy")
    torch.manual_seed(0)
    for _ in range(5):
        network = torch.nn.Linear(4, 3)
        policy = greedy_policy(network)
        for observation in np.random.default_rng(1).normal(size=(10, 4)).astype(np.float32):
            with torch.no_grad():
                q_values = network(torch.as_tensor(observation))
            want = int(q_values.argmax())
            got = policy(observation)
            expect_equal(
                got,
                want,
                f"greedy action for Q-values {np.round(q_values.numpy(), 3).tolist()} "
                "(the action of the largest Q-value)",
            )
    for seed in (0, 5):
        want = reference_returns(8, seed, 500)
        got = evaluate_policy(gym.make("CartPole-v1"), lean, 8, seed)
        expect_true(
            len(set(got)) > 1 or len(set(want)) == 1,
            f"all {len(got)} episodes gave the same return {got[0]}: seed only the first reset "
            "(reset(seed=...) on every episode replays the same episode)",
        )
        expect_equal(
            [float(x) for x in got], want, f"returns of 8 CartPole episodes with seed {seed}"
        )
    limit = 10
    env = stop_after(gym.make("CartPole-v1", max_episode_steps=limit), limit)
    got = evaluate_policy(env, lean, 3, 0)  # lean keeps the pole up past 10 steps
    expect_true(
        all(value <= limit for value in got),
        f"returns {got} exceed the {limit}-step time limit",
    )
