"""Advantage actor-critic, A2C (Part 5.6 introduces it): an actor and a critic trained
together on a batch of environments stepped in lockstep.

REINFORCE (Part 5.5) waits for the end of an episode to know its returns. A2C does not:
every ``n_steps`` steps of ``num_envs`` copies of the environment, the critic's value of
the state reached stands in for the rest of the return (bootstrapping), and the
advantages are estimated with GAE (lambda = 1 gives n-step returns). The actor follows
the policy gradient with these advantages, and an entropy bonus keeps it exploring.

The environments are a ``gymnasium.vector.SyncVectorEnv`` in ``SAME_STEP`` autoreset
mode: when a copy's episode ends, ``step`` already returns the first observation of its
next episode, and the last observation of the finished one is in ``info["final_obs"]``.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import gymnasium as gym
import numpy as np
import torch
import torch.nn.functional as F
from gymnasium.spaces import Box, Discrete
from gymnasium.vector import AutoresetMode, SyncVectorEnv
from torch import nn
from tqdm import tqdm

from rlcourse.agents.reinforce import policy_loss
from rlcourse.checkpoints import load_checkpoint, save_checkpoint
from rlcourse.metrics import MetricsWriter
from rlcourse.networks import mlp
from rlcourse.seeding import seed_everything

CHECKPOINT_NAME = "final.pt"


# --8<-- [start:config]
@dataclass(frozen=True)
class A2CConfig:
    """Hyperparameters of A2C on CartPole-v1 (Part 5.6). With these defaults the final
    network solves each of the 5 seeds of Part 5.6's Demo 2 (tests/full/test_a2c_full.py)."""

    env_id: str = "CartPole-v1"
    num_envs: int = 8  # environments stepped in lockstep
    n_steps: int = 16  # steps per environment between two updates
    total_steps: int = 400_000  # environment steps, all environments together
    hidden_sizes: tuple[int, ...] = (64, 64)
    shared: bool = False  # one trunk with two heads, or separate actor and critic networks
    gamma: float = 0.99
    gae_lambda: float = 0.95  # 1.0: plain n-step returns
    normalize_advantages: bool = True  # rescale each batch's advantages to mean 0, std 1
    actor_learning_rate: float = 1e-3  # both step sizes decay linearly to 0 over total_steps
    critic_learning_rate: float = 3e-3  # larger, so that the values keep up with the policy
    value_coef: float = 0.5  # weight of the critic's loss
    entropy_coef: float = 0.01  # weight of the entropy bonus
    max_grad_norm: float = 10.0  # caps rare huge steps (the critic's error is large early)


# --8<-- [end:config]


