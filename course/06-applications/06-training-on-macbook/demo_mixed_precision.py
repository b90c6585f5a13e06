"""Demo 4 of Part 6.6: mixed precision with torch.autocast (bfloat16 on the CPU, float16
on CUDA and MPS): what it does to the speed of an epoch and to the score."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

import torch
import tyro
from tqdm import tqdm

from rlcourse.devices import choose_device
from rlcourse.stats import mean_and_standard_error
from workload import (
    accuracy,
    adam,
    autocast_dtype,
    load,
    make_network,
    median_seconds,
    train_epochs,
    with_autocast,
)


@dataclass(frozen=True)
class Config:
    device: str | None = None  # "cpu", "mps" or "cuda"; None: the best available
    hidden_sizes: tuple[int, ...] = (256, 256)
    batch_size: int = 64
    learning_rate: float = 3e-3
    epochs: int = 10
    seeds: tuple[int, ...] = (0, 1, 2)
    repeats: int = 7  # timed epochs per precision; the median is reported
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    device: str
    low_precision: str  # the dtype autocast used
    float32_epoch_seconds: float  # median over repeats
    autocast_epoch_seconds: float
    autocast_over_float32_seconds: float  # above 1: autocast is slower
    largest_score_difference: float  # same weights, float32 against autocast scores
    float32_accuracy: list[float]  # per seed, after `epochs` epochs
    autocast_accuracy: list[float]
    float32_mean: float
    autocast_mean: float
    float32_standard_error: float
    autocast_standard_error: float


# --8<-- [start:compare]
def main(cfg: Config) -> Result:
    torch.set_num_threads(1)
    device = choose_device(cfg.device)
    low = autocast_dtype(device)
    data = load(device)
    epoch_seconds = {}
    for precision in (None, low):  # None: plain float32
        network = make_network(cfg.hidden_sizes, device, seed=0)
        optimizer = adam(network, cfg.learning_rate)
        one_epoch = partial(train_epochs, network, optimizer, data, 1, cfg.batch_size, 0, precision)
        epoch_seconds[precision] = median_seconds(one_epoch, device, cfg.repeats)
    with torch.no_grad():  # one set of weights, two precisions of the forward pass
        exact = network(data.test_inputs)
        rounded = with_autocast(network, low)(data.test_inputs)
    difference = (exact - rounded).abs().max().item()

    scores: dict[torch.dtype | None, list[float]] = {None: [], low: []}
    for seed in tqdm(cfg.seeds, "seeds"):
        for precision in scores:
            network = make_network(cfg.hidden_sizes, device, seed)
            optimizer = adam(network, cfg.learning_rate)
            train_epochs(network, optimizer, data, cfg.epochs, cfg.batch_size, seed, precision)
            scores[precision].append(accuracy(network, data.test_inputs, data.test_labels))
    # --8<-- [end:compare]
    ratio = epoch_seconds[low] / epoch_seconds[None]
    (mean32, se32), (mean_low, se_low) = (mean_and_standard_error(scores[p]) for p in (None, low))
    name = str(low).removeprefix("torch.")
    print(f"device: {device}; autocast to {name}")
    print(
        f"epoch, float32: {epoch_seconds[None] * 1e3:.1f} ms; autocast: "
        f"{epoch_seconds[low] * 1e3:.1f} ms (medians of {cfg.repeats}); ratio {ratio:.2f}"
    )
    print(f"same weights: largest difference between float32 and {name} scores {difference:.4f}")
    print(
        f"test accuracy after {cfg.epochs} epochs, {len(cfg.seeds)} seeds: "
        f"float32 {mean32:.2%} ± {se32:.2%}, autocast {mean_low:.2%} ± {se_low:.2%}"
    )
    return Result(
        device=device.type,
        low_precision=name,
        float32_epoch_seconds=epoch_seconds[None],
        autocast_epoch_seconds=epoch_seconds[low],
        autocast_over_float32_seconds=ratio,
        largest_score_difference=difference,
        float32_accuracy=scores[None],
        autocast_accuracy=scores[low],
        float32_mean=mean32,
        autocast_mean=mean_low,
        float32_standard_error=se32,
        autocast_standard_error=se_low,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
