"""Exercise 1: a world model for any environment with vector states and discrete actions.

Fill in the three functions, then run this file and `rlcourse check 7.1`.
"""

from __future__ import annotations

import gymnasium as gym
import torch
import torch.nn.functional as F
from torch import nn

from rlcourse.networks import mlp  # noqa: F401 (you will need it)
from rlcourse.training import fit  # noqa: F401 (you will need it)


def world_model_targets(
    states: torch.Tensor,
    rewards: torch.Tensor,
    next_states: torch.Tensor,
    terminated: torch.Tensor,
    change_std: torch.Tensor,
) -> torch.Tensor:
    """What the network should output, (n, d + 2): the change of state divided by
    ``change_std`` ((d,)), then the reward, then terminated as 0.0 or 1.0.

    states, next_states: (n, d); rewards, terminated: (n,) floats.
    """
    raise NotImplementedError("world_model_targets")


def world_model_loss(outputs: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """A scalar: mean squared error on the first d + 1 columns (change and reward), plus
    binary cross-entropy between the last output column, a logit, and terminated."""
    raise NotImplementedError("world_model_loss")


def train_world_model(
    states: torch.Tensor,
    actions: torch.Tensor,
    rewards: torch.Tensor,
    next_states: torch.Tensor,
    terminated: torch.Tensor,
    n_actions: int,
    epochs: int,
    seed: int,
) -> tuple[nn.Sequential, torch.Tensor]:
    """Train an mlp (hidden sizes (64, 64)) with rlcourse.training.fit (Adam, learning rate
    1e-3, batches of 64 shuffled by a generator seeded with ``seed``); return it and
    change_std, the standard deviation of next_states - states over the rows, (d,).

    The network's input is torch.cat([states, one-hot actions], dim=1), (n, d + n_actions);
    its output has the layout of world_model_targets. torch.manual_seed(seed) first, so the
    initial weights follow the seed too.
    """
    raise NotImplementedError("train_world_model")


def random_experience(env_id: str, steps: int, seed: int) -> tuple[torch.Tensor, ...]:
    """(states, actions, rewards, next_states, terminated) of the random policy."""
    env = gym.make(env_id)
    env.action_space.seed(seed)
    state, _ = env.reset(seed=seed)
    rows: list[tuple[torch.Tensor, ...]] = []
    for _ in range(steps):
        action = env.action_space.sample()
        next_state, reward, terminated, truncated, _ = env.step(action)
        rows.append(
            (
                torch.as_tensor(state, dtype=torch.float32),
                torch.tensor(int(action)),
                torch.tensor(float(reward)),
                torch.as_tensor(next_state, dtype=torch.float32),
                torch.tensor(float(terminated)),
            )
        )
        state = env.reset()[0] if terminated or truncated else next_state
    return tuple(torch.stack(column) for column in zip(*rows, strict=True))


if __name__ == "__main__":
    torch.set_num_threads(1)  # a small network: a second thread adds overhead, not speed
    # Acrobot-v1: two linked poles; the state is 6 numbers (cosines, sines, velocities).
    train = random_experience("Acrobot-v1", 1000, seed=0)
    test = random_experience("Acrobot-v1", 1000, seed=1)
    net, change_std = train_world_model(*train, n_actions=3, epochs=20, seed=0)
    states, actions, _, next_states, _ = test
    with torch.no_grad():
        outputs = net(torch.cat([states, F.one_hot(actions, 3).float()], dim=1))
    predicted = states + outputs[:, :-2] * change_std
    print("model error    ", (predicted - next_states).pow(2).mean().sqrt().item())
    print("s_next = s     ", (states - next_states).pow(2).mean().sqrt().item())
