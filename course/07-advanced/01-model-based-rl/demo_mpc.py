"""Demo 2, part 2: model-predictive control on CartPole-v1. Before every real step, random
shooting scores action sequences inside a model; we compare the learned model of Demo 1
with the true physics, and with acting at random."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import torch
import tyro
from tqdm import tqdm

from rlcourse.seeding import seed_everything
from rlcourse.stats import mean_and_standard_error
from world_model import (
    Dynamics,
    WorldModel,
    cartpole_dynamics,
    mpc_episode,
    random_transitions,
    train_model,
)


@dataclass(frozen=True)
class Config:
    train_steps: int = 1000  # random-policy transitions the model learns from (as Demo 1)
    hidden_sizes: tuple[int, ...] = (64, 64)
    epochs: int = 50
    n_plans: int = 100  # action sequences scored before each real step
    horizon: int = 25  # steps of each sequence: 0.5 s of CartPole time
    episodes: int = 5  # real episodes per planner
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    episodes: int
    returns: dict[str, list[float]]  # per planner: the return of each episode
    mean_returns: dict[str, list[float]]  # per planner: [mean, standard error] over episodes
    random_return: list[float]  # acting at random: [mean, standard error]


def random_returns(episodes: int, seed: int) -> list[float]:
    env = gym.make("CartPole-v1")
    env.action_space.seed(seed)
    returns: list[float] = []
    for episode in range(episodes):
        env.reset(seed=seed + episode)
        total, done = 0.0, False
        while not done:
            _, reward, terminated, truncated, _ = env.step(env.action_space.sample())
            total, done = total + float(reward), terminated or truncated
        returns.append(total)
    return returns


def main(cfg: Config) -> Result:
    seed_everything(cfg.seed)
    torch.set_num_threads(1)  # small batches: a second thread adds overhead, not speed
    env = gym.make("CartPole-v1")
    data = random_transitions(env, cfg.train_steps, cfg.seed)
    plain, absorbing = WorldModel(cfg.hidden_sizes), WorldModel(cfg.hidden_sizes)
    train_model(plain, data, cfg.epochs, cfg.seed, absorbing_ends=False)  # Demo 1's model
    train_model(absorbing, data, cfg.epochs, cfg.seed, absorbing_ends=True)
    # --8<-- [start:control]
    planners: dict[str, Dynamics] = {
        "Demo 1's model": plain,
        "+ absorbing ends": absorbing,
        "true physics": cartpole_dynamics,
    }
    returns: dict[str, list[float]] = {}
    for name, dynamics in planners.items():
        returns[name] = [
            mpc_episode(env, dynamics, cfg.n_plans, cfg.horizon, seed=100 + e).total_reward
            for e in tqdm(range(cfg.episodes), desc=name)
        ]
    # --8<-- [end:control]
    env.close()
    at_random = random_returns(100, seed=100)
    print(f"random shooting, {cfg.n_plans} plans of {cfg.horizon} steps, episodes seeded alike:")
    means = {name: list(mean_and_standard_error(values)) for name, values in returns.items()}
    for name, values in returns.items():
        print(
            f"  {name:<17} returns {', '.join(f'{v:.0f}' for v in values)}; "
            f"mean {means[name][0]:.0f} ± {means[name][1]:.0f}"
        )
    mean, error = mean_and_standard_error(at_random)
    print(f"  acting at random: {mean:.1f} ± {error:.1f} (100 episodes)")
    return Result(cfg.episodes, returns, means, [mean, error])


if __name__ == "__main__":
    main(tyro.cli(Config))
