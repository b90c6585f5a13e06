"""Demo 4: the advantage estimates of a half-trained A2C agent along its episodes, against
the Monte Carlo returns the episodes really earned."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro

from rlcourse.agents.a2c import A2CConfig, ActorCritic, gae_advantages, train_a2c
from rlcourse.agents.reinforce import Episode, play_episode, reward_to_go
from rlcourse.seeding import seed_everything

ESTIMATES = ("one-step TD error", "A2C's estimate", "Monte Carlo")


@dataclass(frozen=True)
class Config:
    train_steps: int = 40_000  # a short run: an agent that still drops the pole
    episodes: int = 20  # episodes played with the trained policy
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    episode_lengths: list[int]
    terminated: int  # episodes that ended with the pole down (the others hit the time limit)
    estimates: list[str]
    correlation_with_monte_carlo: list[float]  # per estimate, over every step played
    standard_deviation: list[float]  # per estimate, over every step played
    critic_error: float  # root mean square of G_t - v(S_t)
    shown_length: int  # the episode in the figure


# --8<-- [start:estimates]
def advantage_estimates(
    network: ActorCritic, episode: Episode, config: A2CConfig
) -> tuple[torch.Tensor, torch.Tensor, dict[str, torch.Tensor]]:
    """G_t, v(S_t) and three estimates of the advantage, for every step of one episode (T,)."""
    with torch.no_grad():
        values = network.critic(episode.observations).squeeze(1)  # (T,)
        final_value = network.critic(episode.final_observation).item()
    tail = 0.0 if episode.terminated else final_value  # terminated: nothing follows S_T
    returns = reward_to_go(episode.rewards, config.gamma, tail)  # Monte Carlo G_t
    ends = torch.zeros(len(values))
    ends[-1] = 1.0  # the episode stops after its last step, whichever way it ended
    rewards = episode.rewards.clone()
    rewards[-1] += config.gamma * tail  # bootstrap_truncated's job, for one episode
    # As in training: windows of n_steps, each bootstrapped from v of the state after it.
    windows = []
    for start in range(0, len(values), config.n_steps):
        stop = min(start + config.n_steps, len(values))
        after = values[stop : stop + 1] if stop < len(values) else torch.zeros(1)
        windows.append(
            gae_advantages(
                rewards[start:stop, None],
                values[start:stop, None],
                ends[start:stop, None],
                after,
                config.gamma,
                config.gae_lambda,
            )[:, 0]
        )
    estimates = {
        ESTIMATES[0]: gae_advantages(
            rewards[:, None], values[:, None], ends[:, None], torch.zeros(1), config.gamma, 0.0
        )[:, 0],
        ESTIMATES[1]: torch.cat(windows),
        ESTIMATES[2]: returns - values,
    }
    return returns, values, estimates


# --8<-- [end:estimates]


def main(cfg: Config) -> Result:
    torch.set_num_threads(1)
    config = replace(A2CConfig(), total_steps=cfg.train_steps)
    network, _ = train_a2c(
        config, cfg.seed, cfg.out_dir / "a2c_short", torch.device("cpu"), show_progress=False
    )
    seed_everything(cfg.seed + 1)  # the episodes' actions, drawn from the policy
    env = gym.make(config.env_id)
    env.reset(seed=cfg.seed + 20_000)
    played = [play_episode(env, network.actor, torch.device("cpu")) for _ in range(cfg.episodes)]
    env.close()
    per_episode = [advantage_estimates(network, episode, config) for episode in played]
    stacked = {
        name: torch.cat([estimates[name] for _, _, estimates in per_episode]).numpy()
        for name in ESTIMATES
    }
    monte_carlo = stacked[ESTIMATES[2]]
    correlations = [float(np.corrcoef(stacked[name], monte_carlo)[0, 1]) for name in ESTIMATES]
    deviations = [float(stacked[name].std()) for name in ESTIMATES]
    lengths = [len(episode.rewards) for episode in played]
    shown = int(np.argsort(lengths)[len(lengths) // 2])  # an episode of median length
    plot(per_episode[shown], config, cfg.out_dir / "advantages.png")

    print(f"{cfg.train_steps:,} training steps; {cfg.episodes} episodes of lengths {lengths}")
    print(f"ended with the pole down: {sum(e.terminated for e in played)} of {len(played)}")
    critic_error = float(np.sqrt(np.mean(monte_carlo**2)))
    print(f"critic's error G_t - v(S_t): root mean square {critic_error:.2f}")
    for name, r, sd in zip(ESTIMATES, correlations, deviations, strict=True):
        print(f"{name:>18}: standard deviation {sd:6.2f}, correlation with Monte Carlo {r:+.2f}")
    return Result(
        episode_lengths=lengths,
        terminated=sum(e.terminated for e in played),
        estimates=list(ESTIMATES),
        correlation_with_monte_carlo=correlations,
        standard_deviation=deviations,
        critic_error=critic_error,
        shown_length=lengths[shown],
    )


def plot(
    episode: tuple[torch.Tensor, torch.Tensor, dict[str, torch.Tensor]],
    config: A2CConfig,
    path: Path,
) -> None:
    returns, values, estimates = episode
    steps = np.arange(len(values))
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(9, 6.5), dpi=110, sharex=True)
    top.plot(steps, returns.numpy(), label="Monte Carlo return $G_t$")
    top.plot(steps, values.numpy(), label="critic $v(S_t)$")
    top.set(ylabel="discounted return", title=f"One episode of {len(values)} steps")
    top.legend(loc="lower left")
    for i, (name, estimate) in enumerate(estimates.items()):
        bottom.plot(steps, estimate.numpy(), color=f"C{i + 2}", linewidth=1, label=name)
    bottom.axhline(0.0, color="black", linewidth=0.8)
    bottom.set(xlabel="step t of the episode", ylabel="advantage estimate")
    bottom.set_title(
        f"Advantage estimates (A2C: GAE, lambda {config.gae_lambda}, "
        f"windows of {config.n_steps} steps)"
    )
    bottom.legend(loc="lower left")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
