"""Demo 4: a Q-table is a linear function of one-hot features; a network replaces it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro
from torch import nn

from cartpole_grid import make_grid_cartpole
from rlcourse.agents.dqn import QNetwork
from rlcourse.agents.tabular import make_q_table, q_learning_update
from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    bins: int = 6  # intervals per observation number of the grid
    steps: int = 5000  # random-play transitions that update both the table and the model
    alpha: float = 0.1
    gamma: float = 0.99
    hidden_sizes: tuple[int, ...] = (128, 128)  # the Q-network of Part 5.2
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    max_difference: float  # max |W - Q| after all the steps
    table_entries: int
    linear_raw_parameters: int  # a linear Q on the 4 raw numbers and a constant 1
    network_parameters: int


# --8<-- [start:linear_q]
class LinearQ(nn.Module):
    """Q(s, .) = phi(s) @ W: one weight vector per action, W of shape (features, actions)."""

    def __init__(self, n_features: int, n_actions: int) -> None:
        super().__init__()
        self.weights = nn.Parameter(torch.zeros(n_features, n_actions, dtype=torch.float64))

    def forward(self, features: torch.Tensor) -> torch.Tensor:
        return features @ self.weights  # (..., features) @ (features, actions) -> (..., actions)


def semi_gradient_step(
    model: nn.Module,
    optimizer: torch.optim.Optimizer,
    transition: tuple[torch.Tensor, int, float, torch.Tensor, bool],
    gamma: float,
) -> None:
    """One Q-learning step on a model: descend 1/2 (y - Q(s, a))^2 with y held fixed."""
    features, action, reward, next_features, terminated = transition
    with torch.no_grad():  # the target y is a number, not a function of the weights
        future = 0.0 if terminated else gamma * float(model(next_features).max())
        target = reward + future
    loss = 0.5 * (target - model(features)[action]) ** 2
    optimizer.zero_grad()
    loss.backward()  # gradient -(y - Q(s, a)) phi(s) on column a, zero elsewhere
    optimizer.step()  # SGD with lr alpha: w_a += alpha * delta * phi(s)


# --8<-- [end:linear_q]


def main(cfg: Config) -> Result:
    seed_everything(cfg.seed)
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    env = make_grid_cartpole(cfg.bins)
    # --8<-- [start:core]
    n_rows = cfg.bins**4
    q = make_q_table(env)  # (rows, 2), NumPy
    model = LinearQ(n_features=n_rows, n_actions=2)
    optimizer = torch.optim.SGD(model.parameters(), lr=cfg.alpha)
    one_hot = torch.eye(n_rows, dtype=torch.float64)  # phi(s) = row s of the identity

    state = int(env.reset(seed=cfg.seed)[0])
    env.action_space.seed(cfg.seed)
    for _ in range(cfg.steps):
        action = int(env.action_space.sample())
        observation, reward, terminated, truncated, _ = env.step(action)
        next_state = int(observation)  # the grid row, an np.int64
        q_learning_update(
            q, state, action, float(reward), next_state, terminated, cfg.alpha, cfg.gamma
        )
        transition = (one_hot[state], action, float(reward), one_hot[next_state], terminated)
        semi_gradient_step(model, optimizer, transition, cfg.gamma)
        state = next_state if not (terminated or truncated) else int(env.reset()[0])

    difference = float((model.weights.detach() - torch.from_numpy(q)).abs().max())
    print(f"{cfg.steps:,} transitions; max |W - Q| = {difference:.2e}")

    network = QNetwork(observation_size=4, action_count=2, hidden_sizes=cfg.hidden_sizes)
    observations = torch.randn(5, 4)  # a batch of 5 CartPole observations
    print(f"network: {tuple(observations.shape)} -> {tuple(network(observations).shape)}")
    # --8<-- [end:core]
    network_parameters = sum(p.numel() for p in network.parameters())
    linear_raw = LinearQ(n_features=5, n_actions=2)
    linear_raw_parameters = sum(p.numel() for p in linear_raw.parameters())
    print(f"\n{'model':36s} {'numbers to learn':>16}")
    print(f"{f'table, {cfg.bins} bins per number':36s} {q.size:16,}")
    print(f"{'linear Q on the 4 numbers and a 1':36s} {linear_raw_parameters:16,}")
    hidden = " x ".join(str(h) for h in cfg.hidden_sizes)
    print(f"{f'network 4 -> {hidden} -> 2':36s} {network_parameters:16,}")
    env.close()
    return Result(difference, int(q.size), linear_raw_parameters, network_parameters)


if __name__ == "__main__":
    main(tyro.cli(Config))
