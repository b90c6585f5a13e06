"""Check of exercise 2: the n-step targets against a reference written step by step on a
hand-made rollout and seeded random ones (episodes ending both ways, mid-rollout), and the
loss's value and where its gradients flow."""

from __future__ import annotations

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
    get_function,
    random_cases,
)

Rollout = dict[str, torch.Tensor]


def reference(r: Rollout, gamma: float, mistake: str = "") -> np.ndarray:
    """G_t, one environment and one step at a time; ``mistake`` gives the usual wrong ones."""
    steps, envs = r["rewards"].shape
    returns = np.zeros((steps, envs))
    for e in range(envs):
        future = float(r["last_values"][e])
        for t in reversed(range(steps)):
            reward = float(r["rewards"][t, e])
            stops = r["terminated"][t, e] and mistake != "through terminal"
            if stops or (r["truncated"][t, e] and mistake == "truncated as terminal"):
                future = reward
            elif r["truncated"][t, e] and mistake != "through truncation":
                future = reward + gamma * float(r["final_values"][t, e])
            else:
                future = reward + gamma * future
            returns[t, e] = future
    return returns


def rollout(rng: np.random.Generator) -> Rollout:
    steps, envs = int(rng.integers(3, 9)), int(rng.integers(1, 5))
    ends = rng.choice(3, size=(steps, envs), p=[0.6, 0.2, 0.2])  # 1 terminated, 2 truncated
    return {
        "rewards": torch.tensor(rng.normal(1.0, 0.5, (steps, envs)), dtype=torch.float32),
        "values": torch.tensor(rng.normal(5.0, 2.0, (steps, envs)), dtype=torch.float32),
        "terminated": torch.tensor(ends == 1, dtype=torch.float32),
        "truncated": torch.tensor(ends == 2, dtype=torch.float32),
        "final_values": torch.tensor(rng.normal(8.0, 2.0, (steps, envs)), dtype=torch.float32),
        "last_values": torch.tensor(rng.normal(6.0, 2.0, envs), dtype=torch.float32),
    }


def by_hand() -> Rollout:
    """Two environments, three steps: env 0 terminates at step 1, env 1 is truncated at 0."""
    return {
        "rewards": torch.ones(3, 2),
        "values": torch.tensor([[1.0, 2.0], [1.0, 2.0], [1.0, 2.0]]),
        "terminated": torch.tensor([[0.0, 0.0], [1.0, 0.0], [0.0, 0.0]]),
        "truncated": torch.tensor([[0.0, 1.0], [0.0, 0.0], [0.0, 0.0]]),
        "final_values": torch.tensor([[9.0, 10.0], [9.0, 9.0], [9.0, 9.0]]),
        "last_values": torch.tensor([4.0, 4.0]),
    }


DIAGNOSES = {
    "through terminal": "a terminated step has no future: G_t = R_{t+1} there, and nothing of "
    "the next step (a new episode) flows back",
    "truncated as terminal": "a truncated step keeps the value of the state where the time "
    "limit cut it: G_t = R_{t+1} + gamma * final_values[t]",
    "through truncation": "after a truncated step the next step belongs to a new episode: "
    "use final_values[t], not G_{t+1}",
}


