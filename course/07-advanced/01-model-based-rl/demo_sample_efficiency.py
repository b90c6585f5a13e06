"""Demo 3: how many real environment steps does each approach need to reach a return on
CartPole-v1? Model-based: learn a model, plan with it, act, add the new steps, refit.
Model-free: the library's DQN (Part 5.2), which learns a Q-network from the steps alone."""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro
from tqdm import tqdm

from rlcourse.agents.dqn import DQNConfig, train_dqn
from rlcourse.seeding import seed_everything
from rlcourse.stats import mean_and_standard_error
from world_model import WorldModel, mpc_episode, random_transitions, train_model

# Part 5.3's settings for a short DQN run on CartPole (20,000 steps).
DQN_SETTINGS = DQNConfig(
    total_steps=20_000,
    hidden_sizes=(64, 64),
    batch_size=64,
    buffer_size=20_000,
    train_every=4,
    target_update_every=100,
)


@dataclass(frozen=True)
class Config:
    seeds: int = 3
    threshold: float = 200.0  # the return both approaches must reach once
    random_steps: int = 500  # model-based: random steps before the first model
    iterations: int = 10  # model-based: refit, then one planned episode, this many times
    hidden_sizes: tuple[int, ...] = (64, 64)
    epochs: int = 30
    n_plans: int = 100
    horizon: int = 25
    dqn_steps: int = DQN_SETTINGS.total_steps
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    threshold: float
    # per approach: environment steps until the end of the first episode whose return
    # reached the threshold, one per seed; -1 where it never did
    steps_to_threshold: dict[str, list[int]]
    steps_mean: dict[str, list[float]]  # [mean, standard error] over the seeds that reached it
    ratio: float  # model-free mean / model-based mean
    cpu_seconds: dict[str, float]  # per approach, mean per seed


# --8<-- [start:model_based]
def model_based(seed: int, cfg: Config) -> list[tuple[int, float]]:
    """(environment steps so far, return) after each planned episode."""
    seed_everything(seed)
    env = gym.make("CartPole-v1")
    data = random_transitions(env, cfg.random_steps, seed)
    history: list[tuple[int, float]] = []
    for iteration in range(cfg.iterations):
        model = WorldModel(cfg.hidden_sizes)  # refit from scratch on all the steps so far
        train_model(model, data, cfg.epochs, seed=seed + iteration)
        episode = mpc_episode(env, model, cfg.n_plans, cfg.horizon, seed=1000 * seed + iteration)
        data = data + episode.data  # the planner's own steps teach the next model
        history.append((len(data), episode.total_reward))
    env.close()
    return history


# --8<-- [end:model_based]


def model_free(seed: int, cfg: Config) -> list[tuple[int, float]]:
    """(environment steps so far, return) at the end of each DQN training episode."""
    config = dataclasses.replace(DQN_SETTINGS, total_steps=cfg.dqn_steps)
    _, log = train_dqn(config, seed, torch.device("cpu"), show_progress=False)
    return list(zip(log.episode_end_steps, log.episode_returns, strict=True))


# --8<-- [start:measure]
def steps_to_return(history: list[tuple[int, float]], threshold: float) -> int:
    """Environment steps when the first episode with return >= threshold ended; -1: never."""
    return next((steps for steps, total in history if total >= threshold), -1)


# --8<-- [end:measure]


def main(cfg: Config) -> Result:
    torch.set_num_threads(1)  # small networks: a second thread adds overhead, not speed
    approaches = {"model-based (MPC)": model_based, "model-free (DQN)": model_free}
    histories: dict[str, list[list[tuple[int, float]]]] = {name: [] for name in approaches}
    cpu: dict[str, float] = {}
    for name, train in approaches.items():
        started = time.process_time()
        for seed in tqdm(range(cfg.seeds), desc=name):
            histories[name].append(train(seed, cfg))
        cpu[name] = (time.process_time() - started) / cfg.seeds
    reached = {
        name: [steps_to_return(h, cfg.threshold) for h in runs] for name, runs in histories.items()
    }
    means: dict[str, list[float]] = {}
    print(f"environment steps until an episode's return reached {cfg.threshold:.0f}:")
    for name, steps in reached.items():
        found = [s for s in steps if s >= 0]
        means[name] = list(mean_and_standard_error(found)) if len(found) > 1 else [-1.0, -1.0]
        print(
            f"  {name:<18} seeds {', '.join(f'{s:,}' for s in steps)}; mean {means[name][0]:,.0f} "
            f"± {means[name][1]:,.0f}; {cpu[name]:.0f} CPU seconds per seed"
        )
    based, free = means["model-based (MPC)"][0], means["model-free (DQN)"][0]
    ratio = free / based if based > 0 and free > 0 else -1.0
    print(f"model-free needed {ratio:.1f} times as many environment steps")
    plot(histories, cfg)
    return Result(cfg.threshold, reached, means, ratio, cpu)


def plot(histories: dict[str, list[list[tuple[int, float]]]], cfg: Config) -> None:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(8, 4), dpi=100, layout="constrained")
    for (name, runs), colour in zip(histories.items(), ("tab:blue", "tab:orange"), strict=True):
        for seed, history in enumerate(runs):
            steps, returns = np.array(history).T
            ax.plot(steps, returns, color=colour, alpha=0.7, label=name if seed == 0 else None)
    ax.axhline(cfg.threshold, color="black", linestyle="--", label=f"threshold {cfg.threshold:.0f}")
    ax.set_xscale("log")
    ax.set_xlabel("real environment steps (log scale)")
    ax.set_ylabel("episode return")
    ax.set_title(f"CartPole-v1: every episode's return, {cfg.seeds} seeds per approach")
    ax.legend()
    fig.savefig(cfg.out_dir / "sample_efficiency.png")
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
