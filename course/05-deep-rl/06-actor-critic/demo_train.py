"""Demo 2: A2C trained on CartPole-v1 with five seeds, and each final network played
greedily on 100 fresh episodes; then one seed again with a single step size for the actor
and the critic, for Demo 3 to compare."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import torch
import tyro

from rlcourse.agents.a2c import A2CConfig, TrainingLog, train_a2c
from rlcourse.agents.reinforce import evaluate
from rlcourse.devices import choose_device, describe_device
from rlcourse.stats import mean_and_standard_error


@dataclass(frozen=True)
class Config:
    seeds: tuple[int, ...] = (0, 1, 2, 3, 4)
    total_steps: int = A2CConfig.total_steps  # every other hyperparameter: the defaults
    one_step_size_seed: int = 4  # trained again with the critic at the actor's step size
    eval_episodes: int = 100
    eval_seed_offset: int = 10_000  # evaluation episodes use seeds training never saw
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    device: str
    seeds: list[int]
    environment_steps: list[int]
    updates: list[int]
    episodes: list[int]
    training_seconds: list[float]
    eval_mean: list[float]
    eval_min: list[float]
    solved_seeds: int  # seeds whose greedy mean is at least 475
    mean_over_seeds: float
    standard_error: float  # of that mean, over seeds
    total_seconds: float  # training and evaluation of all seeds
    one_step_size_eval_mean: float  # the same greedy evaluation, critic step = actor step
    one_step_size_eval_min: float


def run_dir(out_dir: Path, seed: int) -> Path:
    """Where a seed's metrics.csv and final.pt go (Demos 3 and 4 read them)."""
    return out_dir / f"a2c_seed{seed}"


def one_step_size_dir(out_dir: Path, seed: int) -> Path:
    """Where the run with a single step size goes (Demo 3 reads it)."""
    return out_dir / f"a2c_seed{seed}_one_step_size"


def train_with_one_step_size(
    cfg: Config, config: A2CConfig, device: torch.device
) -> tuple[TrainingLog, np.ndarray]:
    """One seed again with the critic's step size equal to the actor's, evaluated like the
    others: its log and its greedy returns."""
    seed = cfg.one_step_size_seed
    one_step_size = replace(config, critic_learning_rate=config.actor_learning_rate)
    network, log = train_a2c(one_step_size, seed, one_step_size_dir(cfg.out_dir, seed), device)
    eval_seed = cfg.eval_seed_offset + seed
    returns = evaluate(network.actor, config.env_id, cfg.eval_episodes, eval_seed, device)
    return log, np.array(returns)


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    torch.set_num_threads(1)  # small networks: a second thread adds overhead, not speed
    device = choose_device()
    print(f"device: {describe_device(device)}")
    config = replace(A2CConfig(), total_steps=cfg.total_steps)
    logs: list[TrainingLog] = []
    evaluations: list[np.ndarray] = []
    start = time.perf_counter()
    for seed in cfg.seeds:
        network, log = train_a2c(config, seed, run_dir(cfg.out_dir, seed), device)
        # The final actor, always taking its most probable action, on unseen start states.
        eval_seed = cfg.eval_seed_offset + seed
        returns = evaluate(network.actor, config.env_id, cfg.eval_episodes, eval_seed, device)
        logs.append(log)
        evaluations.append(np.array(returns))
    total_seconds = time.perf_counter() - start
    # --8<-- [end:main]
    single_log, single_returns = train_with_one_step_size(cfg, config, device)

    for seed, log, returns in zip(cfg.seeds, logs, evaluations, strict=True):
        print(
            f"seed {seed}: {log.steps:,} steps, {len(log.episode_returns)} episodes, "
            f"{len(log.actor_losses)} updates in {log.seconds:.0f} s | greedy evaluation over "
            f"{len(returns)} episodes: {returns.mean():.1f} (min {returns.min():.0f})"
        )
    means = [float(returns.mean()) for returns in evaluations]
    mean, error = mean_and_standard_error(means)
    solved = sum(m >= 475.0 for m in means)
    print(f"greedy mean over the {len(means)} seeds: {mean:.1f} ± {error:.1f} (standard error)")
    print(f"seeds with a greedy mean of at least 475: {solved} of {len(means)}")
    print(f"all seeds, training and evaluation: {total_seconds:.0f} s")
    print(
        f"seed {cfg.one_step_size_seed} with the critic's step size equal to the actor's "
        f"({config.actor_learning_rate:g}): {single_log.seconds:.0f} s | greedy evaluation: "
        f"{single_returns.mean():.1f} (min {single_returns.min():.0f})"
    )
    return Result(
        device=str(device),
        seeds=list(cfg.seeds),
        environment_steps=[log.steps for log in logs],
        updates=[len(log.actor_losses) for log in logs],
        episodes=[len(log.episode_returns) for log in logs],
        training_seconds=[log.seconds for log in logs],
        eval_mean=means,
        eval_min=[float(returns.min()) for returns in evaluations],
        solved_seeds=solved,
        mean_over_seeds=mean,
        standard_error=error,
        total_seconds=total_seconds,
        one_step_size_eval_mean=float(single_returns.mean()),
        one_step_size_eval_min=float(single_returns.min()),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
