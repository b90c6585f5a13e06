"""Check for exercise 4: the learner's deep network keeps its shape, its first layer's gradient
is within a factor of 100 of its last layer's, and 100 steps of plain SGD bring its loss on the
moons below 0.4, for several depths, widths and seeds."""

from __future__ import annotations

import math
from types import ModuleType

import torch
from sklearn.datasets import make_moons
from torch import nn

from coursetools.check_helpers import CheckFailed, expect_equal, expect_type, get_function
from rlcourse.networks import gradient_norms
from rlcourse.training import fit

CASES = ((8, 16, 0), (10, 24, 1), (12, 16, 2))  # depth, width, seed


def moons() -> tuple[torch.Tensor, torch.Tensor]:
    x, y = make_moons(128, noise=0.2, random_state=3)
    return torch.tensor(x, dtype=torch.float32), torch.tensor(y, dtype=torch.float32)[:, None]


def linear_shapes(model: nn.Module) -> list[tuple[int, int]]:
    return [(m.in_features, m.out_features) for m in model.modules() if isinstance(m, nn.Linear)]


def check_case(module: ModuleType, depth: int, width: int, seed: int) -> None:
    build = get_function(module, "build_deep_model")
    what = f"build_deep_model({depth}, {width}) with torch.manual_seed({seed})"
    torch.manual_seed(seed)
    model = expect_type(build(depth, width), nn.Module, what)
    expected = [(2, width), *[(width, width)] * (depth - 1), (width, 1)]
    got = linear_shapes(model)
    if len(got) != len(expected):
        raise CheckFailed(
            f"{what}: {len(got)} linear layers, expected {len(expected)}: keep the depth; a "
            "shallower network hides the problem instead of fixing it"
        )
    expect_equal(got, expected, f"{what}: the (in, out) sizes of the linear layers")
    x, y = moons()
    model.zero_grad()
    nn.functional.binary_cross_entropy_with_logits(model(x), y).backward()
    weights = [norm for name, norm in gradient_norms(model).items() if name.endswith("weight")]
    if len(weights) != len(expected):
        raise CheckFailed(f"{what}: only {len(weights)} weight matrices received a gradient")
    ratio = weights[0] / weights[-1] if weights[-1] > 0 else math.inf
    if not 1e-2 <= ratio <= 1e2:
        raise CheckFailed(
            f"{what}: the first layer's weight gradient is {ratio:.1e} times the last layer's "
            "(expected between 1e-2 and 1e2): the gradient still vanishes or explodes on its "
            "way down; what does each layer multiply it by?"
        )
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    losses = fit(model, nn.BCEWithLogitsLoss(), optimizer, x, y, epochs=100)
    if not losses[-1] < 0.4:
        raise CheckFailed(
            f"{what}: after 100 steps of SGD (lr 0.1) the loss is {losses[-1]:.3f}, expected "
            "below 0.4 (log 2 = 0.693 is the loss of guessing); gradients reach the first "
            "layer, but the signal is still too weak or too strong to learn from"
        )


def check(module: ModuleType) -> None:
    for depth, width, seed in CASES:
        check_case(module, depth, width, seed)
