"""Demo 4: how a model's error grows with the number of steps it predicts on its own, and
the horizon at which its plans stop beating a random pick."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro

from rlcourse.seeding import seed_everything
from world_model import (
    ACTIONS,
    WorldModel,
    cartpole_dynamics,
    predicted_returns,
    random_transitions,
    train_model,
)


@dataclass(frozen=True)
class Config:
    data_sizes: tuple[int, ...] = (250, 1000, 4000)  # random-policy steps per model
    plain_size: int = 1000  # and one model of this many steps without absorbing ends
    hidden_sizes: tuple[int, ...] = (64, 64)
    epochs: int = 50
    starts: int = 200  # start states, from fresh random-policy episodes
    n_plans: int = 100  # random action sequences per start state
    max_horizon: int = 60
    report_horizons: tuple[int, ...] = (5, 10, 20, 40, 60)
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    horizons: list[int]  # the report horizons
    models: list[str]  # "250 steps", ..., "1000 steps, plain"
    # per model, one number per report horizon
    angle_error: list[list[float]]  # root mean squared pole-angle error, degrees
    choice_quality: list[list[float]]  # 1: the best plan's true return; 0: a random pick


# --8<-- [start:open_loop]
@torch.no_grad()
def open_loop_states(
    dynamics: WorldModel, starts: torch.Tensor, plans: torch.Tensor
) -> torch.Tensor:
    """States (M, H, 4) the model predicts along each plan, feeding it its own predictions."""
    states, path = starts, []
    for t in range(plans.shape[1]):
        states = dynamics(states, plans[:, t])[0]  # the prediction becomes the next input
        path.append(states)
    return torch.stack(path, dim=1)


def true_states(starts: torch.Tensor, plans: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """The real states (M, H, 4), and whether the episode was still running, (M, H)."""
    states, path, alive = starts, [], []
    running = torch.ones(len(starts), dtype=torch.bool)
    for t in range(plans.shape[1]):
        alive.append(running)
        states, _, ended = cartpole_dynamics(states, plans[:, t])
        running = running & (ended == 0)
        path.append(states)
    return torch.stack(path, dim=1), torch.stack(alive, dim=1)


# --8<-- [end:open_loop]


# --8<-- [start:choice]
def choice_quality(model_scores: torch.Tensor, true_scores: torch.Tensor) -> float:
    """How good the model's favourite plan really is, from (starts, plans) scores of one
    horizon: (true return of its pick - mean) / (best true return - mean), averaged."""
    picked = true_scores.gather(1, model_scores.argmax(dim=1, keepdim=True)).squeeze(1)
    mean, best = true_scores.mean(dim=1), true_scores.max(dim=1).values
    spread = best - mean
    useful = spread > 0  # starts where some plans really are better than others
    if not useful.any():
        return 1.0  # every plan is as good as the best
    return ((picked - mean)[useful] / spread[useful]).mean().item()


# --8<-- [end:choice]


def main(cfg: Config) -> Result:
    seed_everything(cfg.seed)
    torch.set_num_threads(1)
    env = gym.make("CartPole-v1")
    starts = random_transitions(env, cfg.starts, seed=cfg.seed + 1).states  # (M, 4)
    generator = torch.Generator().manual_seed(cfg.seed)
    m, n, h = cfg.starts, cfg.n_plans, cfg.max_horizon
    plans = torch.randint(ACTIONS, (m * n, h), generator=generator)
    every_start = starts.repeat_interleave(n, dim=0)  # (M * N, 4): N plans per start
    real, alive = true_states(every_start, plans)
    true_scores = predicted_returns(cartpole_dynamics, every_start, plans).view(m, n, h)
    index = [k - 1 for k in cfg.report_horizons]
    errors: dict[str, list[float]] = {}
    quality: dict[str, list[float]] = {}
    curves: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    variants = [(f"{size} steps", size, True) for size in cfg.data_sizes]
    variants.append((f"{cfg.plain_size} steps, plain", cfg.plain_size, False))
    for name, size, absorbing in variants:
        data = random_transitions(env, size, seed=cfg.seed)
        model = WorldModel(cfg.hidden_sizes)
        train_model(model, data, cfg.epochs, cfg.seed, absorbing_ends=absorbing)
        # --8<-- [start:measure]
        predicted = open_loop_states(model, every_start, plans)  # (M * N, H, 4)
        squared = (predicted[..., 2] - real[..., 2]).pow(2)  # pole angle, while still running
        angle_rmse = ((squared * alive).sum(0) / alive.sum(0)).sqrt().rad2deg()  # (H,)
        model_scores = predicted_returns(model, every_start, plans).view(m, n, h)
        quality_by_h = np.array(
            [choice_quality(model_scores[..., t], true_scores[..., t]) for t in range(h)]
        )
        # --8<-- [end:measure]
        curves[name] = (angle_rmse.numpy(), quality_by_h)
        errors[name] = [angle_rmse[i].item() for i in index]
        quality[name] = [float(quality_by_h[i]) for i in index]
    env.close()
    print(f"{m} start states x {n} random plans; horizon in steps of 0.02 s")
    for title, table in (("pole-angle error, degrees", errors), ("chosen plan's quality", quality)):
        print(f"{title:<24}" + "".join(f"{k:>7}" for k in cfg.report_horizons))
        for name, row in table.items():
            print(f"{'  ' + name:<24}" + "".join(f"{value:>7.2f}" for value in row))
    plot(curves, cfg)
    return Result(
        list(cfg.report_horizons), list(errors), list(errors.values()), list(quality.values())
    )


def plot(curves: dict[str, tuple[np.ndarray, np.ndarray]], cfg: Config) -> None:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4), dpi=100, layout="constrained")
    horizons = np.arange(1, cfg.max_horizon + 1)
    for name, (error, quality) in curves.items():
        style = ":" if "plain" in name else "-"
        left.plot(horizons, error, style, label=f"model of {name}")
        right.plot(horizons, quality, style, label=f"model of {name}")
    left.set_yscale("log")
    left.set(
        xlabel="steps predicted open loop",
        ylabel="pole-angle error, degrees (log scale)",
        title="Compounding error",
    )
    right.axhline(0.0, color="black", linestyle="--", label="a random pick")
    right.set(
        xlabel="planning horizon (steps)",
        ylabel="quality of the chosen plan (1 = best)",
        title="How good the model's favourite plan really is",
    )
    left.legend()
    right.legend()
    fig.savefig(cfg.out_dir / "compounding.png")
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
