"""Deep Q-Networks (Part 5.2 introduces them): the network, the TD target, the training loop.

The pieces are separate functions so that later lessons can swap one of them:
Part 5.3 turns the target network and the replay buffer off (``DQNConfig.target_network``,
``DQNConfig.replay``) and makes a run resumable (metrics, checkpoints), Part 5.4 changes
how the next state's value is computed (``double_dqn``) and the network (``dueling``).
"""

from __future__ import annotations

import copy
import dataclasses
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
from rlcourse.checkpoints import (
    CheckpointError,
    load_checkpoint,
    random_states,
    restore_random_states,
    save_checkpoint,
)
from rlcourse.metrics import MetricsWriter
from rlcourse.networks import mlp
from rlcourse.recording import Recording, record_gif
from rlcourse.schedules import LinearSchedule
from rlcourse.seeding import seed_everything

CHECKPOINT_NAME = "checkpoint.pt"  # in a run's directory, beside metrics.csv


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
    replay: bool = True  # False: each update uses the latest batch_size transitions (5.3)
    target_network: bool = True  # False: the online network computes its own targets (5.3)
    double_dqn: bool = False  # True: the online network picks a', the target evaluates it (5.4)
    dueling: bool = False  # True: Q = V + A - mean A, two heads on shared layers (5.4)


# --8<-- [end:config]


# --8<-- [start:network]
class QNetwork(nn.Module):
    """Maps a batch of observations (B, observation_size) to Q-values (B, action_count).

    With ``dueling=True`` (Part 5.4) the hidden layers feed two heads, a state value
    V(s) of shape (B, 1) and advantages A(s, a) of shape (B, action_count), combined as
    Q(s, a) = V(s) + A(s, a) - mean_a' A(s, a').
    """

    def __init__(
        self,
        observation_size: int,
        action_count: int,
        hidden_sizes: tuple[int, ...],
        dueling: bool = False,
    ) -> None:
        super().__init__()
        self.dueling = dueling
        if not dueling:
            # The last layer has no activation: Q-values can be any real number.
            self.layers = mlp(observation_size, hidden_sizes, action_count)
            return
        if not hidden_sizes:
            raise ValueError("a dueling network needs at least one hidden layer for its heads")
        *body, width = hidden_sizes
        self.layers = nn.Sequential(mlp(observation_size, body, width), nn.ReLU())
        self.value_head = nn.Linear(width, 1)
        self.advantage_head = nn.Linear(width, action_count)

    def forward(self, observations: torch.Tensor) -> torch.Tensor:
        if not self.dueling:
            return self.layers(observations)
        features = self.layers(observations)  # (B, width)
        value = self.value_head(features)  # (B, 1)
        advantages = self.advantage_head(features)  # (B, A)
        # Subtracting the mean makes V and A identifiable: the advantages average to 0.
        return value + advantages - advantages.mean(dim=1, keepdim=True)


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


def double_next_q(
    online_network: nn.Module, target_network: nn.Module, next_observations: torch.Tensor
) -> torch.Tensor:
    """Q_target(s', argmax_a' Q(s', a')), shape (B,): Double DQN (Part 5.4). The online
    network picks the action, the target network values it, so one network's upward
    noise is not both chosen and believed."""
    with torch.no_grad():
        best_actions = online_network(next_observations).argmax(dim=1, keepdim=True)  # (B, 1)
        return target_network(next_observations).gather(1, best_actions).squeeze(1)


