"""Demo 3 of Part 3.6: L2 regularisation, loss + lambda * (sum of squared weights), on the
overfitting network of Demo 2: its effect on the weights and on the test loss."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import tyro
from tqdm import tqdm

from fitting import fresh_points, moons, scores, squared_weights, summary, train


@dataclass(frozen=True)
class Config:
    penalties: list[float] = field(default_factory=lambda: [0.0, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1])
    points: int = 40
    noise: float = 0.3
    hidden: list[int] = field(default_factory=lambda: [32, 32])
    epochs: int = 300
    lr: float = 0.01
    seeds: int = 5
    test_points: int = 1000
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    penalties: list[float]
    squared_weights_mean: list[float]  # sum of squared weights after training, per lambda
    train_loss_mean: list[float]  # cross-entropy alone, without the penalty
    test_loss_mean: list[float]
    test_loss_sem: list[float]
    test_accuracy_mean: list[float]
    test_accuracy_sem: list[float]
    best_penalty: float  # the lambda with the lowest mean test loss


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    x_test, y_test = fresh_points(cfg.test_points, cfg.noise)
    table: dict[str, list[float]] = {key: [] for key in list(Result.__dataclass_fields__)[1:-1]}
    first_weights: dict[float, np.ndarray] = {}  # seed 0's first hidden-to-hidden matrix
    print(f"lambda  sum w^2   train loss  test loss       test accuracy  ({cfg.seeds} seeds)")
    # --8<-- [start:sweep]
    for penalty in tqdm(cfg.penalties, leave=False):
        runs, sizes = [], []
        for seed in range(cfg.seeds):
            data = (*moons(cfg.points, cfg.noise, seed), x_test, y_test)
            model = train(data, cfg.hidden, cfg.epochs, cfg.lr, seed, penalty)[0]
            runs.append(scores(model, data))
            sizes.append(squared_weights(model))
            # --8<-- [end:sweep]
            if seed == 0:
                weight = dict(model.named_parameters())["2.weight"]
                first_weights[penalty] = weight.detach().flatten().numpy()
        test_loss, test_sem = summary(runs, "test_loss")
        accuracy, accuracy_sem = summary(runs, "test_accuracy")
        values = (
            float(np.mean(sizes)),
            summary(runs, "train_loss")[0],
            test_loss,
            test_sem,
            accuracy,
            accuracy_sem,
        )
        for key, value in zip(table, values, strict=True):
            table[key].append(value)
        print(
            f"{penalty:6g}  {values[0]:7.1f}   {values[1]:.3f}       {test_loss:.3f} ± "
            f"{test_sem:.3f}   {accuracy:.3f} ± {accuracy_sem:.3f}"
        )
    best = cfg.penalties[int(np.argmin(table["test_loss_mean"]))]
    print(f"lowest mean test loss at lambda = {best:g}")
    figure, (hist, size, loss) = plt.subplots(1, 3, figsize=(15, 4))
    bins = np.linspace(-3, 3, 61)
    for penalty in sorted({0.0, best}):
        hist.hist(first_weights[penalty], bins=bins, alpha=0.6, label=f"lambda = {penalty:g}")
    hist.set_title("Weights of the second layer (seed 0)")
    hist.set_xlabel("weight value")
    hist.set_ylabel("count")
    hist.legend()
    nonzero = [p for p in cfg.penalties if p > 0]
    offset = nonzero[0] / 3  # lambda = 0 drawn one third of the smallest lambda to the left
    xs = [p if p > 0 else offset for p in cfg.penalties]
    size.plot(xs, table["squared_weights_mean"], marker="o")
    size.set_xscale("log")
    size.set_yscale("log")
    size.set_title("Size of the weights after training")
    size.set_xlabel(f"lambda (log scale; lambda = 0 drawn at {offset:.1g})")
    size.set_ylabel("sum of squared weights")
    loss.plot(xs, table["train_loss_mean"], marker="o", label="training loss")
    loss.errorbar(
        xs, table["test_loss_mean"], yerr=table["test_loss_sem"], marker="o", label="test loss"
    )
    loss.set_xscale("log")
    loss.set_title(f"Loss, mean ± standard error over {cfg.seeds} seeds")
    loss.set_xlabel(f"lambda (log scale; lambda = 0 drawn at {offset:.1g})")
    loss.set_ylabel("binary cross-entropy")
    loss.legend()
    figure.tight_layout()
    figure.savefig(cfg.out_dir / "l2.png", dpi=120)
    plt.close(figure)
    return Result(penalties=cfg.penalties, best_penalty=best, **table)


if __name__ == "__main__":
    main(tyro.cli(Config))
