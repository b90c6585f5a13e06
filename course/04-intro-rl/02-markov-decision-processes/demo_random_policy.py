"""Demo 2: the random policy in the hiking MDP, with the rewards of every episode tracked."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tyro

from rlcourse.episodes import Episode
from rlcourse.mdp import MDP, discounted_return, hiking_trip, sample_episode, uniform_policy
from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    episodes: int = 20_000
    shown_episodes: int = 2  # episodes printed step by step
    plotted_episodes: int = 40  # episodes drawn as reward traces
    max_steps: int = 1000  # an episode still running after this many steps is truncated
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    episodes: int
    mean_total_reward: float  # undiscounted sum of rewards per episode
    mean_return: float  # discounted return G_0, gamma = 0.9
    return_standard_error: float
    mean_length: float
    longest_episode: int
    share_within_3_steps: float  # fraction of episodes that reach the summit in 3 steps or fewer
    truncated_episodes: int
    figure: str


def show_episode(mdp: MDP, episode: Episode) -> None:
    """Print each step, by name, with the discounted return so far, sum_k gamma^k R_{k+1}."""
    so_far = 0.0
    for t, step in enumerate(episode):
        so_far += mdp.gamma**t * step.reward
        state, action = mdp.states[step.state], mdp.actions[step.action]
        print(
            f"  t={t}  {state:<9} {action:<8} -> {mdp.states[step.next_state]:<9} "
            f"R={step.reward:+5.1f}  return so far {so_far:+7.3f}"
        )
    total = sum(step.reward for step in episode)
    print(f"  total reward {total:+.1f}, return G_0 = {so_far:+.3f}")


def plot_rewards(episodes: list[Episode], returns: np.ndarray, plotted: int, path: Path) -> None:
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8), dpi=100)
    for episode in episodes[:plotted]:
        totals = np.cumsum([0.0, *(step.reward for step in episode)])  # after t steps
        left.plot(range(len(totals)), totals, color="tab:blue", alpha=0.35, lw=1)
        left.plot(len(totals) - 1, totals[-1], "o", color="tab:blue", ms=3)
    left.set_xlabel("step t")
    left.set_ylabel("total reward so far")
    left.set_title(f"{plotted} episodes of the random policy (dot: summit)")
    right.hist(returns, bins=60, color="tab:orange")
    right.axvline(float(returns.mean()), color="black", ls="--", label="mean")
    right.set_xlabel("discounted return $G_0$")
    right.set_ylabel("episodes")
    right.set_title(f"returns of {len(returns):,} episodes")
    right.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    rng = seed_everything(cfg.seed)  # a NumPy Generator: every random choice comes from it
    mdp = hiking_trip()
    policy = uniform_policy(mdp.n_states, mdp.n_actions)  # pi(a | s) = 1/2 for both actions
    episodes = [sample_episode(mdp, policy, rng, cfg.max_steps) for _ in range(cfg.episodes)]
    for i, episode in enumerate(episodes[: cfg.shown_episodes]):
        print(f"episode {i}:")
        show_episode(mdp, episode)

    rewards = [[step.reward for step in episode] for episode in episodes]
    returns = np.array([discounted_return(r, mdp.gamma) for r in rewards])
    totals = np.array([sum(r) for r in rewards])
    lengths = np.array([len(episode) for episode in episodes])
    standard_error = float(returns.std(ddof=1) / np.sqrt(len(returns)))
    truncated = sum(episode[-1].truncated for episode in episodes)
    print(f"\nover {len(episodes):,} episodes of the random policy:")
    print(f"  mean total reward   {totals.mean():.3f}")
    print(f"  mean return G_0     {returns.mean():.3f} ± {standard_error:.3f} (standard error)")
    print(f"  mean length         {lengths.mean():.2f} steps, longest {lengths.max()}")
    print(f"  summit within 3 steps in {np.mean(lengths <= 3):.1%} of the episodes")
    print(f"  truncated episodes  {truncated} (cut at {cfg.max_steps} steps)")

    figure = cfg.out_dir / "random_policy_rewards.png"
    plot_rewards(episodes, returns, cfg.plotted_episodes, figure)
    return Result(
        episodes=len(episodes),
        mean_total_reward=float(totals.mean()),
        mean_return=float(returns.mean()),
        return_standard_error=standard_error,
        mean_length=float(lengths.mean()),
        longest_episode=int(lengths.max()),
        share_within_3_steps=float(np.mean(lengths <= 3)),
        truncated_episodes=truncated,
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
