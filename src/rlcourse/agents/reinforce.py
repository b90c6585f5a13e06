"""REINFORCE, the Monte Carlo policy gradient (Part 5.5 introduces it), with reward-to-go
returns and an optional learned baseline.

The agent plays a whole episode with its stochastic policy, then raises the log-probability
of each action it took in proportion to how much better than expected the rest of the
episode went. Part 5.6's actor-critic reuses :func:`policy_loss` and the same policy network.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import gymnasium as gym
import numpy as np
import torch
import torch.nn.functional as F
from gymnasium.spaces import Box, Discrete
from torch import nn
from tqdm import tqdm

from rlcourse.checkpoints import load_checkpoint, save_checkpoint
from rlcourse.metrics import MetricsWriter
from rlcourse.networks import mlp
from rlcourse.seeding import seed_everything

CHECKPOINT_NAME = "final.pt"


# --8<-- [start:config]
@dataclass(frozen=True)
class ReinforceConfig:
    """Hyperparameters of REINFORCE; the defaults are Part 5.5's CartPole-v1 runs."""

    env_id: str = "CartPole-v1"
    episodes: int = 500  # the whole training budget, in episodes
    episodes_per_update: int = 2  # episodes whose gradients are averaged in one step
    hidden_sizes: tuple[int, ...] = (64,)
    gamma: float = 0.99
    learning_rate: float = 3e-3  # of the policy; decays linearly to 0 over the run
    baseline: bool = True  # learn V(s) and subtract it from the returns
    value_learning_rate: float = 1e-2


# --8<-- [end:config]


@dataclass(frozen=True)
class Episode:
    """One episode played by the policy: T steps, observations of size n."""

    observations: torch.Tensor  # (T, n) float32: S_0 .. S_{T-1}
    actions: torch.Tensor  # (T,) int64: A_0 .. A_{T-1}
    rewards: torch.Tensor  # (T,) float32: R_1 .. R_T
    final_observation: torch.Tensor  # (n,) float32: S_T, where the episode stopped
    terminated: bool  # S_T is terminal; False when a time limit truncated the episode


def check_spaces(env: gym.Env[np.ndarray, int]) -> tuple[int, int]:
    """The observation size and the number of actions, for a flat Box and a Discrete space."""
    observation_space, action_space = env.observation_space, env.action_space
    if not isinstance(observation_space, Box) or len(observation_space.shape) != 1:
        raise ValueError(f"expected a flat Box observation space, got {observation_space}")
    if not isinstance(action_space, Discrete):
        raise ValueError(f"expected a Discrete action space, got {action_space}")
    return observation_space.shape[0], int(action_space.n)


# --8<-- [start:policy]
def make_policy(
    observation_size: int, action_count: int, hidden_sizes: tuple[int, ...]
) -> nn.Sequential:
    """pi_theta: (B, observation_size) -> (B, action_count) logits, one score per action.

    softmax(logits) are the action probabilities; the network never outputs them directly,
    because log_softmax of logits is exact where log(softmax) would round to log(0).
    """
    return mlp(observation_size, hidden_sizes, action_count, activation=nn.Tanh)


def log_probabilities(
    policy: nn.Module, observations: torch.Tensor, actions: torch.Tensor
) -> torch.Tensor:
    """log pi(A_t | S_t) for each row: observations (T, n), actions (T,) -> (T,)."""
    log_pi = F.log_softmax(policy(observations), dim=1)  # (T, A)
    return log_pi.gather(1, actions.unsqueeze(1)).squeeze(1)


def sample_action(policy: nn.Module, observation: torch.Tensor) -> int:
    """A ~ pi(. | s) for one observation (n,), drawn with PyTorch's seeded generator."""
    with torch.no_grad():
        probabilities = F.softmax(policy(observation.unsqueeze(0)), dim=1)  # (1, A)
        return int(torch.multinomial(probabilities, 1).item())


def greedy_action(policy: nn.Module, observation: torch.Tensor) -> int:
    """argmax_a pi(a | s): the most probable action, for evaluation and GIFs."""
    with torch.no_grad():
        return int(policy(observation.unsqueeze(0)).argmax(dim=1).item())


# --8<-- [end:policy]


