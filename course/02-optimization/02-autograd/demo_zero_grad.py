"""Demo 3: gradients accumulate. backward() twice without zeroing adds the two gradients, and
a gradient-descent loop that forgets to zero them goes wrong."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro


@dataclass(frozen=True)
class Config:
    target: float = 3.0  # the minimum of g(w) = (w - target)^2
    alpha: float = 0.1
    steps: int = 40
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    first_grad: float  # x.grad after one backward()
    second_grad: float  # x.grad after a second backward() without zeroing
    final_zeroed: float  # w after the loop that zeroes
    final_not_zeroed: float  # w after the loop that forgets
    farthest_not_zeroed: float  # the largest |w_k - target| of the loop that forgets, k >= 1
    figure: str


# --8<-- [start:twice]
def backward_twice(x_value: float) -> tuple[float, float]:
    """x.grad after one and after two backward() calls on f(x) = x^2, without zeroing."""
    x = torch.tensor(x_value, dtype=torch.float64, requires_grad=True)
    grads = []
    for _ in range(2):
        y = x**2  # a fresh graph each time: backward() frees the one it used
        y.backward()
        assert x.grad is not None
        grads.append(x.grad.item())  # backward() ADDS df/dx to x.grad
    return grads[0], grads[1]


# --8<-- [end:twice]


# --8<-- [start:loop]
def descend(target: float, alpha: float, steps: int, zero_grad: bool) -> list[float]:
    """Gradient descent on g(w) = (w - target)^2 from w = 0, gradients by autograd."""
    w = torch.tensor(0.0, dtype=torch.float64, requires_grad=True)
    path = [w.item()]
    for _ in range(steps):
        loss = (w - target) ** 2
        loss.backward()  # w.grad += dg/dw
        grad = w.grad
        assert grad is not None
        with torch.no_grad():  # the update itself must not be recorded
            w -= alpha * grad
        if zero_grad:
            grad.zero_()  # w.grad back to 0: the next step starts from its own gradient
        path.append(w.item())
    return path


# --8<-- [end:loop]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    first, second = backward_twice(2.0)
    print(f"f(x) = x^2 at x = 2: x.grad after one backward() = {first}, after two = {second}")
    zeroed = descend(cfg.target, cfg.alpha, cfg.steps, zero_grad=True)
    forgotten = descend(cfg.target, cfg.alpha, cfg.steps, zero_grad=False)
    farthest = max(abs(w - cfg.target) for w in forgotten[1:])
    for k in (1, 2, 3, 5, 10, 20, cfg.steps):
        print(f"step {k:2d}: w zeroed {zeroed[k]:8.4f}   w not zeroed {forgotten[k]:8.4f}")
    fig, ax = plt.subplots(figsize=(7, 3.8), dpi=110)
    ax.plot(zeroed, marker=".", label="w.grad zeroed each step")
    ax.plot(forgotten, marker=".", label="w.grad never zeroed")
    ax.axhline(cfg.target, color="black", linestyle=":", label=f"minimum w = {cfg.target:g}")
    ax.set_xlabel("step k")
    ax.set_ylabel("$w_k$")
    ax.set_title(f"Gradient descent on $(w - {cfg.target:g})^2$ with alpha = {cfg.alpha:g}")
    ax.legend(loc="lower right")
    figure = cfg.out_dir / "zero_grad.png"
    fig.tight_layout()
    fig.savefig(figure)
    plt.close(fig)
    print(f"saved {figure.name}")
    return Result(
        first_grad=first,
        second_grad=second,
        final_zeroed=zeroed[-1],
        final_not_zeroed=forgotten[-1],
        farthest_not_zeroed=farthest,
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
