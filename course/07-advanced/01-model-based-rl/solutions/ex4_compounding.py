"""Exercise 4: one-step error against open-loop error. A model can look excellent one step
ahead and still be useless for planning, because planning feeds it its own predictions.

Fill in the three functions, then run this file and `rlcourse check 7.1`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import matplotlib.pyplot as plt
import torch

# (states (M, d), actions (M,)) -> next states (M, d)
StepFn = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]


def rms(predicted: torch.Tensor, real: torch.Tensor) -> torch.Tensor:
    """Root mean squared difference over every start and coordinate: a scalar."""
    return (predicted - real).pow(2).mean().sqrt()


def one_step_errors(
    model: StepFn, true_step: StepFn, starts: torch.Tensor, plans: torch.Tensor
) -> torch.Tensor:
    """(H,): entry t is rms(model's prediction, real state) for step t + 1, the model
    being given the *real* state at step t. starts: (M, d); plans: (M, H) actions."""
    real = starts
    errors: list[torch.Tensor] = []
    for t in range(plans.shape[1]):
        predicted = model(real, plans[:, t])
        real = true_step(real, plans[:, t])
        errors.append(rms(predicted, real))
    return torch.stack(errors)


def open_loop_errors(
    model: StepFn, true_step: StepFn, starts: torch.Tensor, plans: torch.Tensor
) -> torch.Tensor:
    """(H,): the same, the model being given *its own* previous prediction, as a planner
    does: rms after t + 1 steps of predicting alone from starts."""
    predicted, real = starts, starts
    errors: list[torch.Tensor] = []
    for t in range(plans.shape[1]):
        predicted = model(predicted, plans[:, t])
        real = true_step(real, plans[:, t])
        errors.append(rms(predicted, real))
    return torch.stack(errors)


def plot_errors(errors: dict[str, torch.Tensor], path: Path) -> None:
    """One line per entry, labelled with its key, against steps 1..H; a log-scale y axis,
    both axes labelled, a title and a legend; saved at ``path``."""
    fig, ax = plt.subplots(figsize=(6, 4), layout="constrained")
    for name, values in errors.items():
        ax.plot(range(1, len(values) + 1), values.numpy(), label=name)
    ax.set_yscale("log")
    ax.set_xlabel("steps ahead")
    ax.set_ylabel("root mean squared error (log scale)")
    ax.set_title("A model's error, one step at a time and open loop")
    ax.legend()
    fig.savefig(path)
    plt.close(fig)


def rotation(angle: float) -> StepFn:
    """A point turning by ``angle`` per step; action 1 also pushes it outwards by 1%."""
    c, s = math.cos(angle), math.sin(angle)
    turn = torch.tensor([[c, -s], [s, c]])

    def step(states: torch.Tensor, actions: torch.Tensor) -> torch.Tensor:
        return states @ turn.T * (1.0 + 0.01 * actions[:, None].float())

    return step


if __name__ == "__main__":
    generator = torch.Generator().manual_seed(0)
    starts = torch.randn(100, 2, generator=generator)
    plans = torch.randint(2, (100, 50), generator=generator)
    true_step, model = rotation(0.10), rotation(0.11)  # the model turns 10% too fast
    errors = {
        "one step": one_step_errors(model, true_step, starts, plans),
        "open loop": open_loop_errors(model, true_step, starts, plans),
    }
    for name, values in errors.items():
        print(f"{name:>9}: after 1 step {values[0]:.4f}, after 50 steps {values[-1]:.4f}")
    plot_errors(errors, Path("compounding_errors.png"))
