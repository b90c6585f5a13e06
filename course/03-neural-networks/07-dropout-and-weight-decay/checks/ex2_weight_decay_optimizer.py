"""Check for exercise 2: several steps against torch.optim.Adam and AdamW on seeded random
parameters and gradients, with torch.optim forbidden inside the learner's code."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_shape,
    expect_tensor,
    forbidden,
    get_function,
    random_cases,
)


def reference(
    theta: torch.Tensor, grads: list[torch.Tensor], lr: float, decay: float, decoupled: bool
) -> torch.Tensor:
    parameter = torch.nn.Parameter(theta.clone())
    kind = torch.optim.AdamW if decoupled else torch.optim.Adam
    optimizer = kind([parameter], lr=lr, weight_decay=decay)
    for g in grads:
        parameter.grad = g.clone()
        optimizer.step()
    return parameter.detach()


def make_case(rng: np.random.Generator) -> tuple[torch.Tensor, list[torch.Tensor], float, float]:
    n, steps = int(rng.integers(3, 7)), int(rng.integers(2, 6))
    theta = torch.from_numpy(rng.normal(scale=2.0, size=n))
    grads = [torch.from_numpy(rng.normal(scale=0.5, size=n)) for _ in range(steps)]
    return theta, grads, float(rng.choice([0.01, 0.1])), float(rng.choice([0.1, 0.5, 2.0]))


def check(module: ModuleType) -> None:
    steps = get_function(module, "adam_steps")
    no_optim = {
        name: "write the update by hand" for name in ("torch.optim.Adam", "torch.optim.AdamW")
    }
    for theta, grads, lr, decay in random_cases(2, 6, make_case):
        for decoupled in (False, True):
            kind = "AdamW" if decoupled else "Adam"
            what = f"adam_steps, {kind}(lr={lr}, weight_decay={decay}), {len(grads)} steps"
            with forbidden(no_optim, module):
                got = expect_tensor(
                    steps(theta.clone(), [g.clone() for g in grads], lr, decay, decoupled), what
                )
            expect_shape(got, tuple(theta.shape), what)
            expected = reference(theta, grads, lr, decay, decoupled)
            if decoupled and torch.allclose(
                got.double(), reference(theta, grads, lr, decay, False), atol=1e-7
            ):
                raise CheckFailed(
                    f"{what}: you added decay * theta to the gradient, which is Adam's L2; "
                    "AdamW shrinks theta by lr * decay * theta before the Adam step"
                )
            if not decoupled and torch.allclose(
                got.double(), reference(theta, grads, lr, decay, True), atol=1e-7
            ):
                raise CheckFailed(
                    f"{what}: you decayed theta directly, which is AdamW; Adam(weight_decay) "
                    "adds decay * theta to the gradient before the moments"
                )
            expect_close(
                got,
                expected,
                f"{what}: the parameters (compared with torch.optim.{kind})",
                atol=1e-7,
            )
