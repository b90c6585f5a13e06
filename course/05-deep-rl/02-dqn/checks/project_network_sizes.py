"""Check of the project exercise: parameter counts, one trained run per size, the plot's numbers."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

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
)

SIZES: list[tuple[int, ...]] = [(8,), (16, 16)]
STEPS = 1_200


def check(module: ModuleType) -> None:
    parameter_count = get_function(module, "parameter_count")
    run_size_experiment = get_function(module, "run_size_experiment")
    plot_learning_curves = get_function(module, "plot_learning_curves")

    # (4*128 + 128) + (128*128 + 128) + (128*2 + 2)
    expect_equal(parameter_count(4, 2, (128, 128)), 17_410, "parameter_count(4, 2, (128, 128))")
    expect_equal(parameter_count(4, 2, ()), 10, "parameter_count(4, 2, ()) (one Linear(4, 2))")
    expect_equal(parameter_count(8, 3, (5, 7)), 45 + 42 + 24, "parameter_count(8, 3, (5, 7))")

    torch.set_num_threads(1)  # small networks: threads only add overhead
    runs = expect_type(
        run_size_experiment(SIZES, STEPS, 0), list, f"run_size_experiment({SIZES}, {STEPS}, 0)"
    )
    expect_equal(len(runs), len(SIZES), "number of runs")
    for run, sizes in zip(runs, SIZES, strict=True):
        expect_equal(tuple(run.hidden_sizes), sizes, "run.hidden_sizes, in the order given")
        network = expect_type(run.network, nn.Module, f"run.network for {sizes}")
        widths = [m.out_features for m in network.modules() if isinstance(m, nn.Linear)][:-1]
        expect_equal(
            tuple(widths), sizes, f"hidden layer widths of the network trained for {sizes}"
        )
        trainable = sum(p.numel() for p in network.parameters())
        expect_equal(run.parameters, trainable, f"run.parameters for {sizes}")
        returns, ends = list(run.episode_returns), list(run.episode_end_steps)
        expect_true(
            len(returns) > 0 and len(returns) == len(ends),
            f"{sizes}: expected one end step per episode return and at least one "
            f"episode, got {len(returns)} returns and {len(ends)} end steps",
        )
        expect_true(
            ends == sorted(ends) and ends[-1] <= STEPS,
            f"{sizes}: episode end steps should increase and stay within {STEPS}",
        )
        # CartPole pays 1 per step, so the episodes' returns add up to its steps.
        lengths = np.diff([0, *ends])
        if not np.allclose(lengths, returns):
            raise CheckFailed(
                f"{sizes}: episode returns {returns[:5]}... do not match the "
                f"episode lengths {lengths[:5].tolist()}... given by the end steps"
            )

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sizes.png"
        window = 5
        final = expect_type(
            plot_learning_curves(runs, window, path), dict, "plot_learning_curves(...)"
        )
        expect_true(
            path.is_file() and path.stat().st_size > 2000,
            f"plot_learning_curves did not save a figure at {path}",
        )
    for run in runs:
        key = str(tuple(run.hidden_sizes))
        if key not in final:
            raise CheckFailed(f"plot_learning_curves(...) has no entry {key!r}: got {list(final)}")
        expected = float(np.mean(run.episode_returns[-window:]))
        expect_close(final[key], expected, f"final average for {key} (last {window} returns)")