# --8<-- [start:network]
class ActorCritic(nn.Module):
    """``actor``: observations (B, n) -> logits (B, A); ``critic``: (B, n) -> values (B, 1).

    With ``shared``, both are one trunk followed by their own last layer, so the critic's
    loss also shapes the features the actor reads; otherwise they are two networks.
    """

    def __init__(
        self, observation_size: int, action_count: int, hidden_sizes: tuple[int, ...], shared: bool
    ) -> None:
        super().__init__()
        if shared:
            trunk = nn.Sequential(
                mlp(observation_size, hidden_sizes[:-1], hidden_sizes[-1], nn.Tanh), nn.Tanh()
            )
            self.actor = nn.Sequential(trunk, nn.Linear(hidden_sizes[-1], action_count))
            self.critic = nn.Sequential(trunk, nn.Linear(hidden_sizes[-1], 1))
        else:
            self.actor = mlp(observation_size, hidden_sizes, action_count, nn.Tanh)
            self.critic = mlp(observation_size, hidden_sizes, 1, nn.Tanh)

    def forward(self, observations: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Logits (B, A) and values (B,)."""
        return self.actor(observations), self.critic(observations).squeeze(-1)


def parameter_groups(network: ActorCritic, config: A2CConfig) -> list[dict[str, Any]]:
    """Adam's two parameter groups: the actor's (with a shared trunk, the trunk too) at the
    actor's step size, and the critic's own parameters at the critic's."""
    actor_parameters = list(network.actor.parameters())
    in_actor = {id(parameter) for parameter in actor_parameters}
    critic_parameters = [p for p in network.critic.parameters() if id(p) not in in_actor]
    return [
        {"params": actor_parameters, "lr": config.actor_learning_rate},
        {"params": critic_parameters, "lr": config.critic_learning_rate},
    ]


# --8<-- [end:network]


# --8<-- [start:advantages]
def bootstrap_truncated(
    rewards: torch.Tensor, truncated: torch.Tensor, final_values: torch.Tensor, gamma: float
) -> torch.Tensor:
    """R + gamma * v(final observation) where a time limit cut the episode, R elsewhere.

    All (N, E). A truncated episode would have gone on: its last step's target keeps the
    value of the state it stopped in. The episode still ends there for the advantage
    recursion below, because the next observation in the rollout belongs to a new episode.
    """
    return rewards + gamma * truncated * final_values


def gae_advantages(
    rewards: torch.Tensor,
    values: torch.Tensor,
    episode_ends: torch.Tensor,
    last_values: torch.Tensor,
    gamma: float,
    gae_lambda: float,
) -> torch.Tensor:
    """Generalised advantage estimates A_t, shape (N, E), from a rollout of N steps of E envs.

    delta_t = r_t + gamma (1 - end_t) v(S_{t+1}) - v(S_t), with v(S_N) = ``last_values`` (E,);
    A_t = delta_t + gamma lambda (1 - end_t) A_{t+1}. ``episode_ends`` (N, E) is 1 where an
    episode terminated or was truncated at step t (truncated rewards already hold their
    bootstrap, :func:`bootstrap_truncated`). lambda = 1 gives the n-step return minus v(S_t).
    """
    advantages = torch.zeros_like(rewards)
    next_advantage = torch.zeros_like(last_values)
    next_values = last_values
    for t in reversed(range(len(rewards))):
        going_on = 1.0 - episode_ends[t]
        delta = rewards[t] + gamma * going_on * next_values - values[t]
        next_advantage = delta + gamma * gae_lambda * going_on * next_advantage
        advantages[t] = next_advantage
        next_values = values[t]
    return advantages


# --8<-- [end:advantages]


# --8<-- [start:loss]
def a2c_losses(
    logits: torch.Tensor,
    values: torch.Tensor,
    actions: torch.Tensor,
    advantages: torch.Tensor,
    returns: torch.Tensor,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """The actor's loss, the critic's loss and the policy's mean entropy over a batch of B.

    logits (B, A) and values (B,) carry gradients; actions (B,), advantages (B,) and the
    critic's targets returns = advantages + v(S_t) (B,) are constants.
    """
    log_pi = F.log_softmax(logits, dim=1)  # (B, A)
    log_probs = log_pi.gather(1, actions.unsqueeze(1)).squeeze(1)  # (B,)
    actor_loss = policy_loss(log_probs, advantages) / len(actions)  # Part 5.5's, averaged
    critic_loss = F.mse_loss(values, returns.detach())
    entropy = -(log_pi.exp() * log_pi).sum(dim=1).mean()  # H(pi(. | s)), averaged
    return actor_loss, critic_loss, entropy


# --8<-- [end:loss]


@dataclass
class TrainingLog:
    """What happened during training, for learning curves and reports."""

    episode_returns: list[float] = field(default_factory=list)
    episode_end_steps: list[int] = field(default_factory=list)  # env steps when each ended
    episode_end_seconds: list[float] = field(default_factory=list)  # seconds since the start
    actor_losses: list[float] = field(default_factory=list)  # one per update
    critic_losses: list[float] = field(default_factory=list)
    entropies: list[float] = field(default_factory=list)
    steps: int = 0
    seconds: float = 0.0


def make_envs(env_id: str, num_envs: int) -> tuple[SyncVectorEnv, int, int]:
    """``num_envs`` copies of ``env_id`` in lockstep, in SAME_STEP autoreset mode, with the
    size of one observation and the number of actions."""
    envs = SyncVectorEnv(
        [lambda: gym.make(env_id) for _ in range(num_envs)],
        autoreset_mode=AutoresetMode.SAME_STEP,
    )
    observation_space, action_space = envs.single_observation_space, envs.single_action_space
    if not isinstance(observation_space, Box) or len(observation_space.shape) != 1:
        raise ValueError(f"expected a flat Box observation space, got {observation_space}")
    if not isinstance(action_space, Discrete):
        raise ValueError(f"expected a Discrete action space, got {action_space}")
    return envs, observation_space.shape[0], int(action_space.n)


def final_observations(
    info: dict[str, Any], observations: np.ndarray, ended: np.ndarray
) -> np.ndarray:
    """(E, n): each finished episode's last observation from ``info``, elsewhere the current one
    (those rows are multiplied by 0 later, whatever they hold)."""
    finals = observations.copy()
    for i in np.flatnonzero(ended):
        finals[i] = info["final_obs"][i]
    return finals


# --8<-- [start:train]
def train_a2c(
    config: A2CConfig,
    seed: int,
    run_dir: Path,
    device: torch.device,
    show_progress: bool = True,
) -> tuple[ActorCritic, TrainingLog]:
    """Train for ``config.total_steps`` environment steps; metrics go to
    ``run_dir/metrics.csv`` and the final network to ``run_dir/final.pt``."""
    seed_everything(seed)  # torch's generator draws the actions
    envs, observation_size, action_count = make_envs(config.env_id, config.num_envs)
    network = ActorCritic(observation_size, action_count, config.hidden_sizes, config.shared)
    network = network.to(device)
    optimizer = torch.optim.Adam(parameter_groups(network, config))
    initial_rates = [group["lr"] for group in optimizer.param_groups]
    n, e = config.n_steps, config.num_envs
    updates = config.total_steps // (n * e)
    log = TrainingLog()
    running_returns = np.zeros(e)  # each environment's return so far in its episode

    def tensor(array: np.ndarray) -> torch.Tensor:
        return torch.as_tensor(array, dtype=torch.float32, device=device)

    start = time.perf_counter()
    observations, _ = envs.reset(seed=seed)  # environment i starts from seed + i
    with MetricsWriter(run_dir) as metrics:
        for update in tqdm(range(updates), desc=f"A2C seed {seed}", disable=not show_progress):
            # 1. n steps of e environments with the current policy: (n, e) of everything.
            rollout = torch.zeros(n, e, observation_size, device=device)
            actions = torch.zeros(n, e, dtype=torch.int64, device=device)
            rewards, episode_ends = (
                torch.zeros(n, e, device=device),
                torch.zeros(n, e, device=device),
            )
            for t in range(n):
                rollout[t] = tensor(observations)
                with torch.no_grad():
                    probabilities = F.softmax(network.actor(rollout[t]), dim=1)  # (e, A)
                    actions[t] = torch.multinomial(probabilities, 1).squeeze(1)
                observations, reward, terminated, truncated, info = envs.step(
                    actions[t].cpu().numpy()
                )
                final_values = torch.zeros(e, device=device)
                if truncated.any():  # v(last observation) of each episode the time limit cut
                    with torch.no_grad():
                        finals = final_observations(info, observations, truncated)
                        final_values = network.critic(tensor(finals)).squeeze(1)
                rewards[t] = bootstrap_truncated(
                    tensor(reward), tensor(truncated), final_values, config.gamma
                )
                episode_ends[t] = tensor(terminated | truncated)
                running_returns += reward
                step = (update * n + t + 1) * e
                for i in np.flatnonzero(terminated | truncated):
                    log.episode_returns.append(float(running_returns[i]))
                    log.episode_end_steps.append(step)
                    log.episode_end_seconds.append(time.perf_counter() - start)
                    metrics.add(step, episode_return=running_returns[i])
                    running_returns[i] = 0.0

            # 2. Advantages and the critic's targets: constants for the update.
            with torch.no_grad():
                values = network.critic(rollout).squeeze(-1)  # (n, e)
                last_values = network.critic(tensor(observations)).squeeze(-1)  # (e,): v(S_n)
                advantages = gae_advantages(
                    rewards, values, episode_ends, last_values, config.gamma, config.gae_lambda
                )
                returns = advantages + values  # the critic's targets
                if config.normalize_advantages:  # the actor's step size then ignores the scale
                    advantages = (advantages - advantages.mean()) / (advantages.std() + 1e-8)

            # 3. One gradient step on all n * e transitions.
            logits, values = network(rollout.reshape(n * e, observation_size))
            actor_loss, critic_loss, entropy = a2c_losses(
                logits, values, actions.reshape(-1), advantages.reshape(-1), returns.reshape(-1)
            )
            loss = actor_loss + config.value_coef * critic_loss - config.entropy_coef * entropy
            for group, initial_rate in zip(optimizer.param_groups, initial_rates, strict=True):
                group["lr"] = initial_rate * (1.0 - update / updates)
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(network.parameters(), config.max_grad_norm)
            optimizer.step()

            log.actor_losses.append(actor_loss.item())
            log.critic_losses.append(critic_loss.item())
            log.entropies.append(entropy.item())
            metrics.add(
                (update + 1) * n * e,
                actor_loss=actor_loss.item(),
                critic_loss=critic_loss.item(),
                entropy=entropy.item(),
            )
    envs.close()
    log.steps = updates * n * e
    log.seconds = time.perf_counter() - start
    save_network(network, config, observation_size, action_count, run_dir / CHECKPOINT_NAME)
    return network, log


# --8<-- [end:train]


def save_network(
    network: ActorCritic, config: A2CConfig, observation_size: int, action_count: int, path: Path
) -> None:
    """The weights with what rebuilds the network (sizes, the config as plain data)."""
    save_checkpoint(
        {
            "network": network.state_dict(),
            "observation_size": observation_size,
            "action_count": action_count,
            "config": asdict(config),
        },
        path,
    )


def load_network(path: Path, device: torch.device) -> ActorCritic:
    """Rebuild the network that :func:`save_network` wrote (weights only, no pickles)."""
    state = load_checkpoint(path, device)
    config = state["config"]
    network = ActorCritic(
        state["observation_size"],
        state["action_count"],
        tuple(config["hidden_sizes"]),
        bool(config["shared"]),
    )
    network.load_state_dict(state["network"])
    return network.to(device)
