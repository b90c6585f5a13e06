"""Demo 1: the TD targets of a fixed set of transitions, with and without a target network."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro
from torch import nn

from rlcourse.agents.dqn import (
    QNetwork,
    check_spaces,
    dqn_loss,
    max_next_q,
    td_targets,
    update_target,
)
from rlcourse.agents.replay import Batch, ReplayBuffer
from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    random_steps: int = 5_000  # transitions of random play in the buffer
    updates: int = 1_000  # gradient steps on minibatches of that fixed buffer
    target_period: int = 200  # C: updates between target refreshes
    probe_size: int = 256  # transitions whose targets we watch
    batch_size: int = 64
    learning_rate: float = 1e-3
    gamma: float = 0.99
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    updates: int
    target_period: int
    changes_with_target: int  # updates after which some probe target changed
    changes_without_target: int
    final_mean_target_with: float  # mean probe target after the last update
    final_mean_target_without: float
    mean_step_without: float  # mean |change| of a probe target per update, no target network


def random_play(cfg: Config) -> ReplayBuffer:
    """A buffer of ``random_steps`` transitions of uniformly random actions on CartPole-v1."""
    env = gym.make("CartPole-v1")
    observation_size, action_space = check_spaces(env)
    action_space.seed(cfg.seed)
    buffer = ReplayBuffer(cfg.random_steps, (observation_size,), seed=cfg.seed)
    observation, _ = env.reset(seed=cfg.seed)
    for _ in range(cfg.random_steps):
        action = int(action_space.sample())
        next_observation, reward, terminated, truncated, _ = env.step(action)
        buffer.add(observation, action, float(reward), next_observation, terminated, truncated)
        observation = next_observation
        if terminated or truncated:
            observation, _ = env.reset()
    env.close()
    return buffer


# --8<-- [start:fit]
def fit(
    cfg: Config, online: QNetwork, buffer: ReplayBuffer, probe: Batch, use_target: bool
) -> np.ndarray:
    """``cfg.updates`` DQN updates on the fixed buffer; returns the probe's TD targets
    y = r + gamma (1 - terminated) max_a' Q(s', a') after every update, (updates, probe)."""
    target = copy.deepcopy(online)
    # Without a target network, the network being trained computes its own targets.
    bootstrap = target if use_target else online
    optimizer = torch.optim.Adam(online.parameters(), lr=cfg.learning_rate)
    history = []
    for update in range(1, cfg.updates + 1):
        loss = dqn_loss(online, bootstrap, buffer.sample(cfg.batch_size), cfg.gamma)
        optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(online.parameters(), 10.0)
        optimizer.step()
        if use_target and update % cfg.target_period == 0:
            update_target(target, online, tau=1.0)  # the only moment the targets move
        next_values = max_next_q(bootstrap, probe.next_observations)
        history.append(td_targets(probe.rewards, next_values, probe.terminated, cfg.gamma))
    return torch.stack(history).numpy()


# --8<-- [end:fit]


def main(cfg: Config) -> Result:
    torch.set_num_threads(1)
    rng = seed_everything(cfg.seed)
    buffer = random_play(cfg)
    probe = buffer.sample(cfg.probe_size)
    start = QNetwork(buffer.observations.shape[1], 2, (64, 64))
    histories = {}
    for use_target in (True, False):
        # Same starting weights, same minibatches (the buffer's generator restarts).
        buffer.rng = np.random.default_rng(cfg.seed)
        histories[use_target] = fit(cfg, copy.deepcopy(start), buffer, probe, use_target)
    del rng
    steps = {key: np.abs(np.diff(h, axis=0)) for key, h in histories.items()}  # (updates-1, probe)
    changed = {key: int((step.max(axis=1) > 0).sum()) for key, step in steps.items()}
    print(
        f"{cfg.updates} updates on {cfg.random_steps} random-play transitions; "
        f"{cfg.probe_size} probe transitions"
    )
    for key, label in (
        (True, f"target network (C = {cfg.target_period})"),
        (False, "no target network"),
    ):
        print(
            f"{label:<28} targets moved after {changed[key]:>4} updates; "
            f"mean |change| per update {steps[key].mean():.4f}; "
            f"final mean target {histories[key][-1].mean():.2f}"
        )
    plot(cfg, histories)
    return Result(
        updates=cfg.updates,
        target_period=cfg.target_period,
        changes_with_target=changed[True],
        changes_without_target=changed[False],
        final_mean_target_with=float(histories[True][-1].mean()),
        final_mean_target_without=float(histories[False][-1].mean()),
        mean_step_without=float(steps[False].mean()),
    )


def plot(cfg: Config, histories: dict[bool, np.ndarray]) -> None:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(7, 3.8), dpi=110)
    updates = np.arange(1, cfg.updates + 1)
    for key, label in (
        (True, f"target network, C = {cfg.target_period}"),
        (False, "no target network"),
    ):
        ax.plot(updates, histories[key].mean(axis=1), label=label)
    ax.set(xlabel="gradient step", ylabel="mean TD target y of the probe transitions")
    ax.set_title("The regression targets DQN chases, with and without a target network")
    ax.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(cfg.out_dir / "moving_targets.png")
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