def play_episode(env: gym.Env[np.ndarray, int], policy: nn.Module, device: torch.device) -> Episode:
    """Play one episode from ``env``'s next reset, sampling every action from ``policy``."""
    observation, _ = env.reset()
    observations: list[np.ndarray] = []
    actions: list[int] = []
    rewards: list[float] = []
    while True:
        state = torch.as_tensor(observation, dtype=torch.float32, device=device)
        action = sample_action(policy, state)
        observations.append(observation)
        actions.append(action)
        observation, reward, terminated, truncated, _ = env.step(action)
        rewards.append(float(reward))
        if terminated or truncated:
            break
    return Episode(
        observations=torch.as_tensor(np.array(observations), dtype=torch.float32, device=device),
        actions=torch.tensor(actions, dtype=torch.int64, device=device),
        rewards=torch.tensor(rewards, dtype=torch.float32, device=device),
        final_observation=torch.as_tensor(observation, dtype=torch.float32, device=device),
        terminated=bool(terminated),
    )


# --8<-- [start:returns]
def reward_to_go(rewards: torch.Tensor, gamma: float, final_value: float = 0.0) -> torch.Tensor:
    """G_t = R_{t+1} + gamma R_{t+2} + ... + gamma^{T-1-t} R_T + gamma^{T-t} final_value.

    rewards (T,) -> returns (T,), computed backwards with G_t = R_{t+1} + gamma G_{t+1}.
    ``final_value`` is what the episode would still have earned after S_T: 0 when S_T is
    terminal, an estimate v(S_T) when a time limit truncated the episode.
    """
    returns = [0.0] * len(rewards)
    future = final_value
    for t, reward in reversed(list(enumerate(rewards.tolist()))):
        future = reward + gamma * future  # G_t = R_{t+1} + gamma G_{t+1}
        returns[t] = future
    return torch.tensor(returns, dtype=rewards.dtype, device=rewards.device)


def policy_loss(log_probs: torch.Tensor, advantages: torch.Tensor) -> torch.Tensor:
    """-sum_t log pi(A_t | S_t) (G_t - b(S_t)): its gradient is minus the policy gradient.

    log_probs (T,) carries the gradient; ``advantages`` (T,) is detached here, because the
    baseline is a constant in the policy gradient (its own loss trains it).
    """
    return -(log_probs * advantages.detach()).sum()


def episode_reward_to_go(episode: Episode, value: nn.Module | None, gamma: float) -> torch.Tensor:
    """The reward-to-go G_t of every step of ``episode``, shape (T,).

    A terminated episode earns nothing after S_T. A truncated one would have gone on: its
    tail is bootstrapped with the value network's v(S_T), or counts as 0 when there is no
    value network, which makes its last returns too low (a bias the baseline removes).
    """
    if episode.terminated or value is None:
        return reward_to_go(episode.rewards, gamma)
    with torch.no_grad():  # a target, like DQN's: no gradient through v(S_T)
        final_value = float(value(episode.final_observation.unsqueeze(0)).item())
    return reward_to_go(episode.rewards, gamma, final_value)


def episode_losses(
    policy: nn.Module, value: nn.Module | None, episode: Episode, gamma: float
) -> tuple[torch.Tensor, torch.Tensor]:
    """The policy loss and the value loss (0 without a baseline) of one episode."""
    log_probs = log_probabilities(policy, episode.observations, episode.actions)  # (T,)
    returns = episode_reward_to_go(episode, value, gamma)  # (T,)
    if value is None:
        return policy_loss(log_probs, returns), torch.zeros(())
    values = value(episode.observations).squeeze(1)  # (T,): the baseline b(S_t) = v_w(S_t)
    return policy_loss(log_probs, returns - values), F.mse_loss(values, returns)


# --8<-- [end:returns]


@dataclass
class TrainingLog:
    """What happened during training, for learning curves and reports."""

    episode_returns: list[float] = field(default_factory=list)
    episode_end_steps: list[int] = field(default_factory=list)  # env steps when each ended
    policy_losses: list[float] = field(default_factory=list)  # one per update
    value_losses: list[float] = field(default_factory=list)  # one per update
    steps: int = 0
    seconds: float = 0.0


@dataclass(frozen=True)
class Agent:
    """A trained policy, and the value network that served as its baseline (or None)."""

    policy: nn.Module
    value: nn.Module | None