def check_targets(n_step_targets: Any) -> None:
    gamma = 0.5
    cases = [by_hand(), *random_cases(12, 6, rollout)]
    for case, r in enumerate(cases):
        what = "the hand-made rollout" if case == 0 else f"seeded rollout {case}"
        shape = tuple(r["rewards"].shape)
        answer = n_step_targets(
            r["rewards"],
            r["values"],
            r["terminated"],
            r["truncated"],
            r["final_values"],
            r["last_values"],
            gamma,
        )
        expect_true(
            isinstance(answer, tuple) and len(answer) == 2,
            "n_step_targets must return (returns, advantages)",
        )
        returns = expect_tensor(answer[0], f"the returns of {what}")
        advantages = expect_tensor(answer[1], f"the advantages of {what}")
        expect_shape(returns, shape, f"the returns of {what}")
        expect_shape(advantages, shape, f"the advantages of {what}")
        right = reference(r, gamma)
        got = returns.detach().numpy()
        if not np.allclose(got, right, atol=1e-5):
            for mistake, diagnosis in DIAGNOSES.items():
                wrong = reference(r, gamma, mistake)
                if not np.allclose(wrong, right) and np.allclose(got, wrong, atol=1e-5):
                    raise CheckFailed(f"{what}: {diagnosis}")
        expect_close(got, right, f"the returns G_t of {what} (gamma {gamma})", atol=1e-5)
        if np.allclose(advantages.detach().numpy(), right, atol=1e-5):
            raise CheckFailed(
                f"{what}: your advantages equal the returns: the advantage is G_t - v(S_t)"
            )
        expect_close(
            advantages.detach().numpy(),
            right - r["values"].numpy(),
            f"the advantages G_t - v(S_t) of {what}",
            atol=1e-5,
        )


def check_loss(a2c_loss: Any) -> None:
    for case, rng in enumerate(random_cases(3, 4, lambda rng: rng)):
        size = int(rng.integers(4, 12))
        logits = torch.tensor(rng.normal(size=(size, 2)), dtype=torch.float32, requires_grad=True)
        values = torch.tensor(rng.normal(3.0, 1.0, size), dtype=torch.float32, requires_grad=True)
        actions = torch.tensor(rng.integers(0, 2, size))
        # Advantages and returns computed from values, as a learner's would be: gradients
        # that reach them must be stopped.
        returns = values.detach() + torch.tensor(rng.normal(0.0, 2.0, size), dtype=torch.float32)
        advantages = returns - values
        value_coef, entropy_coef = 0.5, 0.1
        loss = expect_tensor(
            a2c_loss(logits, values, actions, advantages, returns, value_coef, entropy_coef),
            "a2c_loss's result",
        )
        expect_shape(loss, (), "the loss (a scalar)")
        log_pi = F.log_softmax(logits.detach(), dim=1)
        chosen = log_pi.gather(1, actions.unsqueeze(1)).squeeze(1)
        adv = advantages.detach()
        actor = -(chosen * adv).mean()
        critic = ((values.detach() - returns) ** 2).mean()
        entropy = -(log_pi.exp() * log_pi).sum(dim=1).mean()
        what = f"a2c_loss on seeded batch {case} of {size}"
        if torch.allclose(loss, actor + value_coef * critic + entropy_coef * entropy, atol=1e-5):
            raise CheckFailed(
                f"{what}: the entropy is added to the loss; subtract it (a bonus: minimising the "
                "loss should raise the entropy)"
            )
        if torch.allclose(
            loss, -(chosen * adv).sum() + value_coef * critic - entropy_coef * entropy
        ):
            raise CheckFailed(f"{what}: the actor's term is a sum; take the mean over the batch")
        expect_close(
            loss.detach(),
            actor + value_coef * critic - entropy_coef * entropy,
            f"{what}: actor + {value_coef} critic - {entropy_coef} entropy",
            atol=1e-5,
        )
        loss.backward()
        expect_true(values.grad is not None, f"{what}: no gradient reached the values")
        assert values.grad is not None
        expected = value_coef * 2 * (values.detach() - returns) / size
        if not torch.allclose(values.grad, expected, atol=1e-5):
            raise CheckFailed(
                f"{what}: the gradient on the values is {values.grad[:3].numpy().round(3)}..., "
                f"expected {expected[:3].numpy().round(3)}... from the critic's term alone: "
                "detach the advantages (and the returns), or the actor's term also trains the "
                "critic"
            )


def check(module: ModuleType) -> None:
    check_targets(get_function(module, "n_step_targets"))
    check_loss(get_function(module, "a2c_loss"))
