"""Deep Q-Networks (Part 5.2 introduces them): the network, the TD target, the training loop.

The pieces are separate functions so that later lessons can swap one of them:
Part 5.3 changes the target network and the replay buffer, Part 5.4 changes how
the next state's value is computed (Double DQN) and the network (Dueling DQN).
"""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass, field
from pathlib import Path

import gymnasium as gym
import numpy as np
import torch
import torch.nn.functional as F
from gymnasium.spaces import Box, Discrete
from torch import nn
from tqdm import tqdm

from rlcourse.agents.replay import Batch, ReplayBuffer
from rlcourse.schedules import LinearSchedule
from rlcourse.seeding import seed_everything


# --8<-- [start:config]
@dataclass(frozen=True)
class DQNConfig:
    """Hyperparameters of DQN; the defaults solve CartPole-v1 (Part 5.2)."""

    env_id: str = "CartPole-v1"
    total_steps: int = 100_000  # environment steps, the whole training budget
    hidden_sizes: tuple[int, ...] = (128, 128)
    gamma: float = 0.99
    learning_rate: float = 1e-3  # decays linearly to 0 over total_steps
    batch_size: int = 128
    buffer_size: int = 100_000  # large enough to keep early failures in memory
    learning_starts: int = 1_000  # random-policy steps before the first update
    train_every: int = 1  # environment steps per gradient step
    target_update_every: int = 500  # gradient steps between target-network updates
    target_tau: float = 1.0  # 1.0: copy the online weights; below 1: move part of the way
    epsilon_start: float = 1.0
    epsilon_end: float = 0.01
    exploration_fraction: float = 0.2  # share of total_steps over which epsilon decays
    max_grad_norm: float = 10.0
    huber_loss: bool = False  # squared error; True: Huber (smooth L1), as in the DQN paper


# --8<-- [end:config]


# --8<-- [start:network]
class QNetwork(nn.Module):
    """Maps a batch of observations (B, observation_size) to Q-values (B, action_count)."""

    def __init__(
        self, observation_size: int, action_count: int, hidden_sizes: tuple[int, ...]
    ) -> None:
        super().__init__()
        layers: list[nn.Module] = []
        width = observation_size
        for hidden in hidden_sizes:
            layers += [nn.Linear(width, hidden), nn.ReLU()]
            width = hidden
        # The last layer has no activation: Q-values can be any real number.
        layers.append(nn.Linear(width, action_count))
        self.layers = nn.Sequential(*layers)

    def forward(self, observations: torch.Tensor) -> torch.Tensor:
        return self.layers(observations)


# --8<-- [end:network]


def check_spaces(env: gym.Env[np.ndarray, np.int64]) -> tuple[int, Discrete]:
    """The observation size and the action space, for a flat Box and a Discrete space.

    Gymnasium types both spaces as a generic ``Space``; the isinstance checks narrow them.
    """
    observation_space, action_space = env.observation_space, env.action_space
    if not isinstance(observation_space, Box) or len(observation_space.shape) != 1:
        raise ValueError(f"expected a flat Box observation space, got {observation_space}")
    if not isinstance(action_space, Discrete):
        raise ValueError(f"expected a Discrete action space, got {action_space}")
    return observation_space.shape[0], action_space


# --8<-- [start:targets]
def td_targets(
    rewards: torch.Tensor,
    next_values: torch.Tensor,
    terminated: torch.Tensor,
    gamma: float,
) -> torch.Tensor:
    """y = r + gamma * (1 - terminated) * V(s'), all tensors of shape (B,).

    Only ``terminated`` stops the bootstrap. A time-limit truncation is not a
    terminal state: the pole was still up, so the future value still counts.
    """
    return rewards + gamma * (1.0 - terminated) * next_values


def max_next_q(target_network: nn.Module, next_observations: torch.Tensor) -> torch.Tensor:
    """max_a' Q_target(s', a'), shape (B,), with no gradient (the target is a constant)."""
    with torch.no_grad():
        return target_network(next_observations).max(dim=1).values


def dqn_loss(
    online_network: nn.Module,
    target_network: nn.Module,
    batch: Batch,
    gamma: float,
    huber: bool = False,
) -> torch.Tensor:
    """The DQN loss of one minibatch: mean of L(Q(s, a) - y) with y from the target network."""
    q_values = online_network(batch.observations)  # (B, A)
    q_taken = q_values.gather(1, batch.actions.unsqueeze(1)).squeeze(1)  # (B,): Q(s, a)
    targets = td_targets(
        batch.rewards, max_next_q(target_network, batch.next_observations), batch.terminated, gamma
    )
    if huber:
        return F.smooth_l1_loss(q_taken, targets)
    return F.mse_loss(q_taken, targets)


# --8<-- [end:targets]


# --8<-- [start:target_update]
def update_target(target_network: nn.Module, online_network: nn.Module, tau: float) -> None:
    """theta_target <- tau * theta + (1 - tau) * theta_target (tau = 1 is a plain copy)."""
    with torch.no_grad():
        for target_param, online_param in zip(
            target_network.parameters(), online_network.parameters(), strict=True
        ):
            target_param.lerp_(online_param, tau)


# --8<-- [end:target_update]


