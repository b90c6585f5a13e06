"""Demo 3: DQN trained on CartPole-v1 with three seeds, its learning curves and final evaluation."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro

from across_seeds import SOLVED, standard_error
from rlcourse.agents.dqn import (
    DQNConfig,
    QNetwork,
    TrainingLog,
    evaluate,
    save_q_network,
    train_dqn,
)
from rlcourse.curves import moving_average
from rlcourse.devices import choose_device, describe_device


@dataclass(frozen=True)
class Config:
    seeds: tuple[int, ...] = (0, 1, 2)
    total_steps: int = DQNConfig.total_steps  # every other hyperparameter: DQNConfig's defaults
    eval_episodes: int = 100
    eval_seed_offset: int = 10_000  # evaluation episodes use seeds training never saw
    window: int = 20  # episodes in the moving average of the learning curve
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    device: str
    seeds: list[int]
    environment_steps: list[int]
    gradient_steps: list[int]
    training_episodes: list[int]
    training_seconds: list[float]
    steps_per_second: list[float]
    eval_mean: list[float]
    eval_std: list[float]
    eval_min: list[float]
    mean_over_seeds: float  # mean of the seeds' greedy means
    standard_error: float  # of that mean, over seeds
    solved: list[bool]
    final_training_average: list[float]  # moving average of the last `window` episodes
    first_solved_step: list[int | None]  # first step where the moving average reached 475
    lowest_average_after: list[float | None]  # its minimum from then on
    total_seconds: float  # training and evaluation of all seeds


def checkpoint_path(out_dir: Path, seed: int) -> Path:
    return out_dir / f"dqn_cartpole_seed{seed}.pt"


def first_solved(log: TrainingLog, window: int) -> tuple[int | None, float | None]:
    """Environment step at which the moving average first reached 475, and its lowest value
    from there to the end of training (None, None if it never did)."""
    average = moving_average(log.episode_returns, window)
    reached = np.flatnonzero(average >= SOLVED)
    if reached.size == 0:
        return None, None
    first = int(reached[0])
    # average[i] covers episodes i .. i + window - 1: it is known when the last one ends.
    return log.episode_end_steps[first + window - 1], float(average[first:].min())


def save_with_architecture(
    network: QNetwork, dqn: DQNConfig, path: Path, eval_seed: int, returns: np.ndarray
) -> None:
    """The weights, and beside them in JSON what rebuilds the network and its evaluation
    (a state_dict holds tensors only)."""
    save_q_network(network, path)
    evaluation = {
        "seed": eval_seed,
        "episodes": len(returns),
        "mean": float(returns.mean()),
        "returns": returns.tolist(),
    }
    saved = {"env_id": dqn.env_id, "hidden_sizes": list(dqn.hidden_sizes), "evaluation": evaluation}
    path.with_suffix(".json").write_text(json.dumps(saved, indent=2))


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    torch.set_num_threads(1)  # small networks: a second thread adds overhead, not speed
    device = choose_device()
    print(f"device: {describe_device(device)}")
    dqn = DQNConfig(total_steps=cfg.total_steps)  # every other hyperparameter: the defaults
    logs: list[TrainingLog] = []
    evaluations: list[np.ndarray] = []
    start = time.perf_counter()
    for seed in cfg.seeds:
        network, log = train_dqn(dqn, seed, device)
        # The network as it is when training stops, played greedily on unseen start states.
        eval_seed = cfg.eval_seed_offset + seed
        returns = np.array(evaluate(network, dqn.env_id, cfg.eval_episodes, eval_seed, device))
        save_with_architecture(network, dqn, checkpoint_path(cfg.out_dir, seed), eval_seed, returns)
        logs.append(log)
        evaluations.append(returns)
    total_seconds = time.perf_counter() - start
    # --8<-- [end:main]

    report(cfg, logs, evaluations, total_seconds)
    plot(cfg, logs)
    solved_at = [first_solved(log, cfg.window) for log in logs]
    means = np.array([returns.mean() for returns in evaluations])
    return Result(
        device=str(device),
        seeds=list(cfg.seeds),
        environment_steps=[log.steps for log in logs],
        gradient_steps=[len(log.losses) for log in logs],
        training_episodes=[len(log.episode_returns) for log in logs],
        training_seconds=[log.seconds for log in logs],
        steps_per_second=[log.steps / log.seconds for log in logs],
        eval_mean=[float(r.mean()) for r in evaluations],
        eval_std=[float(r.std()) for r in evaluations],
        eval_min=[float(r.min()) for r in evaluations],
        mean_over_seeds=float(means.mean()),
        standard_error=standard_error(means),
        solved=[bool(r.mean() >= SOLVED) for r in evaluations],
        final_training_average=[float(np.mean(log.episode_returns[-cfg.window :])) for log in logs],
        first_solved_step=[step for step, _ in solved_at],
        lowest_average_after=[lowest for _, lowest in solved_at],
        total_seconds=total_seconds,
    )


def report(
    cfg: Config, logs: list[TrainingLog], evaluations: list[np.ndarray], total_seconds: float
) -> None:
    for seed, log, returns in zip(cfg.seeds, logs, evaluations, strict=True):
        print(
            f"seed {seed}: {log.steps} steps, {len(log.losses)} updates, "
            f"{len(log.episode_returns)} episodes in {log.seconds:.0f} s | greedy evaluation "
            f"over {len(returns)} episodes: {returns.mean():.1f} ± {returns.std():.1f} "
            f"(min {returns.min():.0f})"
        )
    means = np.array([returns.mean() for returns in evaluations])
    print(
        f"greedy mean over the {len(means)} seeds: {means.mean():.1f} ± "
        f"{standard_error(means):.1f} (standard error)"
    )
    print(f"all seeds, training and evaluation: {total_seconds:.0f} s")
    for seed, log in zip(cfg.seeds, logs, strict=True):
        step, lowest = first_solved(log, cfg.window)
        reached = "never" if step is None else f"at step {step}, lowest {lowest:.0f} after that"
        last = np.mean(log.episode_returns[-cfg.window :])
        print(
            f"seed {seed}: training {cfg.window}-episode average reached 475 {reached}; "
            f"last {cfg.window} episodes {last:.0f}"
        )


def plot(cfg: Config, logs: list[TrainingLog]) -> None:
    """Every episode's return (faint) and its moving average, one color per seed."""
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(7, 4), dpi=110)
    for i, (seed, log) in enumerate(zip(cfg.seeds, logs, strict=True)):
        color = f"C{i}"  # matplotlib's default color cycle
        steps = np.array(log.episode_end_steps)
        ax.plot(steps, log.episode_returns, color=color, alpha=0.2, linewidth=0.8)
        if len(steps) >= cfg.window:
            # Each average is drawn at the step where the last episode of its window ended.
            smooth = moving_average(log.episode_returns, cfg.window)
            ax.plot(steps[cfg.window - 1 :], smooth, color=color, label=f"seed {seed}")
    ax.axhline(SOLVED, color="black", linestyle="--", linewidth=1, label="solved (475)")
    ax.set(xlabel="environment step", ylabel="episode return", ylim=(0, 520))
    ax.set_title(f"DQN on CartPole-v1: episode returns and {cfg.window}-episode mean")
    ax.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(cfg.out_dir / "learning_curves.png")
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
