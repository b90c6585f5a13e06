"""Demo 4: the gradient of one neuron's squared error three ways: the chain rule by hand,
autograd, and central finite differences, with the finite-difference error against h."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro


@dataclass(frozen=True)
class Config:
    x: float = 2.0  # the input
    y: float = 0.5  # the target
    w: float = 0.3  # the parameters where we differentiate
    b: float = -0.1
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    by_hand: list[float]  # (dL/dw, dL/db) by the chain rule
    autograd: list[float]
    hand_matches_autograd: bool
    step_sizes: list[float]  # the h of the finite differences
    central_errors: list[float]  # max |central difference - autograd| for each h
    forward_errors: list[float]  # the same for (L(p + h) - L(p)) / h
    best_central_h: float  # the h with the smallest central error
    best_central_error: float  # that error
    figure: str


def loss(params: torch.Tensor, x: float, y: float) -> torch.Tensor:
    """L(w, b) = (tanh(w x + b) - y)^2 for params = (w, b)."""
    w, b = params[0], params[1]
    return (torch.tanh(w * x + b) - y) ** 2


# --8<-- [start:by_hand]
def gradient_by_hand(w: float, b: float, x: float, y: float) -> torch.Tensor:
    """The chain rule through u = w x + b, a = tanh(u), L = (a - y)^2."""
    a = torch.tanh(torch.tensor(w * x + b, dtype=torch.float64))
    dl_da = 2 * (a - y)
    da_du = 1 - a**2  # tanh'(u) = 1 - tanh(u)^2
    dl_du = dl_da * da_du
    return torch.stack([dl_du * x, dl_du * 1.0])  # du/dw = x, du/db = 1


def central_differences(
    f: Callable[[torch.Tensor], torch.Tensor], p: torch.Tensor, h: float
) -> torch.Tensor:
    """(f(p + h e_i) - f(p - h e_i)) / (2h) for each coordinate i: shape of p."""
    estimate = torch.zeros_like(p)
    for i in range(p.numel()):
        step = torch.zeros_like(p)
        step[i] = h  # h e_i: move coordinate i only
        estimate[i] = (f(p + step) - f(p - step)) / (2 * h)
    return estimate


# --8<-- [end:by_hand]


def forward_differences(
    f: Callable[[torch.Tensor], torch.Tensor], p: torch.Tensor, h: float
) -> torch.Tensor:
    """(f(p + h e_i) - f(p)) / h for each coordinate i, for comparison."""
    return torch.stack([(f(p + h * e) - f(p)) / h for e in torch.eye(p.numel(), dtype=p.dtype)])


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    # --8<-- [start:compare]
    params = torch.tensor([cfg.w, cfg.b], dtype=torch.float64, requires_grad=True)
    loss(params, cfg.x, cfg.y).backward()
    assert params.grad is not None
    by_hand = gradient_by_hand(cfg.w, cfg.b, cfg.x, cfg.y)
    matches = torch.allclose(by_hand, params.grad, rtol=1e-12, atol=0.0)
    print(f"by hand  (dL/dw, dL/db) = {by_hand.tolist()}")
    print(f"autograd (dL/dw, dL/db) = {params.grad.tolist()}, allclose: {matches}")

    def f(p: torch.Tensor) -> torch.Tensor:
        return loss(p, cfg.x, cfg.y)

    point = params.detach()
    hs = [10.0**-k for k in range(1, 12)]
    central = [(central_differences(f, point, h) - params.grad).abs().max().item() for h in hs]
    forward = [(forward_differences(f, point, h) - params.grad).abs().max().item() for h in hs]
    # --8<-- [end:compare]
    print("     h   central error   forward error")
    for h, c, fwd in zip(hs, central, forward, strict=True):
        print(f"{h:6.0e}   {c:13.2e}   {fwd:13.2e}")
    best = hs[min(range(len(hs)), key=central.__getitem__)]
    fig, ax = plt.subplots(figsize=(7, 4), dpi=110)
    ax.loglog(hs, central, marker="o", label="central (f(p+h) - f(p-h)) / 2h")
    ax.loglog(hs, forward, marker="s", label="forward (f(p+h) - f(p)) / h")
    ax.set_xlabel("h")
    ax.set_ylabel("largest |difference - autograd|")
    ax.set_title("Finite differences against autograd (float64)")
    ax.legend()
    figure = cfg.out_dir / "finite_differences.png"
    fig.tight_layout()
    fig.savefig(figure)
    plt.close(fig)
    print(f"saved {figure.name}")
    return Result(
        by_hand=by_hand.tolist(),
        autograd=params.grad.tolist(),
        hand_matches_autograd=matches,
        step_sizes=hs,
        central_errors=central,
        forward_errors=forward,
        best_central_h=best,
        best_central_error=min(central),
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