# --8<-- [start:acting]
def greedy_action(network: nn.Module, observation: np.ndarray, device: torch.device) -> int:
    """argmax_a Q(s, a) for one observation."""
    with torch.no_grad():
        state = torch.as_tensor(observation, dtype=torch.float32, device=device).unsqueeze(0)
        return int(network(state).argmax(dim=1).item())


def select_action(
    network: nn.Module,
    observation: np.ndarray,
    epsilon: float,
    action_space: Discrete,
    rng: np.random.Generator,
    device: torch.device,
) -> int:
    """The epsilon-greedy behaviour policy: with probability epsilon a random action from
    ``action_space``, otherwise :func:`greedy_action` (a network's outputs do not tie)."""
    if rng.random() < epsilon:
        return int(action_space.sample())
    return greedy_action(network, observation, device)


# --8<-- [end:acting]


@dataclass
class TrainingLog:
    """What happened during training, for learning curves and reports."""

    episode_returns: list[float] = field(default_factory=list)
    episode_end_steps: list[int] = field(default_factory=list)  # env step when each ended
    losses: list[float] = field(default_factory=list)  # one per gradient step
    steps: int = 0
    seconds: float = 0.0


# --8<-- [start:train]
def train_dqn(
    config: DQNConfig, seed: int, device: torch.device, show_progress: bool = True
) -> tuple[QNetwork, TrainingLog]:
    """Train a DQN agent for ``config.total_steps`` environment steps; return it and its log."""
    rng = seed_everything(seed)
    env = gym.make(config.env_id)
    observation_size, action_space = check_spaces(env)
    action_space.seed(seed)

    online = QNetwork(observation_size, int(action_space.n), config.hidden_sizes).to(device)
    target = copy.deepcopy(online)  # Q_target starts as an exact copy of Q
    optimizer = torch.optim.Adam(online.parameters(), lr=config.learning_rate)
    buffer = ReplayBuffer(config.buffer_size, (observation_size,), seed=seed, device=device)
    epsilon_schedule = LinearSchedule(
        config.epsilon_start,
        config.epsilon_end,
        duration=int(config.exploration_fraction * config.total_steps),
    )
    gradient_steps = 0
    log = TrainingLog()

    start = time.perf_counter()
    observation, _ = env.reset(seed=seed)
    episode_return = 0.0
    for step in tqdm(range(config.total_steps), desc=f"DQN seed {seed}", disable=not show_progress):
        epsilon = epsilon_schedule(step)
        action = select_action(online, observation, epsilon, action_space, rng, device)
        next_observation, reward, terminated, truncated, _ = env.step(action)
        # Both flags are stored; only `terminated` will stop the bootstrap.
        buffer.add(observation, action, float(reward), next_observation, terminated, truncated)
        episode_return += float(reward)
        observation = next_observation
        if terminated or truncated:
            log.episode_returns.append(episode_return)
            log.episode_end_steps.append(step + 1)
            observation, _ = env.reset()
            episode_return = 0.0

        if step >= config.learning_starts and step % config.train_every == 0:
            # Linear decay of the step size to 0: late updates only fine-tune.
            for group in optimizer.param_groups:
                group["lr"] = config.learning_rate * (1.0 - step / config.total_steps)
            loss = dqn_loss(
                online, target, buffer.sample(config.batch_size), config.gamma, config.huber_loss
            )
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(online.parameters(), config.max_grad_norm)
            optimizer.step()
            log.losses.append(loss.item())
            gradient_steps += 1
            if gradient_steps % config.target_update_every == 0:
                update_target(target, online, config.target_tau)

    env.close()
    log.steps = config.total_steps
    log.seconds = time.perf_counter() - start
    return online, log


# --8<-- [end:train]


# --8<-- [start:evaluate]
def evaluate(
    network: nn.Module, env_id: str, episodes: int, seed: int, device: torch.device
) -> list[float]:
    """Returns of ``episodes`` greedy episodes (epsilon = 0) on a fresh environment."""
    env = gym.make(env_id)
    returns: list[float] = []
    for episode in range(episodes):
        # Greedy play draws no random actions: only the start states need a seed. Seeding the
        # first reset fixes them all, as later resets continue the same random stream.
        observation, _ = env.reset(seed=seed if episode == 0 else None)
        total, done = 0.0, False
        while not done:
            observation, reward, terminated, truncated, _ = env.step(
                greedy_action(network, observation, device)
            )
            total += float(reward)
            done = terminated or truncated
        returns.append(total)
    env.close()
    return returns


# --8<-- [end:evaluate]


# --8<-- [start:checkpoint]
def save_q_network(network: QNetwork, path: Path) -> None:
    """Save the weights only (a state_dict of tensors), never the pickled module."""
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save(network.state_dict(), path)


def load_q_network(
    path: Path,
    observation_size: int,
    action_count: int,
    hidden_sizes: tuple[int, ...],
    device: torch.device,
) -> QNetwork:
    """Rebuild the architecture, then fill it with saved weights (tensors only)."""
    network = QNetwork(observation_size, action_count, hidden_sizes).to(device)
    # weights_only=True refuses arbitrary pickled objects: loading cannot run code.
    state = torch.load(path, map_location=device, weights_only=True)
    network.load_state_dict(state)
    return network


# --8<-- [end:checkpoint]
