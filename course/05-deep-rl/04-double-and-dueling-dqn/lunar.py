"""What Demos 3, 4 and 5 share: the LunarLander-v3 settings of this Part, the two variants,
and one training run measured three ways (learning curve, greedy score, Q against returns)."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import numpy as np
import torch
from torch import nn

from rlcourse.agents.dqn import DQNConfig, train_dqn

# --8<-- [start:settings]
SETTINGS = DQNConfig(
    env_id="LunarLander-v3",
    total_steps=300_000,
    hidden_sizes=(256, 256),
    learning_rate=5e-4,  # decays linearly to 0, so the final network is a settled one
    batch_size=128,
    buffer_size=100_000,  # the latest third of the run: the first crashes age out
    learning_starts=1_000,
    train_every=4,  # one gradient step per 4 environment steps: 75,000 in all
    target_update_every=250,  # gradient steps: a copy every 1,000 environment steps
    epsilon_end=0.05,
    exploration_fraction=0.12,  # epsilon reaches 0.05 after 36,000 steps
    huber_loss=True,  # a crash costs 100: squared errors that large would swamp a batch
)
# Two of the four combinations fit this Part's CPU budget; Exercise 3 trains the other two.
VARIANTS = {  # name -> (double_dqn, dueling)
    "Double + Dueling": (True, True),
    "DQN": (False, False),
}
# --8<-- [end:settings]
EVAL_SEED_OFFSET = 40_000  # evaluation episodes start from states training never saw


def variant_config(name: str, total_steps: int) -> DQNConfig:
    """SETTINGS with the two switches of this Part set as ``VARIANTS[name]`` says."""
    double, dueling = VARIANTS[name]
    return dataclasses.replace(
        SETTINGS, total_steps=total_steps, double_dqn=double, dueling=dueling
    )


# --8<-- [start:measure]
@dataclass(frozen=True)
class GreedyEpisodes:
    """Greedy play of a trained network: scores, and for every step of the episodes that
    ended by landing or crashing (not by the time limit), Q(s, a) against the return."""

    returns: list[float]  # undiscounted, one per episode: the score
    predicted: list[float]  # Q(S_t, A_t) of the action the network chose
    realised: list[float]  # G_t = R_{t+1} + gamma R_{t+2} + ..., from that step to the end


def discounted_returns_to_go(rewards: list[float], gamma: float) -> list[float]:
    """G_t = R_{t+1} + gamma G_{t+1}, computed backwards from G_T = 0."""
    returns, future = [0.0] * len(rewards), 0.0
    for t in reversed(range(len(rewards))):
        future = rewards[t] + gamma * future
        returns[t] = future
    return returns


def play_greedy(
    network: nn.Module, env_id: str, episodes: int, seed: int, gamma: float
) -> GreedyEpisodes:
    """Play ``episodes`` greedy episodes (seeded like ``rlcourse.agents.dqn.evaluate``)."""
    env = gym.make(env_id)
    scores: list[float] = []
    predicted: list[float] = []
    realised: list[float] = []
    for episode in range(episodes):
        observation, _ = env.reset(seed=seed if episode == 0 else None)
        chosen_q: list[float] = []
        rewards: list[float] = []
        terminated = truncated = False
        while not (terminated or truncated):
            with torch.no_grad():
                q_values = network(torch.as_tensor(observation).unsqueeze(0))[0]  # (A,)
            action = int(q_values.argmax())
            chosen_q.append(float(q_values[action]))
            observation, reward, terminated, truncated, _ = env.step(action)
            rewards.append(float(reward))
        scores.append(sum(rewards))
        if terminated:  # a truncated episode's return is cut short: not a fair comparison
            predicted += chosen_q
            realised += discounted_returns_to_go(rewards, gamma)
    env.close()
    return GreedyEpisodes(scores, predicted, realised)


# --8<-- [end:measure]


@dataclass(frozen=True)
class Run:
    """One variant on one seed, as Demos 4 and 5 read it back from ``runs/``."""

    variant: str
    seed: int
    steps: int
    seconds: float  # training only, on this machine
    episode_end_steps: list[int]
    episode_returns: list[float]
    scores: list[float]  # greedy, one per evaluation episode
    mean_gap: float  # mean of Q(S_t, A_t) - G_t over every measured step
    predicted: list[float]  # Q(S_t, A_t) at every THIN-th measured step (the file stays small)
    realised: list[float]  # G_t at the same steps


THIN = 5


def run_path(out_dir: Path, variant: str, seed: int) -> Path:
    slug = variant.lower().replace(" + ", "_").replace(" ", "_")
    return out_dir / "runs" / f"{slug}_seed{seed}.json"


def train_and_measure(
    variant: str, config: DQNConfig, seed: int, eval_episodes: int, device: torch.device
) -> tuple[Run, nn.Module]:
    """Train one variant on one seed, then play its final network greedily."""
    network, log = train_dqn(config, seed, device)
    network.cpu()  # greedy play feeds it one CPU observation at a time
    greedy = play_greedy(
        network, config.env_id, eval_episodes, EVAL_SEED_OFFSET + seed, config.gamma
    )
    gaps = np.array(greedy.predicted) - np.array(greedy.realised)
    run = Run(
        variant=variant,
        seed=seed,
        steps=log.steps,
        seconds=log.seconds,
        episode_end_steps=log.episode_end_steps,
        episode_returns=log.episode_returns,
        scores=greedy.returns,
        mean_gap=float(gaps.mean()) if gaps.size else 0.0,  # 0.0: no episode terminated
        predicted=[round(q, 2) for q in greedy.predicted[::THIN]],
        realised=[round(g, 2) for g in greedy.realised[::THIN]],
    )
    return run, network


def save_run(run: Run, out_dir: Path) -> None:
    path = run_path(out_dir, run.variant, run.seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(dataclasses.asdict(run)))


def load_run(out_dir: Path, variant: str, seed: int) -> Run:
    """A run Demo 3 saved; a clear error if Demo 3 has not run with this variant and seed."""
    path = run_path(out_dir, variant, seed)
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run demo_train_lunar.py first")
    return Run(**json.loads(path.read_text()))


def load_runs(
    out_dir: Path, variants: tuple[str, ...], seeds: tuple[int, ...]
) -> dict[str, list[Run]]:
    """Every variant's runs, in the order of ``seeds``."""
    return {name: [load_run(out_dir, name, seed) for seed in seeds] for name in variants}
