"""Demo 3: softmax regression as nn.Linear(2, 3) trained with nn.CrossEntropyLoss by the
library's loop, next to the same training with Demo 2's cross-entropy by hand."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro
from torch import nn

from rlcourse.training import LossFn, fit
from three_clouds import CENTRES, STD, accuracy, cross_entropy, make_clouds


@dataclass(frozen=True)
class Config:
    n_per_class: int = 100
    lr: float = 0.5  # step size of full-batch SGD
    epochs: int = 500  # one step per epoch
    seed: int = 0
    fresh_seed: int = 1  # other points from the same clouds
    out_dir: Path = Path(__file__).parent / "outputs"  # the runner's; this demo saves no figure


@dataclass(frozen=True)
class Result:
    first_loss: float  # log 3 at w = 0, b = 0
    final_loss: float
    library_vs_by_hand: float  # largest |difference| in the weights and biases
    train_accuracy: float
    fresh_accuracy: float


# --8<-- [start:train]
def train_classifier(
    x: torch.Tensor, y: torch.Tensor, loss_fn: LossFn, lr: float, epochs: int
) -> tuple[nn.Linear, list[float]]:
    """nn.Linear(2, k) from weight = 0 and bias = 0, trained by fit with full-batch SGD on
    loss_fn(logits (n, k), labels (n,)): a cross-entropy that applies the softmax itself."""
    classes = int(y.max()) + 1
    model = nn.Linear(x.shape[1], classes)  # one row of weights per class: (n, 2) -> (n, k)
    nn.init.zeros_(model.weight)  # every logit 0: each class gets probability 1/k
    nn.init.zeros_(model.bias)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    losses = fit(model, loss_fn, optimizer, x, y, epochs)  # y: int64 labels, not one-hot
    return model, losses


# --8<-- [end:train]


def parameters(model: nn.Linear) -> torch.Tensor:
    return torch.cat([model.weight.flatten(), model.bias]).detach()


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    x, y = make_clouds(cfg.n_per_class, CENTRES, STD, cfg.seed)
    fresh_x, fresh_y = make_clouds(cfg.n_per_class, CENTRES, STD, cfg.fresh_seed)
    model, losses = train_classifier(x, y, nn.CrossEntropyLoss(), cfg.lr, cfg.epochs)
    by_hand, _ = train_classifier(x, y, cross_entropy, cfg.lr, cfg.epochs)
    gap = (parameters(model) - parameters(by_hand)).abs().max().item()
    print(f"loss {losses[0]:.4f} at the start (log 3), {losses[-1]:.4f} after {cfg.epochs} epochs")
    for k in range(len(CENTRES)):
        w, b = model.weight[k].detach(), model.bias[k].item()
        print(f"class {k}: w = ({w[0]:.3f}, {w[1]:.3f}), b = {b:.3f}")
    print(f"nn.CrossEntropyLoss vs the loss by hand: largest difference {gap:.1e}")
    with torch.no_grad():
        train, fresh = accuracy(model(x), y), accuracy(model(fresh_x), fresh_y)
    print(f"accuracy on the training points {train:.3f}, on fresh points {fresh:.3f}")
    return Result(losses[0], losses[-1], gap, train, fresh)


# --8<-- [end:main]


if __name__ == "__main__":
    main(tyro.cli(Config))
