"""Exercise 2: n-step returns and advantages of a vectorised rollout, A2C's loss, and a
training loop that uses them on CartPole-v1."""

from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from tqdm import tqdm

from rlcourse.agents.a2c import final_observations, make_envs
from rlcourse.agents.reinforce import evaluate
from rlcourse.networks import mlp
from rlcourse.seeding import seed_everything


def n_step_targets(
    rewards: torch.Tensor,
    values: torch.Tensor,
    terminated: torch.Tensor,
    truncated: torch.Tensor,
    final_values: torch.Tensor,
    last_values: torch.Tensor,
    gamma: float,
) -> tuple[torch.Tensor, torch.Tensor]:
    """The critic's targets G_t and the advantages G_t - v(S_t), both (N, E), of a rollout
    of N steps of E environments.

    rewards, values v(S_t), terminated and truncated (0.0 or 1.0) and final_values (the
    critic's value of the last observation of an episode that ended at step t) are (N, E);
    last_values (E,) is v(S_N), the state each environment is in after the rollout.
    """
    returns = torch.zeros_like(rewards)
    future = last_values  # G_N: the critic stands in for the rest of the rollout
    for t in reversed(range(len(rewards))):
        # A terminated step has no future; a truncated one keeps v(its last state); in both
        # cases step t + 1 belongs to the next episode, so G_{t+1} must not flow back.
        going_on = 1.0 - terminated[t] - truncated[t]
        future = rewards[t] + gamma * (going_on * future + truncated[t] * final_values[t])
        returns[t] = future
    return returns, returns - values


def a2c_loss(
    logits: torch.Tensor,
    values: torch.Tensor,
    actions: torch.Tensor,
    advantages: torch.Tensor,
    returns: torch.Tensor,
    value_coef: float,
    entropy_coef: float,
) -> torch.Tensor:
    """Actor loss + value_coef * critic loss - entropy_coef * entropy, each a mean over the
    batch of B: logits (B, A) and values (B,) carry gradients, actions (B,) int64,
    advantages and returns (B,) are targets."""
    log_pi = F.log_softmax(logits, dim=1)  # (B, A)
    log_probs = log_pi.gather(1, actions.unsqueeze(1)).squeeze(1)  # (B,)
    actor_loss = -(log_probs * advantages.detach()).mean()
    critic_loss = ((values - returns.detach()) ** 2).mean()
    entropy = -(log_pi.exp() * log_pi).sum(dim=1).mean()
    return actor_loss + value_coef * critic_loss - entropy_coef * entropy


def train(
    total_steps: int, seed: int, num_envs: int = 8, n_steps: int = 16, gamma: float = 0.99
) -> tuple[nn.Module, list[float]]:
    """A2C with n-step returns and separate networks; the actor and every episode's return."""
    seed_everything(seed)
    envs, observation_size, action_count = make_envs("CartPole-v1", num_envs)
    actor = mlp(observation_size, (64, 64), action_count, nn.Tanh)
    critic = mlp(observation_size, (64, 64), 1, nn.Tanh)
    # The critic's step is three times the actor's, as in the library (Demo 3 says why).
    optimizer = torch.optim.Adam(
        [{"params": actor.parameters(), "lr": 1e-3}, {"params": critic.parameters(), "lr": 3e-3}]
    )
    observations, _ = envs.reset(seed=seed)
    running, totals = np.zeros(num_envs), []
    shape = (n_steps, num_envs)
    for _ in tqdm(range(total_steps // (n_steps * num_envs)), desc="A2C"):
        states = torch.zeros(*shape, observation_size)
        actions = torch.zeros(shape, dtype=torch.int64)
        rewards, terminated, truncated, finals = (torch.zeros(shape) for _ in range(4))
        for t in range(n_steps):
            states[t] = torch.as_tensor(observations, dtype=torch.float32)
            with torch.no_grad():
                actions[t] = torch.multinomial(F.softmax(actor(states[t]), dim=1), 1).squeeze(1)
            observations, reward, term, trunc, info = envs.step(actions[t].numpy())
            last = final_observations(info, observations, term | trunc)
            with torch.no_grad():
                finals[t] = critic(torch.as_tensor(last, dtype=torch.float32)).squeeze(1)
            rewards[t], terminated[t], truncated[t] = (
                torch.as_tensor(x, dtype=torch.float32) for x in (reward, term, trunc)
            )
            running += reward
            for i in np.flatnonzero(term | trunc):
                totals.append(float(running[i]))
                running[i] = 0.0
        with torch.no_grad():
            last_values = critic(torch.as_tensor(observations, dtype=torch.float32)).squeeze(1)
            values = critic(states).squeeze(-1)
        returns, advantages = n_step_targets(
            rewards, values, terminated, truncated, finals, last_values, gamma
        )
        flat = states.reshape(-1, observation_size)
        loss = a2c_loss(
            actor(flat),
            critic(flat).squeeze(1),
            actions.reshape(-1),
            advantages.reshape(-1),
            returns.reshape(-1),
            value_coef=0.5,
            entropy_coef=0.01,
        )
        optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_([*actor.parameters(), *critic.parameters()], 10.0)
        optimizer.step()
    envs.close()
    return actor, totals


if __name__ == "__main__":
    actor, totals = train(total_steps=200_000, seed=0)
    print(f"mean return of the last 50 training episodes: {np.mean(totals[-50:]):.1f}")
    greedy = evaluate(actor, "CartPole-v1", 20, 10_000, torch.device("cpu"))
    print(f"greedy evaluation over 20 episodes: {np.mean(greedy):.1f}")