def dqn_loss(
    online_network: nn.Module,
    target_network: nn.Module,
    batch: Batch,
    gamma: float,
    huber: bool = False,
    double: bool = False,
) -> torch.Tensor:
    """The DQN loss of one minibatch: mean of L(Q(s, a) - y) with y from the target network."""
    q_values = online_network(batch.observations)  # (B, A)
    q_taken = q_values.gather(1, batch.actions.unsqueeze(1)).squeeze(1)  # (B,): Q(s, a)
    if double:
        next_values = double_next_q(online_network, target_network, batch.next_observations)
    else:
        next_values = max_next_q(target_network, batch.next_observations)
    targets = td_targets(batch.rewards, next_values, batch.terminated, gamma)
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
    config: DQNConfig,
    seed: int,
    device: torch.device,
    show_progress: bool = True,
    run_dir: Path | None = None,
    tensorboard: bool = False,
    checkpoint_every: int = 0,
    resume: bool = False,
) -> tuple[QNetwork, TrainingLog]:
    """Train a DQN agent for ``config.total_steps`` environment steps; return it and its log.

    With a ``run_dir``, metrics go to ``run_dir/metrics.csv`` (and TensorBoard if asked),
    and every ``checkpoint_every`` steps (at the next episode end) to ``run_dir/checkpoint.pt``;
    ``resume=True`` continues from that checkpoint when it exists (Part 5.3).
    """
    rng = seed_everything(seed)
    env = gym.make(config.env_id)
    observation_size, action_space = check_spaces(env)
    action_space.seed(seed)

    online = QNetwork(
        observation_size, int(action_space.n), config.hidden_sizes, config.dueling
    ).to(device)
    target = copy.deepcopy(online)  # Q_target starts as an exact copy of Q
    optimizer = torch.optim.Adam(online.parameters(), lr=config.learning_rate)
    buffer = ReplayBuffer(config.buffer_size, (observation_size,), seed=seed, device=device)
    epsilon_schedule = LinearSchedule(
        config.epsilon_start,
        config.epsilon_end,
        duration=int(config.exploration_fraction * config.total_steps),
    )
    run = TrainingRun(config, seed, online, target, optimizer, buffer, rng, env, action_space)
    # A seeded reset, or the state of run_dir's checkpoint; metrics.csv in run_dir, if given.
    observation = run.start(run_dir, tensorboard, checkpoint_every, resume)
    log = run.log  # the checkpoint's log when resuming, else an empty one
    # Without a target network, the online network bootstraps from itself.
    bootstrap = target if config.target_network else online
    episode_return = 0.0
    steps = range(log.steps, config.total_steps)
    for step in tqdm(
        steps, f"DQN seed {seed}", config.total_steps, initial=log.steps, disable=not show_progress
    ):
        epsilon = epsilon_schedule(step)
        action = select_action(online, observation, epsilon, action_space, rng, device)
        next_observation, reward, terminated, truncated, _ = env.step(action)
        # Both flags are stored; only `terminated` will stop the bootstrap.
        buffer.add(observation, action, float(reward), next_observation, terminated, truncated)
        episode_return += float(reward)
        observation = next_observation

        if step >= config.learning_starts and step % config.train_every == 0:
            # Linear decay of the step size to 0: late updates only fine-tune.
            for group in optimizer.param_groups:
                group["lr"] = config.learning_rate * (1.0 - step / config.total_steps)
            batch = (
                buffer.sample(config.batch_size)
                if config.replay
                else buffer.latest(config.batch_size)
            )
            loss = dqn_loss(
                online, bootstrap, batch, config.gamma, config.huber_loss, config.double_dqn
            )
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(online.parameters(), config.max_grad_norm)
            optimizer.step()
            log.losses.append(loss.item())
            run.gradient_steps += 1
            if run.gradient_steps % config.target_update_every == 0:
                update_target(target, online, config.target_tau)

        if terminated or truncated:
            # The log, the metrics and a checkpoint when one is due, all before the reset.
            run.end_episode(step + 1, episode_return, epsilon)
            observation, _ = env.reset()
            episode_return = 0.0

    run.finish()
    return online, log


# --8<-- [end:train]


