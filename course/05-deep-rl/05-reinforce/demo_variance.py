"""Demo 4: how discounting and a baseline change the noise of the REINFORCE gradient,
measured on partly trained policies of five seeds."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro
from torch import nn
from tqdm import tqdm

from rlcourse.agents.reinforce import (
    Episode,
    ReinforceConfig,
    episode_reward_to_go,
    log_probabilities,
    play_episode,
    policy_loss,
    reward_to_go,
    train_reinforce,
)
from rlcourse.stats import mean_and_standard_error

CPU = torch.device("cpu")


@dataclass(frozen=True)
class Config:
    seeds: tuple[int, ...] = (0, 1, 2, 3, 4)
    train_episodes: int = 100  # REINFORCE with a baseline trains each seed's policy this long
    sample_episodes: int = 100  # episodes whose gradients are compared, per seed
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    estimators: list[str]
    noise_to_signal: list[list[float]]  # [estimator][seed]
    mean: list[float]  # over seeds, per estimator
    standard_error: list[float]
    mean_episode_length: list[float]  # per seed, of the sampled episodes


# --8<-- [start:estimators]
def step_weights(episode: Episode, name: str, value: nn.Module) -> torch.Tensor:
    """The weight of each log pi(A_t | S_t) in the gradient estimate, shape (T,)."""
    if name == "total return G_0":  # every action credited with the whole episode
        return episode.rewards.sum().expand(len(episode.rewards))
    if name == "reward-to-go, gamma 1":
        return reward_to_go(episode.rewards, 1.0)
    if name == "reward-to-go, gamma 0.99":
        return reward_to_go(episode.rewards, 0.99)
    if name == "reward-to-go, gamma 0.9":
        return reward_to_go(episode.rewards, 0.9)
    # "gamma 0.99 minus the baseline": what train_reinforce uses
    with torch.no_grad():
        baseline = value(episode.observations).squeeze(1)
    return episode_reward_to_go(episode, value, 0.99) - baseline


def episode_gradient(policy: nn.Module, episode: Episode, weights: torch.Tensor) -> torch.Tensor:
    """The one-episode policy-gradient estimate sum_t weight_t grad log pi, flattened (P,)."""
    policy.zero_grad()  # each episode's gradient alone, not added to the previous one
    log_probs = log_probabilities(policy, episode.observations, episode.actions)
    (-policy_loss(log_probs, weights)).backward()  # minus the loss: the ascent direction
    return torch.cat([p.grad.flatten() for p in policy.parameters() if p.grad is not None])


def noise_to_signal(gradients: torch.Tensor) -> float:
    """tr(Cov) / ||mean||^2 of N estimates (N, P): how many episodes must be averaged before
    the noise of the average is as large as the gradient itself."""
    total_variance = gradients.var(dim=0).sum()  # sample variances (N - 1), summed over P
    return float(total_variance / gradients.mean(dim=0).square().sum())


# --8<-- [end:estimators]

ESTIMATORS = [
    "total return G_0",
    "reward-to-go, gamma 1",
    "reward-to-go, gamma 0.99",
    "reward-to-go, gamma 0.9",
    "gamma 0.99 minus the baseline",
]


def main(cfg: Config) -> Result:
    torch.set_num_threads(1)
    ratios = np.zeros((len(ESTIMATORS), len(cfg.seeds)))
    lengths = []
    for j, seed in enumerate(tqdm(cfg.seeds, desc="seeds")):
        with tempfile.TemporaryDirectory() as folder:
            config = ReinforceConfig(episodes=cfg.train_episodes)
            agent, _ = train_reinforce(config, seed, Path(folder), CPU, show_progress=False)
        assert agent.value is not None
        env = gym.make(config.env_id)
        env.reset(seed=1_000 + seed)
        episodes = [play_episode(env, agent.policy, CPU) for _ in range(cfg.sample_episodes)]
        env.close()
        lengths.append(float(np.mean([len(episode.rewards) for episode in episodes])))
        for i, name in enumerate(ESTIMATORS):
            gradients = torch.stack(
                [
                    episode_gradient(agent.policy, e, step_weights(e, name, agent.value))
                    for e in episodes
                ]
            )
            ratios[i, j] = noise_to_signal(gradients)
    summary = [mean_and_standard_error(row) for row in ratios]
    print(
        f"policies after {cfg.train_episodes} training episodes; mean episode length "
        f"{', '.join(f'{length:.0f}' for length in lengths)} (seeds {list(cfg.seeds)})"
    )
    print(
        f"noise-to-signal tr(Cov)/||mean||^2 over {cfg.sample_episodes} episodes, "
        f"mean ± standard error over {len(cfg.seeds)} seeds:"
    )
    for name, (mean, error), row in zip(ESTIMATORS, summary, ratios, strict=True):
        print(
            f"  {name:30} {mean:8.1f} ± {error:6.1f}   per seed: "
            f"{', '.join(f'{r:.0f}' for r in row)}"
        )
    plot(cfg, ratios)
    return Result(
        estimators=ESTIMATORS,
        noise_to_signal=ratios.tolist(),
        mean=[mean for mean, _ in summary],
        standard_error=[error for _, error in summary],
        mean_episode_length=lengths,
    )


def plot(cfg: Config, ratios: np.ndarray) -> None:
    fig, ax = plt.subplots(figsize=(9, 4), dpi=110)
    positions = np.arange(len(ESTIMATORS))
    for j, seed in enumerate(cfg.seeds):
        ax.scatter(positions, ratios[:, j], color=f"C{j}", s=18, label=f"seed {seed}")
    ax.plot(
        positions,
        ratios.mean(axis=1),
        color="black",
        marker="_",
        markersize=30,
        linestyle="none",
        label="mean over seeds",
    )
    ax.set_xticks(positions, [name.replace(", ", ",\n") for name in ESTIMATORS], fontsize=8)
    ax.set(ylabel="noise-to-signal ratio (log scale)", yscale="log")
    ax.set_title("Noise of one-episode policy-gradient estimates, per estimator")
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    fig.tight_layout()
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig.savefig(cfg.out_dir / "gradient_noise.png")
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
