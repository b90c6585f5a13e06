"""Demo 4 of Part 3.5: the deep sigmoid network of Demo 3 does not learn; the gradient norms
say why; ReLU alone does not fix it, ReLU with He initialisation does. Trained through
rlcourse.training.fit over several seeds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro
from torch import nn
from tqdm import tqdm

from deep import deep_network, moons, weight_gradient_norms
from rlcourse.stats import mean_and_standard_error
from rlcourse.training import fit

VARIANTS: dict[str, tuple[type[nn.Module], bool]] = {  # name: (activation, He initialisation)
    "sigmoid": (nn.Sigmoid, False),
    "ReLU": (nn.ReLU, False),
    "ReLU + He init": (nn.ReLU, True),
}


@dataclass(frozen=True)
class Config:
    depth: int = 10  # hidden layers, as in Demo 3
    width: int = 32
    train_points: int = 256
    test_points: int = 1000
    noise: float = 0.2  # make_moons noise
    epochs: int = 100
    batch_size: int = 64
    lr: float = 0.1  # plain SGD: its step is proportional to the gradient
    seeds: int = 5
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    first_to_last: dict[str, float]  # geometric mean over seeds, at initialisation
    middle_layer_norm: dict[str, float]  # |dL/dW| of the middle layer, same mean
    final_loss_mean: dict[str, float]  # training loss of the last epoch
    final_loss_sem: dict[str, float]
    accuracy_mean: dict[str, float]  # on the test points
    accuracy_sem: dict[str, float]


# --8<-- [start:train]
def train(
    variant: str, cfg: Config, seed: int, data: tuple[torch.Tensor, ...]
) -> tuple[list[float], list[float], float]:
    """Gradient norms at initialisation, training losses and test accuracy of one variant."""
    x, y, x_test, y_test = data
    torch.manual_seed(seed)
    activation, he_init = VARIANTS[variant]
    model = deep_network(cfg.depth, cfg.width, activation, he_init)
    norms = weight_gradient_norms(model, x, y)  # the diagnosis, before any step
    optimizer = torch.optim.SGD(model.parameters(), lr=cfg.lr)
    generator = torch.Generator().manual_seed(seed)
    loss_fn = nn.BCEWithLogitsLoss()
    losses = fit(model, loss_fn, optimizer, x, y, cfg.epochs, cfg.batch_size, generator)
    with torch.no_grad():
        accuracy = ((model(x_test) > 0).float() == y_test).float().mean().item()
    return norms, losses, accuracy


# --8<-- [end:train]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    data = (*moons(cfg.train_points, cfg.noise, seed=0), *moons(cfg.test_points, cfg.noise, seed=1))
    result: dict[str, dict[str, float]] = {key: {} for key in Result.__dataclass_fields__}
    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    runs = [(variant, seed) for variant in VARIANTS for seed in range(cfg.seeds)]
    outcomes = {run: train(run[0], cfg, run[1], data) for run in tqdm(runs, leave=False)}
    print(f"{'':15} first/last  middle |dL/dW|  final loss      test accuracy ({cfg.seeds} seeds)")
    for variant in VARIANTS:
        runs_of_variant = [outcomes[variant, seed] for seed in range(cfg.seeds)]
        norms, losses, accuracies = zip(*runs_of_variant, strict=True)
        typical = np.exp(np.log(np.array(norms)).mean(axis=0))
        loss, loss_sem = mean_and_standard_error([run[-1] for run in losses])
        accuracy, accuracy_sem = mean_and_standard_error(accuracies)
        print(
            f"{variant:15} {typical[0] / typical[-1]:9.1e}  {typical[cfg.depth // 2]:9.1e}      "
            f"{loss:.3f} ± {loss_sem:.3f}   "
            f"{accuracy:.3f} ± {accuracy_sem:.3f}"
        )
        result["first_to_last"][variant] = float(typical[0] / typical[-1])
        result["middle_layer_norm"][variant] = float(typical[cfg.depth // 2])
        result["final_loss_mean"][variant], result["final_loss_sem"][variant] = loss, loss_sem
        result["accuracy_mean"][variant], result["accuracy_sem"][variant] = accuracy, accuracy_sem
        left.plot(typical, marker="o", label=variant)
        curves = np.array(losses)
        mean, sem = curves.mean(axis=0), curves.std(axis=0, ddof=1) / np.sqrt(cfg.seeds)
        epochs = np.arange(1, cfg.epochs + 1)
        right.plot(epochs, mean, label=variant)
        right.fill_between(epochs, mean - sem, mean + sem, alpha=0.3)
    left.set_yscale("log")
    left.set_title("Weight-gradient norm per layer at initialisation")
    left.set_xlabel("layer (0 = nearest the input)")
    left.set_ylabel("|dL/dW| (geometric mean over seeds)")
    left.legend()
    right.set_title(f"Training loss, mean ± standard error over {cfg.seeds} seeds")
    right.set_xlabel("epoch")
    right.set_ylabel("binary cross-entropy")
    right.legend()
    figure.tight_layout()
    figure.savefig(cfg.out_dir / "fix.png", dpi=120)
    plt.close(figure)
    return Result(**result)


if __name__ == "__main__":
    main(tyro.cli(Config))
