"""Part 7.1's world model of CartPole-v1 and the planner that uses it.

A world model maps a state and an action to a prediction of what the environment does
next: the change of state, the reward, and whether the episode ends. It is one network
built by :func:`rlcourse.networks.mlp` and trained by :func:`rlcourse.training.fit`, like
the regressions of Module 2; the planner (random shooting) then asks it "what if?" for
hundreds of action sequences at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import gymnasium as gym
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from rlcourse.networks import mlp
from rlcourse.training import fit

STATE_SIZE = 4  # CartPole: cart position, cart velocity, pole angle, pole angular velocity
ACTIONS = 2  # push left (0) or right (1)

# (states (B, 4), actions (B,)) -> (next states (B, 4), rewards (B,), P(terminated) (B,))
Dynamics = Callable[[torch.Tensor, torch.Tensor], tuple[torch.Tensor, torch.Tensor, torch.Tensor]]


@dataclass(frozen=True)
class Transitions:
    """Experience as tensors: states (n, 4), actions (n,) int64, rewards (n,),
    next_states (n, 4), terminated (n,) float 0/1."""

    states: torch.Tensor
    actions: torch.Tensor
    rewards: torch.Tensor
    next_states: torch.Tensor
    terminated: torch.Tensor

    def __len__(self) -> int:
        return len(self.actions)

    def __add__(self, other: Transitions) -> Transitions:
        return Transitions(
            *(torch.cat([a, b]) for a, b in zip(self.fields(), other.fields(), strict=True))
        )

    def fields(self) -> tuple[torch.Tensor, ...]:
        return (self.states, self.actions, self.rewards, self.next_states, self.terminated)


def as_transitions(rows: list[tuple[np.ndarray, int, float, np.ndarray, bool]]) -> Transitions:
    """Stack (state, action, reward, next_state, terminated) tuples into tensors."""
    states, actions, rewards, next_states, terminated = zip(*rows, strict=True)
    return Transitions(
        torch.as_tensor(np.array(states), dtype=torch.float32),
        torch.as_tensor(actions, dtype=torch.int64),
        torch.as_tensor(rewards, dtype=torch.float32),
        torch.as_tensor(np.array(next_states), dtype=torch.float32),
        torch.as_tensor(terminated, dtype=torch.float32),
    )


def random_transitions(env: gym.Env[np.ndarray, Any], steps: int, seed: int) -> Transitions:
    """``steps`` transitions of the uniformly random policy, resetting after each episode."""
    env.action_space.seed(seed)
    state, _ = env.reset(seed=seed)
    rows: list[tuple[np.ndarray, int, float, np.ndarray, bool]] = []
    for _ in range(steps):
        action = int(env.action_space.sample())
        next_state, reward, terminated, truncated, _ = env.step(action)
        rows.append((state, action, float(reward), next_state, terminated))
        state = env.reset()[0] if terminated or truncated else next_state
    return as_transitions(rows)


# --8<-- [start:absorbing]
def with_absorbing_ends(data: Transitions) -> Transitions:
    """``data`` plus, for each step that ended, the rule "an ended episode stays ended":
    from that final state, either action leads nowhere, pays 0 and ends (Part 4.4's
    gridworld treats its terminal cells the same way)."""
    ends = data.terminated.bool()
    final = data.next_states[ends].repeat(ACTIONS, 1)  # (2k, 4): each final state twice
    actions = torch.arange(ACTIONS).repeat_interleave(int(ends.sum()))
    zeros, ones = torch.zeros(len(final)), torch.ones(len(final))
    return data + Transitions(final, actions, zeros, final, ones)


# --8<-- [end:absorbing]


# --8<-- [start:model]
class WorldModel(nn.Module):
    """(state (B, 4), action (B,)) -> (next state (B, 4), reward (B,), P(terminated) (B,)).

    The network sees the state scaled to unit spread, and the action one-hot; it predicts
    the scaled *change* of state, which is small and centred, rather than the next state.
    Its 6 outputs are 4 changes, 1 reward and 1 termination logit.
    """

    state_mean: torch.Tensor  # (4,) buffers: saved with the weights, not trained
    state_std: torch.Tensor
    delta_std: torch.Tensor

    def __init__(self, hidden_sizes: tuple[int, ...]) -> None:
        super().__init__()
        self.net = mlp(STATE_SIZE + ACTIONS, hidden_sizes, STATE_SIZE + 2)
        # Scales fitted to the data (set_scales); buffers, so state_dict() saves them.
        self.register_buffer("state_mean", torch.zeros(STATE_SIZE))
        self.register_buffer("state_std", torch.ones(STATE_SIZE))
        self.register_buffer("delta_std", torch.ones(STATE_SIZE))

    def encode(self, states: torch.Tensor, actions: torch.Tensor) -> torch.Tensor:
        """The network's input, (B, 6): the scaled state and the one-hot action."""
        scaled = (states - self.state_mean) / self.state_std
        return torch.cat([scaled, F.one_hot(actions, ACTIONS).float()], dim=1)

    def forward(
        self, states: torch.Tensor, actions: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        out = self.net(self.encode(states, actions))  # (B, 6)
        next_states = states + out[:, :STATE_SIZE] * self.delta_std  # s' = s + predicted change
        return next_states, out[:, STATE_SIZE], torch.sigmoid(out[:, STATE_SIZE + 1])


# --8<-- [end:model]


# --8<-- [start:loss]
def model_targets(model: WorldModel, data: Transitions) -> torch.Tensor:
    """What the 6 outputs should be, (n, 6): scaled change, reward, terminated (0 or 1)."""
    change = (data.next_states - data.states) / model.delta_std
    return torch.cat([change, data.rewards[:, None], data.terminated[:, None]], dim=1)


def model_loss(outputs: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """Squared error on the change and the reward, cross-entropy on termination (Part 3.1)."""
    squared = F.mse_loss(outputs[:, : STATE_SIZE + 1], targets[:, : STATE_SIZE + 1])
    ended = F.binary_cross_entropy_with_logits(outputs[:, -1], targets[:, -1])
    return squared + ended


def train_model(
    model: WorldModel, data: Transitions, epochs: int, seed: int, absorbing_ends: bool = True
) -> list[float]:
    """Fit the scales to ``data``, then train with the course's loop; the epoch losses.
    ``absorbing_ends`` adds the final states of ended episodes (:func:`with_absorbing_ends`)."""
    if absorbing_ends:
        data = with_absorbing_ends(data)
    set_scales(model, data)
    inputs = model.encode(data.states, data.actions)  # (n, 6)
    optimizer = torch.optim.Adam(model.net.parameters(), lr=1e-3)
    generator = torch.Generator().manual_seed(seed)
    targets = model_targets(model, data)
    return fit(model.net, model_loss, optimizer, inputs, targets, epochs, 128, generator)


# --8<-- [end:loss]


def set_scales(model: WorldModel, data: Transitions) -> None:
    """Mean and spread of the states and of the changes, floored so none divides by ~0."""
    model.state_mean.copy_(data.states.mean(dim=0))
    model.state_std.copy_(data.states.std(dim=0).clamp(min=1e-3))
    model.delta_std.copy_((data.next_states - data.states).std(dim=0).clamp(min=1e-3))


# --8<-- [start:plan]
@torch.no_grad()
def predicted_returns(model: Dynamics, states: torch.Tensor, plans: torch.Tensor) -> torch.Tensor:
    """Running expected return of each action sequence under the model, (N, H): column
    t - 1 is the return of the first t steps of plan i, started from states[i] ((N, 4)).

    All N sequences advance together, one batched model call per step. A reward counts
    only if the episode is still running: sum_t r_t * prod_{k<t} (1 - P(end at k)).
    """
    alive = torch.ones(len(plans))  # probability that the episode has not ended yet
    total = torch.zeros(len(plans))
    running: list[torch.Tensor] = []
    for t in range(plans.shape[1]):
        states, rewards, ends = model(states, plans[:, t])
        total = total + alive * rewards
        alive = alive * (1.0 - ends)
        running.append(total)
    return torch.stack(running, dim=1)


def random_shooting(
    model: Dynamics, state: np.ndarray, n_plans: int, horizon: int, generator: torch.Generator
) -> int:
    """Draw ``n_plans`` random action sequences, keep the best one's first action."""
    plans = torch.randint(ACTIONS, (n_plans, horizon), generator=generator)
    starts = torch.as_tensor(state, dtype=torch.float32).expand(n_plans, STATE_SIZE)
    scores = predicted_returns(model, starts, plans)[:, -1]  # (N,): whole-horizon returns
    return int(plans[scores.argmax(), 0])


# --8<-- [end:plan]


@dataclass(frozen=True)
class Episode:
    total_reward: float
    data: Transitions


def mpc_episode(
    env: gym.Env[np.ndarray, Any],
    model: Dynamics,
    n_plans: int,
    horizon: int,
    seed: int,
) -> Episode:
    """One episode in the real environment, replanning before every step."""
    generator = torch.Generator().manual_seed(seed)
    state, _ = env.reset(seed=seed)
    rows: list[tuple[np.ndarray, int, float, np.ndarray, bool]] = []
    done = False
    while not done:
        action = random_shooting(model, state, n_plans, horizon, generator)
        next_state, reward, terminated, truncated, _ = env.step(action)
        rows.append((state, action, float(reward), next_state, terminated))
        state, done = next_state, terminated or truncated
    return Episode(sum(row[2] for row in rows), as_transitions(rows))


def cartpole_dynamics(
    states: torch.Tensor, actions: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """The true model, for comparison: CartPole-v1's physics (one Euler step of 0.02 s of a
    pole of half-length 0.5 m and mass 0.1 kg on a 1 kg cart pushed with 10 N), batched.
    It ends the episode when the cart leaves [-2.4, 2.4] or the pole tilts past 12 degrees."""
    x, velocity, angle, spin = states.unbind(dim=1)
    force = torch.where(actions == 1, 10.0, -10.0)
    cos, sin = torch.cos(angle), torch.sin(angle)
    push = (force + 0.05 * spin**2 * sin) / 1.1  # 0.05 = pole mass x half-length
    spin_rate = (9.8 * sin - cos * push) / (0.5 * (4.0 / 3.0 - 0.1 * cos**2 / 1.1))
    acceleration = push - 0.05 * spin_rate * cos / 1.1
    next_states = torch.stack(
        [
            x + 0.02 * velocity,
            velocity + 0.02 * acceleration,
            angle + 0.02 * spin,
            spin + 0.02 * spin_rate,
        ],
        dim=1,
    )
    out = (next_states[:, 0].abs() > 2.4) | (next_states[:, 2].abs() > 12 * 2 * np.pi / 360)
    return next_states, torch.ones(len(states)), out.float()
