"""Check of exercise 3: the TD loss and its gradient against a reference computed here,
on a batch where every taken action is non-greedy and on seeded random batches; the
plot through the data it draws; a short run of the given loop."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_shape,
    expect_tensor,
    expect_true,
    expect_type,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)
from rlcourse.agents.dqn import DQNConfig, QNetwork
from rlcourse.seeding import seed_everything

GAMMA = 0.9
# 4 transitions, 3 actions. No taken action is the greedy one, and no next state's best
# action is the taken one, so reading Q at the max or the target at `actions` shows.
# Row 1 terminated, row 2 truncated.
EXAMPLE = {
    "q_values": [[1.0, 2.0, 0.0], [0.5, -1.0, 3.0], [3.0, 0.0, 1.0], [0.0, 0.2, -0.5]],
    "actions": [0, 1, 2, 0],
    "rewards": [1.0, 0.0, 1.0, -1.0],
    "next_q_target": [[1.0, 3.0, 0.0], [2.0, 0.0, 1.0], [5.0, 4.0, 0.0], [0.4, 0.6, -1.0]],
    "terminated": [0.0, 1.0, 0.0, 0.0],
    "truncated": [0.0, 0.0, 1.0, 0.0],
}


@dataclass(frozen=True)
class Variant:
    """How the loss is computed: the right way, or with one of the usual mistakes."""

    q_at_taken_action: bool = True
    target_max: bool = True
    stop_on_terminated: bool = True
    stop_on_truncated: bool = False
    huber: bool = True


RIGHT = Variant()
MISTAKES = [
    (
        Variant(q_at_taken_action=False),
        "Q(s, a) must be read at the taken action (q_values.gather(1, actions[:, None])), "
        "not as the max over actions",
    ),
    (
        Variant(target_max=False),
        "the target takes max over a' of next_q_target, not its value at the stored action",
    ),
    (
        Variant(stop_on_truncated=True),
        "you stopped bootstrapping on `truncated`: a time limit is not a terminal state, "
        "only `terminated` may zero the next value",
    ),
    (
        Variant(stop_on_terminated=False),
        "`terminated` did not stop the bootstrap: y = r + gamma * (1 - terminated) * max ...",
    ),
    (Variant(huber=False), "this is the mean squared error; use the Huber loss (smooth_l1_loss)"),
]


def tensors(batch: dict[str, Any]) -> dict[str, torch.Tensor]:
    made = {name: torch.tensor(values) for name, values in batch.items()}
    made["q_values"].requires_grad_(True)
    made["next_q_target"].requires_grad_(True)
    return made


def reference(batch: dict[str, torch.Tensor], variant: Variant) -> tuple[float, torch.Tensor]:
    """The loss and d loss / d q_values, computed the way ``variant`` says."""
    q_values = batch["q_values"].detach().clone().requires_grad_(True)
    actions = batch["actions"].unsqueeze(1)
    if variant.q_at_taken_action:
        q = q_values.gather(1, actions).squeeze(1)
    else:
        q = q_values.max(dim=1).values
    next_q = batch["next_q_target"].detach()
    next_value = next_q.max(dim=1).values if variant.target_max else next_q.gather(1, actions)[:, 0]
    done = torch.zeros_like(batch["rewards"])
    if variant.stop_on_terminated:
        done = torch.maximum(done, batch["terminated"])
    if variant.stop_on_truncated:
        done = torch.maximum(done, batch["truncated"])
    target = batch["rewards"] + GAMMA * (1.0 - done) * next_value
    loss = F.smooth_l1_loss(q, target) if variant.huber else F.mse_loss(q, target)
    loss.backward()
    assert q_values.grad is not None
    return float(loss), q_values.grad


def random_batch(rng: np.random.Generator) -> dict[str, Any]:
    size, actions = 32, 3
    return {
        "q_values": (rng.normal(size=(size, actions)) * 2).astype(np.float32).tolist(),
        "actions": rng.integers(0, actions, size=size).tolist(),
        "rewards": rng.normal(size=size).astype(np.float32).tolist(),
        "next_q_target": (rng.normal(size=(size, actions)) * 2).astype(np.float32).tolist(),
        "terminated": (rng.random(size) < 0.2).astype(np.float32).tolist(),
        "truncated": (rng.random(size) < 0.2).astype(np.float32).tolist(),
    }


def check_loss(td_loss: Any, batch: dict[str, Any], name: str) -> None:
    inputs = tensors(batch)
    loss = expect_tensor(td_loss(**inputs, gamma=GAMMA), f"td_loss on {name}")
    expect_shape(loss, (), f"td_loss on {name} (a scalar)")
    value = float(loss.detach())
    right, gradient = reference(inputs, RIGHT)
    if abs(value - right) > 1e-4:
        for variant, explanation in MISTAKES:
            wrong, _ = reference(inputs, variant)
            if abs(value - wrong) < 1e-4:
                raise CheckFailed(f"td_loss on {name}: got {value:.4f}: {explanation}")
        expect_close(
            value,
            right,
            f"td_loss on {name} (Huber loss of Q(s, a) - y, "
            "y = r + gamma * (1 - terminated) * max_a' next_q_target)",
            atol=1e-4,
        )
    loss.backward()
    q_grad = inputs["q_values"].grad
    if q_grad is None:
        raise CheckFailed("no gradient reached q_values: do not detach Q(s, a)")
    expect_close(
        q_grad,
        gradient,
        f"d loss / d q_values on {name} (only the taken actions get a gradient)",
        atol=1e-5,
    )
    next_grad = inputs["next_q_target"].grad
    if next_grad is not None and float(next_grad.abs().sum()) > 0:
        raise CheckFailed(
            "a gradient flowed into next_q_target: the target y is a constant "
            "(semi-gradient); detach it or compute it under torch.no_grad()"
        )


def check_plot(plot_episode_rewards: Any) -> None:
    returns = [10.0, 20.0, 30.0, 40.0, 50.0, 80.0, 20.0]
    window = 3
    expected = np.array([20.0, 30.0, 40.0, 170.0 / 3, 50.0])
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "rewards.png"
        averages = plot_episode_rewards(returns, window, path)
        averages = expect_type(averages, np.ndarray, "plot_episode_rewards(...)")
        expect_close(averages, expected, f"moving average of {returns} with window {window}")
        figure = saved_to(figures, path, "plot_episode_rewards")
    lines = figure.lines()
    drawn = [line for line in lines if np.array_equal(line.y, returns)]
    expect_true(
        len(drawn) == 1,
        f"the figure should draw each episode's return {returns} as one line; its lines "
        f"have y = {[line.y.tolist() for line in lines]}",
    )
    average = [line for line in lines if line.y.size == 5 and np.allclose(line.y, expected)]
    expect_true(
        len(average) == 1,
        f"the figure should draw the moving average {expected.round(2).tolist()} as a line",
    )
    episodes = drawn[0].x
    expect_close(
        average[0].x,
        episodes[window - 1 :],
        "the x of the moving average's points (each is drawn at the last episode of its window)",
    )
    axes = figure.axes[0]
    expect_true(
        bool(axes.xlabel and axes.ylabel),
        f"label both axes (x: {axes.xlabel!r}, y: {axes.ylabel!r})",
    )


def check(module: ModuleType) -> None:
    td_loss = get_function(module, "td_loss")
    check_loss(td_loss, EXAMPLE, "the example batch")
    for number, batch in enumerate(random_cases(53, 3, random_batch), start=1):
        check_loss(td_loss, batch, f"random batch {number} of 32 transitions")
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
