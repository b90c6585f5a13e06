"""Check of exercise 3: the TD loss against hand-computed numbers, the plot, a short run."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_shape,
    expect_tensor,
    expect_true,
    expect_type,
    get_function,
)
from rlcourse.agents.dqn import DQNConfig, QNetwork
from rlcourse.seeding import seed_everything

# A batch of 4 transitions, 2 actions, gamma = 0.9. Row 1 terminated, row 2 truncated.
Q_VALUES = [[1.0, 2.0], [0.5, -1.0], [3.0, 0.0], [0.0, 0.2]]
ACTIONS = [1, 0, 0, 1]  # so Q(s, a) = (2.0, 0.5, 3.0, 0.2)
REWARDS = [1.0, 0.0, 1.0, -1.0]
NEXT_Q = [[1.0, 3.0], [2.0, 0.0], [5.0, 4.0], [0.4, 0.6]]  # max: (3, 2, 5, 0.6)
TERMINATED = [0.0, 1.0, 0.0, 0.0]
TRUNCATED = [0.0, 0.0, 1.0, 0.0]
# y = (1 + 0.9*3, 0, 1 + 0.9*5, -1 + 0.9*0.6) = (3.7, 0, 5.5, -0.46)
# errors Q(s, a) - y = (-1.7, 0.5, -2.5, 0.66)
# Huber: (1.7 - 0.5, 0.5 * 0.5², 2.5 - 0.5, 0.5 * 0.66²) = (1.2, 0.125, 2.0, 0.2178)
EXPECTED_LOSS = (1.2 + 0.125 + 2.0 + 0.2178) / 4
# d loss / d Q(s, a) = clip(error, -1, 1) / 4; zero for the actions not taken.
EXPECTED_GRADIENT = [[0.0, -0.25], [0.125, 0.0], [-0.25, 0.0], [0.0, 0.165]]
# What common mistakes give instead (same batch):
MISTAKES = {
    # y also cut at the truncated row: y = (3.7, 0, 1, -0.46), error 2 -> Huber 1.5
    (1.2 + 0.125 + 1.5 + 0.2178) / 4: "you stopped bootstrapping on `truncated`: a time "
    "limit is not a terminal state, only `terminated` may zero the next value",
    # the mean squared error instead of Huber:
    (1.7**2 + 0.5**2 + 2.5**2 + 0.66**2) / 4: "this is the mean squared error; use the Huber "
    "loss (smooth_l1_loss with beta = 1)",
    # terminated ignored: row 1's y = 0.9*2 = 1.8, error -1.3 -> Huber 0.8
    (1.2 + 0.8 + 2.0 + 0.2178) / 4: "`terminated` did not stop the bootstrap: "
    "y = r + gamma * (1 - terminated) * max Q_target(s', .)",
}


def batch(requires_grad: bool) -> dict[str, torch.Tensor]:
    return {
        "q_values": torch.tensor(Q_VALUES, requires_grad=requires_grad),
        "actions": torch.tensor(ACTIONS),
        "rewards": torch.tensor(REWARDS),
        "next_q_target": torch.tensor(NEXT_Q, requires_grad=requires_grad),
        "terminated": torch.tensor(TERMINATED),
        "truncated": torch.tensor(TRUNCATED),
    }


def check_loss(td_loss: object) -> None:
    assert callable(td_loss)
    inputs = batch(requires_grad=True)
    loss = expect_tensor(td_loss(**inputs, gamma=0.9), "td_loss(...)")
    expect_shape(loss, (), "td_loss(...) (a scalar)")
    value = float(loss.detach())
    for wrong, explanation in MISTAKES.items():
        if abs(value - wrong) < 1e-4:
            raise CheckFailed(f"td_loss on the example batch: got {value:.4f}: {explanation}")
    expect_close(
        value, EXPECTED_LOSS, "td_loss on the example batch (see the check's comments)", atol=1e-4
    )
    loss.backward()
    q_grad = inputs["q_values"].grad
    if q_grad is None:
        raise CheckFailed("no gradient reached q_values: do not detach Q(s, a)")
    expect_close(
        q_grad,
        torch.tensor(EXPECTED_GRADIENT),
        "d loss / d q_values (only the taken actions get a gradient)",
        atol=1e-5,
    )
    next_grad = inputs["next_q_target"].grad
    if next_grad is not None and float(next_grad.abs().sum()) > 0:
        raise CheckFailed(
            "a gradient flowed into next_q_target: the target y is a constant "
            "(semi-gradient); detach it or compute it under torch.no_grad()"
        )


def check_plot(plot_episode_rewards: object) -> None:
    assert callable(plot_episode_rewards)
    returns = [10.0, 20.0, 30.0, 40.0, 50.0, 80.0]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rewards.png"
        averages = plot_episode_rewards(returns, 3, path)
        averages = expect_type(averages, np.ndarray, "plot_episode_rewards(...)")
        expect_close(
            averages,
            np.array([20.0, 30.0, 40.0, 170.0 / 3]),
            "moving average of [10, 20, 30, 40, 50, 80] with window 3",
        )
        expect_true(path.is_file(), f"plot_episode_rewards did not save a figure to {path}")
        expect_true(
            path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", "the saved file is not a PNG image"
        )
        expect_true(path.stat().st_size > 2000, "the saved figure is (almost) empty")


def check(module: ModuleType) -> None:
    check_loss(get_function(module, "td_loss"))
    check_plot(get_function(module, "plot_episode_rewards"))

    # A short run of the given loop: your loss must change the network's weights.
    train = get_function(module, "train")
    torch.set_num_threads(1)  # tiny batches: threads only add overhead
    network, returns = train(total_steps=1_200, seed=0)
    seed_everything(0)  # `train` builds its network right after this same call
    initial = QNetwork(4, 2, DQNConfig().hidden_sizes)
    expect_true(len(returns) > 0, "train(1200, seed=0) finished no episode")
    unchanged = [
        name
        for (name, p), q in zip(network.named_parameters(), initial.parameters(), strict=True)
        if torch.equal(p, q)
    ]
    expect_true(unchanged == [], f"train(1200, seed=0) left these weights unchanged: {unchanged}")
