"""Check of exercise 4: forward hooks record the dtype each linear layer computed in; the
step must match a float32 reference step closely (bfloat16 keeps 8 bits of mantissa), keep
the weights float32, and follow the dtype it is given."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from coursetools.check_helpers import CheckFailed, expect_true, get_function


def setup(seed: int) -> tuple[nn.Sequential, torch.optim.Optimizer, torch.Tensor, torch.Tensor]:
    torch.manual_seed(seed)
    network = nn.Sequential(nn.Linear(12, 32), nn.ReLU(), nn.Linear(32, 5))
    optimizer = torch.optim.SGD(network.parameters(), lr=0.1)
    return network, optimizer, torch.randn(40, 12), torch.randint(0, 5, (40,))


def record_dtypes(*layers: nn.Module) -> list[torch.dtype]:
    """A list that fills with the dtype of each output of ``layers`` as they run."""
    seen: list[torch.dtype] = []

    def hook(_module: nn.Module, _inputs: object, output: torch.Tensor) -> None:
        seen.append(output.dtype)

    for layer in layers:
        layer.register_forward_hook(hook)
    return seen


def check(module: ModuleType) -> None:
    step: Any = get_function(module, "mixed_precision_step")
    for seed in (0, 1, 2):
        network, optimizer, inputs, labels = setup(seed)
        seen = record_dtypes(network[0], network[2])
        loss = step(network, optimizer, inputs, labels, torch.bfloat16)
        loss = step(network, optimizer, inputs, labels, torch.bfloat16)  # a second step
        if any(p.dtype != torch.float32 for p in network.parameters()):
            raise CheckFailed(
                "the weights are no longer float32: autocast changes the dtype of the "
                "computations, not of the parameters (do not call network.to(bfloat16))"
            )
        expect_true(bool(seen), "the network was not called")
        if any(dtype != torch.bfloat16 for dtype in seen):
            raise CheckFailed(
                f"the linear layers computed in {seen}, not bfloat16: run the forward pass "
                "inside torch.autocast(device_type=inputs.device.type, dtype=dtype)"
            )
        expect_true(
            isinstance(loss, float), f"return the loss as a float, got {type(loss).__name__}"
        )
        reference, reference_optimizer, _, _ = setup(seed)
        right_loss = torch.zeros(())
        for _ in range(2):
            right_loss = F.cross_entropy(reference(inputs), labels)
            reference_optimizer.zero_grad()
            right_loss.backward()
            reference_optimizer.step()
        if abs(loss - right_loss.item()) > 0.03 * right_loss.item():
            raise CheckFailed(
                f"the loss {loss:.4f} is far from the float32 loss {right_loss.item():.4f}"
            )
        moved = max(
            (a - b).abs().max().item()
            for a, b in zip(network.parameters(), reference.parameters(), strict=True)
        )
        expect_true(
            moved < 0.01,
            f"after two steps the weights differ from a float32 step by up to {moved:.3f}: "
            "zero the old gradients, backpropagate the loss, then optimizer.step()",
        )
    network, optimizer, inputs, labels = setup(3)
    seen = record_dtypes(network[0])
    step(network, optimizer, inputs, labels, torch.float16)
    if seen and seen[0] != torch.float16:
        raise CheckFailed(
            f"asked for float16, the layers computed in {seen[0]}: pass the dtype argument "
            "to torch.autocast instead of a fixed one"
        )
