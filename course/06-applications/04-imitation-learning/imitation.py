"""The pieces of Part 6.4 that every demo uses: the scripted expert, a vectorised evaluator,
a data collector, behavioural cloning through the course's training loop, and DAgger.

A *policy* here is any function from a batch of CartPole observations, shape (B, 4)
float32, to one action per row, shape (B,) int64: the expert, a clone and the library's
REINFORCE agent are all judged by the same evaluator.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import gymnasium as gym
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from rlcourse.networks import mlp
from rlcourse.training import fit

Policy = Callable[[np.ndarray], np.ndarray]  # observations (B, 4) -> actions (B,) int64
ENV_ID = "CartPole-v1"


# --8<-- [start:expert]
# Weights of (cart position x, cart velocity, pole angle theta, pole angular velocity).
EXPERT_WEIGHTS = np.array([0.1, 0.5, 1.0, 0.5])


def scripted_expert(observations: np.ndarray) -> np.ndarray:
    """Push right (1) when w . s > 0, else left (0): (B, 4) -> (B,) int64.

    The pole falls towards the side it leans to (theta) and is moving to (theta'), so the
    cart must move under it; the small x terms pull the cart back towards the centre.
    """
    return (observations @ EXPERT_WEIGHTS > 0).astype(np.int64)


# --8<-- [end:expert]


def network_policy(network: nn.Module) -> Policy:
    """The greedy policy of a network that maps (B, 4) observations to (B, 2) action scores."""

    def act(observations: np.ndarray) -> np.ndarray:
        with torch.no_grad():
            scores = network(torch.as_tensor(observations, dtype=torch.float32))
        return scores.argmax(dim=1).numpy()

    return act


# --8<-- [start:evaluate]
def evaluate(policy: Policy, episodes: int, seed: int) -> np.ndarray:
    """The return of ``episodes`` episodes of ``policy``, played side by side: (episodes,).

    Gymnasium's vectorised CartPole steps every copy at once, so one call of the policy
    acts in all of them. A copy whose episode has ended keeps running (it resets itself),
    but ``alive`` stops counting its rewards: each copy contributes its first episode only.
    """
    envs = gym.make_vec(ENV_ID, num_envs=episodes, vectorization_mode="vector_entry_point")
    observations, _ = envs.reset(seed=seed)
    returns = np.zeros(episodes)
    alive = np.ones(episodes, dtype=bool)
    while alive.any():
        observations, rewards, terminated, truncated, _ = envs.step(policy(observations))
        returns += rewards * alive
        alive &= ~(terminated | truncated)
    envs.close()
    return returns


# --8<-- [end:evaluate]


@dataclass
class Demonstrations:
    """Labelled states: what the expert would do in each state some policy visited."""

    states: np.ndarray  # (N, 4) float32
    labels: np.ndarray  # (N,) int64: the expert's action in each state

    def __len__(self) -> int:
        return len(self.states)

    def extend(self, other: Demonstrations) -> Demonstrations:
        return Demonstrations(
            np.concatenate([self.states, other.states]), np.concatenate([self.labels, other.labels])
        )


# --8<-- [start:play]
class Player:
    """One CartPole episode after another, played by whichever policy is given each time.

    ``play`` continues where the last call stopped, so DAgger's rounds can hand the cart
    from one clone to the next mid-episode; an episode that ends starts the next one.
    """

    def __init__(self, seed: int) -> None:
        self.env: gym.Env[np.ndarray, int] = gym.make(ENV_ID)
        self.observation, _ = self.env.reset(seed=seed)  # later resets continue this stream
        self.episode_lengths: list[int] = []
        self.length = 0

    def play(self, actor: Policy, labeller: Policy, steps: int) -> Demonstrations:
        """``actor`` chooses the actions for ``steps`` steps; ``labeller`` (the expert)
        labels each state visited, before the action is taken."""
        states = np.zeros((steps, 4), dtype=np.float32)
        labels = np.zeros(steps, dtype=np.int64)
        for t in range(steps):
            state = self.observation[None, :].astype(np.float32)  # (1, 4): a batch of one
            states[t], labels[t] = state[0], labeller(state)[0]
            action = int(actor(state)[0])
            self.observation, _, terminated, truncated, _ = self.env.step(action)
            self.length += 1
            if terminated or truncated:
                self.episode_lengths.append(self.length)
                self.observation, self.length = self.env.reset()[0], 0
        return Demonstrations(states, labels)


# --8<-- [end:play]


@dataclass(frozen=True)
class CloneSettings:
    """How a clone is trained; the same for every data set, so only the data differ."""

    hidden_sizes: tuple[int, ...] = (32,)
    learning_rate: float = 1e-2
    gradient_steps: int = 500  # the same work for a data set of 25 states or of 500
    batch_size: int = 64


# --8<-- [start:clone]
def train_clone(data: Demonstrations, settings: CloneSettings, seed: int) -> nn.Sequential:
    """Behavioural cloning: fit pi_theta(a | s) to the expert's labels by maximum likelihood.

    The network maps states (N, 4) to two action scores (N, 2); F.cross_entropy is the
    mean of -log softmax(scores)[label], the negative log-likelihood of the labels.
    """
    torch.manual_seed(seed)  # the initial weights
    network = mlp(4, settings.hidden_sizes, 2)
    optimizer = torch.optim.Adam(network.parameters(), lr=settings.learning_rate)
    states, labels = torch.as_tensor(data.states), torch.as_tensor(data.labels)
    # Few states need many passes for the same number of gradient steps.
    epochs = max(1, settings.gradient_steps * settings.batch_size // len(data))
    generator = torch.Generator().manual_seed(seed)  # the mini-batch order
    fit(network, F.cross_entropy, optimizer, states, labels, epochs, settings.batch_size, generator)
    return network


# --8<-- [end:clone]


def agreement(policy: Policy, data: Demonstrations) -> float:
    """The fraction of ``data``'s states where ``policy`` picks the expert's label."""
    return float((policy(data.states) == data.labels).mean())


# --8<-- [start:dagger]
def dagger(
    first: Demonstrations,
    player: Player,
    rounds: int,
    round_steps: int,
    settings: CloneSettings,
    seed: int,
) -> list[nn.Sequential]:
    """DAgger: the clone plays, the expert labels the states the clone reached, and a new
    clone is fitted to everything labelled so far. Returns the clone of every round, the
    first one fitted to the expert's own demonstration ``first``."""
    data = first
    clones = [train_clone(data, settings, seed)]
    for _ in range(rounds):
        visited = player.play(network_policy(clones[-1]), scripted_expert, round_steps)
        data = data.extend(visited)  # aggregate: keep every earlier label
        clones.append(train_clone(data, settings, seed))
    return clones


# --8<-- [end:dagger]
