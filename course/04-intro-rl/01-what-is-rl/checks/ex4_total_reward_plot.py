"""Check for exercise 4: the policy (fixed and random observations), the totals of seeded
CartPole episodes, the running mean, and the plot through its lines and labels."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import gymnasium as gym
import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_dtype,
    expect_equal,
    expect_png,
    expect_shape,
    expect_true,
    expect_type,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)


def lean(observation: np.ndarray) -> int:
    return int(observation[2] > 0.0)


def reference_totals(policy_name: str, episodes: int, seed: int) -> np.ndarray:
    """Totals of "lean" or "random" episodes, played here and seeded as the stub says."""
    env = gym.make("CartPole-v1")
    policies: dict[str, Callable[[np.ndarray], int]] = {
        "lean": lean,
        "random": lambda observation: int(env.action_space.sample()),
    }
    policy = policies[policy_name]
    env.action_space.seed(seed)
    totals = np.zeros(episodes)
    for episode in range(episodes):
        observation, _ = env.reset(seed=seed if episode == 0 else None)
        done = False
        while not done:
            observation, reward, terminated, truncated, _ = env.step(policy(observation))
            totals[episode] += float(reward)
            done = terminated or truncated
    return totals


def check_policy(module: ModuleType) -> None:
    policy = get_function(module, "angular_velocity_policy")
    for observation, expected in [
        ([0.0, 0.0, 0.05, 0.3], 1),
        ([0.0, 0.0, 0.05, -0.3], 0),  # leaning right but falling back left: push left
        ([1.0, -2.0, -0.1, 0.01], 1),
    ]:
        got = policy(np.array(observation, dtype=np.float32))
        expect_equal(
            int(got),
            expected,
            f"angular_velocity_policy({observation}) (push the way the pole rotates: "
            "observation[3], its angular velocity)",
        )
    for observation in random_cases(16, 6, lambda rng: rng.normal(size=4).astype(np.float32)):
        expect_equal(
            int(policy(observation)),
            int(observation[3] > 0),
            f"angular_velocity_policy({np.round(observation, 3).tolist()}) (push the way the "
            "pole rotates: observation[3], its angular velocity)",
        )


def check_totals(module: ModuleType) -> None:
    episode_totals = get_function(module, "episode_totals")
    env = gym.make("CartPole-v1")
    got = expect_type(episode_totals(env, lean, 5, 3), np.ndarray, "episode_totals(lean, 5, 3)")
    expect_shape(got, (5,), "episode_totals(lean, 5, seed=3)")
    expect_dtype(got, np.float64, "episode_totals(lean, 5, seed=3)")
    expected = reference_totals("lean", 5, 3)
    if np.all(got == got[0]) and not np.all(expected == expected[0]):
        raise CheckFailed(
            f"episode_totals(lean policy, 5, seed=3): every episode got {got[0]:g}: reset with "
            "the seed before the first episode only, then env.reset() without one"
        )
    expect_close(got, expected, "episode_totals(lean policy, 5, seed=3)")

    def random_policy(observation: np.ndarray) -> int:
        return int(env.action_space.sample())

    env = gym.make("CartPole-v1")
    got = episode_totals(env, random_policy, 4, 7)
    expect_close(
        np.asarray(got),
        reference_totals("random", 4, 7),
        "episode_totals(random policy, 4, 7) (seed env.action_space once, with the seed)",
    )


def check_plot(module: ModuleType) -> None:
    running_mean = get_function(module, "running_mean")
    fixed = np.array([10.0, 20.0, 60.0, 10.0])
    for totals in [fixed, *random_cases(17, 2, lambda rng: rng.integers(8, 500, 9) * 1.0)]:
        expect_close(
            running_mean(totals),
            np.cumsum(totals) / np.arange(1, len(totals) + 1),
            f"running_mean({totals.tolist()}) (element i: the mean of totals[0..i])",
        )
    plot_totals = get_function(module, "plot_totals")
    series = {"lean": fixed, "other": fixed + 5}
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "totals.png"
        plot_totals(series, path)
        expect_png(path, "plot_totals(totals, path)")
        figure = saved_to(figures, path, "plot_totals")
    lines = figure.lines()
    for name, values in series.items():
        means = np.cumsum(values) / np.arange(1, len(values) + 1)
        for wanted, what in ((values, "each episode's total"), (means, "the running mean")):
            expect_true(
                any(line.y.shape == wanted.shape and np.allclose(line.y, wanted) for line in lines),
                f"plot_totals: no series of the figure shows {what} of {name!r}",
            )
    axes = figure.axes[0]
    expect_equal(
        (axes.xlabel, axes.ylabel), ("episode", "total reward"), "plot_totals: the axis labels"
    )
    expect_true(bool(axes.legend), "plot_totals: the figure has no legend")


def check(module: ModuleType) -> None:
    check_policy(module)
    check_totals(module)
    check_plot(module)