# --8<-- [start:train]
def train_reinforce(
    config: ReinforceConfig,
    seed: int,
    run_dir: Path,
    device: torch.device,
    show_progress: bool = True,
) -> tuple[Agent, TrainingLog]:
    """Train for ``config.episodes`` episodes; metrics go to ``run_dir/metrics.csv`` and the
    final networks to ``run_dir/final.pt``."""
    seed_everything(seed)  # torch's generator draws the actions
    env = gym.make(config.env_id)
    observation_size, action_count = check_spaces(env)
    env.reset(seed=seed)  # later resets continue this environment's seeded stream
    policy = make_policy(observation_size, action_count, config.hidden_sizes).to(device)
    value = mlp(observation_size, config.hidden_sizes, 1).to(device) if config.baseline else None
    optimizer = torch.optim.Adam(policy.parameters(), lr=config.learning_rate)
    value_optimizer = (
        torch.optim.Adam(value.parameters(), lr=config.value_learning_rate)
        if value is not None
        else None
    )
    updates = config.episodes // config.episodes_per_update
    log = TrainingLog()
    start = time.perf_counter()
    with MetricsWriter(run_dir) as metrics:
        for update in tqdm(
            range(updates), desc=f"REINFORCE seed {seed}", disable=not show_progress
        ):
            episodes = [
                play_episode(env, policy, device) for _ in range(config.episodes_per_update)
            ]
            losses = [episode_losses(policy, value, episode, config.gamma) for episode in episodes]
            # The mean over episodes of each episode's sum over its steps.
            loss = torch.stack([policy_part for policy_part, _ in losses]).mean()
            value_loss = torch.stack([value_part for _, value_part in losses]).mean()
            for group in optimizer.param_groups:
                group["lr"] = config.learning_rate * (1.0 - update / updates)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if value_optimizer is not None:
                value_optimizer.zero_grad()
                value_loss.backward()
                value_optimizer.step()

            for episode in episodes:
                log.steps += len(episode.rewards)
                log.episode_returns.append(float(episode.rewards.sum()))
                log.episode_end_steps.append(log.steps)
                metrics.add(log.steps, episode_return=log.episode_returns[-1])
            log.policy_losses.append(loss.item())
            log.value_losses.append(value_loss.item())
            metrics.add(log.steps, policy_loss=loss.item(), value_loss=value_loss.item())
    env.close()
    log.seconds = time.perf_counter() - start
    agent = Agent(policy, value)
    save_agent(agent, config, observation_size, action_count, run_dir / CHECKPOINT_NAME)
    return agent, log


# --8<-- [end:train]


def save_agent(
    agent: Agent, config: ReinforceConfig, observation_size: int, action_count: int, path: Path
) -> None:
    """The networks' weights with what rebuilds them (sizes, the config as plain data)."""
    save_checkpoint(
        {
            "policy": agent.policy.state_dict(),
            "value": agent.value.state_dict() if agent.value is not None else {},
            "observation_size": observation_size,
            "action_count": action_count,
            "config": asdict(config),
        },
        path,
    )


def load_agent(path: Path, device: torch.device) -> Agent:
    """Rebuild the networks that :func:`save_agent` wrote (weights only, no pickles)."""
    state = load_checkpoint(path, device)
    hidden_sizes = tuple(state["config"]["hidden_sizes"])
    sizes = state["observation_size"], state["action_count"]
    policy = make_policy(*sizes, hidden_sizes).to(device)
    policy.load_state_dict(state["policy"])
    value = None
    if state["value"]:
        value = mlp(sizes[0], hidden_sizes, 1).to(device)
        value.load_state_dict(state["value"])
    return Agent(policy, value)


# --8<-- [start:evaluate]
def evaluate(
    policy: nn.Module, env_id: str, episodes: int, seed: int, device: torch.device
) -> list[float]:
    """Returns of ``episodes`` greedy episodes (the most probable action) on a fresh environment."""
    env = gym.make(env_id)
    returns: list[float] = []
    for episode in range(episodes):
        # Greedy play draws no random numbers: seeding the first reset fixes every start state.
        observation, _ = env.reset(seed=seed if episode == 0 else None)
        total, done = 0.0, False
        while not done:
            state = torch.as_tensor(observation, dtype=torch.float32, device=device)
            observation, reward, terminated, truncated, _ = env.step(greedy_action(policy, state))
            total += float(reward)
            done = terminated or truncated
        returns.append(total)
    env.close()
    return returns


# --8<-- [end:evaluate]