@dataclass
class TrainingRun:
    """Everything a DQN run changes as it trains, so that a checkpoint can hold all of it,
    and where the run writes its metrics and checkpoints (Part 5.3)."""

    config: DQNConfig
    seed: int
    online: QNetwork
    target: QNetwork
    optimizer: torch.optim.Optimizer
    buffer: ReplayBuffer
    rng: np.random.Generator  # the agent's: epsilon-greedy coin flips
    env: gym.Env[np.ndarray, np.int64]
    action_space: Discrete
    gradient_steps: int = 0
    log: TrainingLog = field(default_factory=lambda: TrainingLog())
    run_dir: Path | None = None
    checkpoint_every: int = 0  # environment steps between checkpoints; 0: none
    last_checkpoint_step: int = 0
    metrics: MetricsWriter | None = None
    started: float = 0.0  # perf_counter() when the run (not this process) would have begun

    def start(
        self, run_dir: Path | None, tensorboard: bool, checkpoint_every: int, resume: bool
    ) -> np.ndarray:
        """Reset the environment with the seed, or restore ``run_dir``'s checkpoint and make
        the reset that follows it; open the metrics. Returns the first observation."""
        if checkpoint_every > 0 and run_dir is None:
            raise ValueError("checkpoints need a run_dir to be written to")
        self.run_dir, self.checkpoint_every = run_dir, checkpoint_every
        observation, _ = self.env.reset(seed=self.seed)
        resume_step = None
        if resume and run_dir is not None and (run_dir / CHECKPOINT_NAME).exists():
            self.restore(run_dir / CHECKPOINT_NAME)
            resume_step = self.log.steps
            observation, _ = self.env.reset()  # no seed: env.np_random continues the saved stream
        if run_dir is not None:
            self.metrics = MetricsWriter(run_dir, tensorboard, resume_step)
        self.started = time.perf_counter() - self.log.seconds
        return observation

    def end_episode(self, steps: int, episode_return: float, epsilon: float) -> None:
        """Log an episode that ended after environment step ``steps``; write its metrics,
        and a checkpoint when ``checkpoint_every`` more steps have passed since the last."""
        log = self.log
        log.episode_returns.append(episode_return)
        log.episode_end_steps.append(steps)
        log.steps, log.seconds = steps, time.perf_counter() - self.started
        if self.metrics is None or self.run_dir is None:
            return
        scalars = {"episode_return": episode_return, "epsilon": epsilon}
        if log.losses:
            scalars["loss"] = log.losses[-1]
        self.metrics.add(steps, **scalars)
        every = self.checkpoint_every
        if every > 0 and steps // every > self.last_checkpoint_step // every:
            self.metrics.flush()  # metrics.csv then holds every row up to the checkpoint
            self.save(self.run_dir / CHECKPOINT_NAME)

    def finish(self) -> None:
        self.env.close()
        if self.metrics is not None:
            self.metrics.close()
        self.log.steps = self.config.total_steps
        self.log.seconds = time.perf_counter() - self.started

    def generators(self) -> dict[str, np.random.Generator]:
        """Every NumPy generator the run draws from, by name."""
        return {
            "agent": self.rng,
            "replay": self.buffer.rng,
            "env": self.env.unwrapped.np_random,  # start states
            "action_space": self.action_space.np_random,  # exploratory actions
        }

    def save(self, path: Path) -> None:
        """Write the run as it is now: at an episode end, before the environment resets."""
        self.last_checkpoint_step = self.log.steps
        save_checkpoint(
            {
                "config": dataclasses.asdict(self.config),
                "seed": self.seed,
                "online": self.online.state_dict(),
                "target": self.target.state_dict(),
                "optimizer": self.optimizer.state_dict(),
                "replay": self.buffer.state_dict(),
                "gradient_steps": self.gradient_steps,
                "log": dataclasses.asdict(self.log),
                "random": random_states(self.generators()),
            },
            path,
        )

    def restore(self, path: Path) -> None:
        """Load what :meth:`save` wrote into this run, which must have the same config."""
        state = load_checkpoint(path, self.buffer.device)
        if state["config"] != dataclasses.asdict(self.config) or state["seed"] != self.seed:
            raise CheckpointError(
                f"{path} was written by a run with another config or seed; "
                "resume with the same ones, or delete the checkpoint to start afresh"
            )
        self.online.load_state_dict(state["online"])
        self.target.load_state_dict(state["target"])
        self.optimizer.load_state_dict(state["optimizer"])
        self.buffer.load_state_dict(state["replay"])
        self.gradient_steps = state["gradient_steps"]
        self.log = TrainingLog(**state["log"])
        self.last_checkpoint_step = self.log.steps
        restore_random_states(state["random"], self.generators())


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


def record_agent(
    network: nn.Module, env_id: str, path: Path, seed: int, device: torch.device
) -> Recording:
    """A GIF of one greedy episode of ``network`` (see ``rlcourse.recording.record_gif``)."""
    return record_gif(
        env_id, lambda observation: greedy_action(network, observation, device), path, seed
    )
