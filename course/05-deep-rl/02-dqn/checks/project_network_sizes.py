"""Check of the project exercise: parameter counts, one run per size that matches a
reference run of train_dqn with the same seed, and the plot through the data it draws."""

from __future__ import annotations

import dataclasses
import tempfile
from itertools import pairwise
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import torch
from torch import nn

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_true,
    expect_type,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)
from rlcourse.agents.dqn import DQNConfig, train_dqn

SIZES: list[tuple[int, ...]] = [(8,), (16, 16)]
STEPS = 1_200
SEED = 1  # not 0, so that a run that ignores its seed shows
WINDOW = 5


def expect_parameter_counts(parameter_count: Any) -> None:
    def case(rng: np.random.Generator) -> tuple[int, int, tuple[int, ...]]:
        hidden = tuple(int(width) for width in rng.integers(1, 50, size=rng.integers(0, 4)))
        return int(rng.integers(1, 10)), int(rng.integers(1, 6)), hidden

    fixed = [(4, 2, (128, 128)), (4, 2, ()), (8, 3, (5, 7))]
    for observation_size, action_count, hidden in fixed + random_cases(54, 5, case):
        widths = [observation_size, *hidden, action_count]
        weights = sum(m * n for m, n in pairwise(widths))
        biases = sum(widths[1:])
        call = f"parameter_count({observation_size}, {action_count}, {hidden})"
        got = parameter_count(observation_size, action_count, hidden)
        if got == weights:
            raise CheckFailed(f"{call}: got {got}, the weights alone; add the {biases} biases")
        expect_equal(got, weights + biases, call)


def expect_run_like_reference(run: Any, sizes: tuple[int, ...]) -> None:
    """The run equals train_dqn's with DQNConfig() changed only in size and budget."""
    expect_equal(tuple(run.hidden_sizes), sizes, "run.hidden_sizes, in the order given")
    network = expect_type(run.network, nn.Module, f"run.network for {sizes}")
    widths = [m.out_features for m in network.modules() if isinstance(m, nn.Linear)][:-1]
    expect_equal(tuple(widths), sizes, f"hidden layer widths of the network trained for {sizes}")
    trainable = sum(p.numel() for p in network.parameters() if p.requires_grad)
    expect_equal(run.parameters, trainable, f"run.parameters for {sizes}")

    config = dataclasses.replace(DQNConfig(), total_steps=STEPS, hidden_sizes=sizes)
    reference, log = train_dqn(config, SEED, torch.device("cpu"), show_progress=False)
    returns, ends = list(run.episode_returns), list(run.episode_end_steps)
    expect_equal(
        len(ends), len(returns), f"{sizes}: the number of episode end steps and of returns"
    )
    if returns != log.episode_returns:
        pairs = zip(returns, log.episode_returns, strict=False)
        first = next((i for i, (a, b) in enumerate(pairs) if a != b), len(log.episode_returns))
        raise CheckFailed(
            f"run_size_experiment({SIZES}, {STEPS}, seed={SEED}) for {sizes}: from episode "
            f"{first} on, the returns {returns[first : first + 4]}... differ from train_dqn's "
            f"with the same seed {log.episode_returns[first : first + 4]}...; give every size "
            "the same seed and change only total_steps and hidden_sizes in DQNConfig()"
        )
    expect_equal(ends, log.episode_end_steps, f"{sizes}: run.episode_end_steps")
    states = torch.randn(32, 4)
    with torch.no_grad():
        same = torch.equal(network(states), reference(states))
    expect_true(same, f"{sizes}: run.network is not the network that train_dqn trained")


def expect_plot(plot_learning_curves: Any, runs: list[Any]) -> None:
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "sizes.png"
        final = expect_type(
            plot_learning_curves(runs, WINDOW, path), dict, "plot_learning_curves(...)"
        )
        figure = saved_to(figures, path, "plot_learning_curves")
    lines = figure.lines()
    expect_equal(len(lines), len(runs), "the number of curves in the figure (one per run)")
    for run, line in zip(runs, lines, strict=True):
        returns = np.asarray(run.episode_returns, dtype=np.float64)
        width = min(WINDOW, len(returns))
        averages = np.convolve(returns, np.ones(width) / width, mode="valid")
        name = f"the curve of {tuple(run.hidden_sizes)}"
        expect_close(line.y, averages, f"{name}: its y, the {WINDOW}-episode moving average")
        steps = np.asarray(run.episode_end_steps[width - 1 :], dtype=np.float64)
        if line.x.shape == steps.shape and not np.allclose(line.x, steps):
            raise CheckFailed(
                f"{name}: its x is {line.x[:4].tolist()}..., expected the environment steps "
                f"{steps[:4].tolist()}... at which each window's last episode ended "
                "(run.episode_end_steps), not episode numbers"
            )
        expect_close(line.x, steps, f"{name}: its x, environment steps")
        key = str(tuple(run.hidden_sizes))
        if key not in final:
            raise CheckFailed(f"plot_learning_curves(...) has no entry {key!r}: got {list(final)}")
        expected = float(returns[-width:].mean())
        expect_close(final[key], expected, f"the value for {key}: the mean of its last {WINDOW}")
    axes = figure.axes[0]
    expect_true(
        "step" in axes.xlabel.lower(),
        f"the x-axis label {axes.xlabel!r} should say that it counts environment steps",
    )


def check(module: ModuleType) -> None:
    expect_parameter_counts(get_function(module, "parameter_count"))
    run_size_experiment = get_function(module, "run_size_experiment")
    plot_learning_curves = get_function(module, "plot_learning_curves")

    torch.set_num_threads(1)  # small networks: threads only add overhead
    runs = expect_type(
        run_size_experiment(SIZES, STEPS, SEED),
        list,
        f"run_size_experiment({SIZES}, {STEPS}, {SEED})",
    )
    expect_equal(len(runs), len(SIZES), "number of runs")
    for run, sizes in zip(runs, SIZES, strict=True):
        expect_run_like_reference(run, sizes)
    expect_plot(plot_learning_curves, runs)
    # A run can end with fewer episodes than the window: then all of them are averaged.
    short = dataclasses.replace(runs[0], episode_returns=[10.0, 30.0], episode_end_steps=[10, 40])
    with tempfile.TemporaryDirectory() as folder:
        try:
            final = plot_learning_curves([short], WINDOW, Path(folder) / "short.png")
        except Exception as error:
            raise CheckFailed(
                f"plot_learning_curves on a run of 2 episodes with window {WINDOW} raised "
                f"{type(error).__name__}: {error}; a run with fewer episodes than the window "
                "averages all of them (the mean of all of them)"
            ) from None
    expect_close(
        final[str(tuple(short.hidden_sizes))],
        20.0,
        f"the value of a run with 2 episodes and window {WINDOW} (the mean of all of them)",
    )
