"""Demo 1: the maximum of noisy estimates is biased upwards; Double DQN's two-network
estimate is not. Every action is worth exactly 0 here, and each estimate is off by noise."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import tyro


@dataclass(frozen=True)
class Config:
    action_counts: tuple[int, ...] = (2, 4, 8, 16, 32)
    trials: int = 100_000  # independent states, each with its own noisy estimates
    noise: float = 1.0  # standard deviation of each estimate's error
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    action_counts: list[int]
    single_bias: list[float]  # mean of max_a Q(a), whose true value is 0
    double_bias: list[float]  # mean of Q_B(argmax_a Q_A(a))
    double_std: list[float]  # spread of the double estimate (it is noisy, but centred)
    largest_double_bias: float  # max over action counts of |double_bias|


# --8<-- [start:estimates]
def max_estimates(
    actions: int, trials: int, noise: float, generator: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor]:
    """The single and the double estimate of max_a q(a) when every q(a) = 0, shape (trials,).

    Q_A and Q_B are two independent noisy estimates, like the online and the target network.
    """
    q_a = noise * torch.randn(trials, actions, generator=generator)  # (trials, A)
    q_b = noise * torch.randn(trials, actions, generator=generator)  # (trials, A)
    single = q_a.max(dim=1).values  # DQN: pick and value with the same numbers
    picked = q_a.argmax(dim=1, keepdim=True)  # (trials, 1): Q_A picks ...
    double = q_b.gather(1, picked).squeeze(1)  # ... and Q_B, whose noise is unrelated, values
    return single, double


# --8<-- [end:estimates]


def main(cfg: Config) -> Result:
    generator = torch.Generator().manual_seed(cfg.seed)
    single_bias: list[float] = []
    double_bias: list[float] = []
    double_std: list[float] = []
    print(f"true value of every action: 0; estimates off by N(0, {cfg.noise}^2) noise")
    print(f"{'actions':>7} {'E[max Q]':>9} {'E[double]':>10} {'std double':>11}")
    for actions in cfg.action_counts:
        single, double = max_estimates(actions, cfg.trials, cfg.noise, generator)
        single_bias.append(float(single.mean()))
        double_bias.append(float(double.mean()))
        double_std.append(float(double.std()))
        print(f"{actions:7d} {single_bias[-1]:9.3f} {double_bias[-1]:10.3f} {double_std[-1]:11.3f}")
    plot(cfg, single_bias, double_bias)
    largest = max(abs(bias) for bias in double_bias)
    return Result(list(cfg.action_counts), single_bias, double_bias, double_std, largest)


def plot(cfg: Config, single_bias: list[float], double_bias: list[float]) -> None:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(6, 3.6), dpi=110)
    ax.plot(cfg.action_counts, single_bias, "o-", label="max of one estimate (DQN)")
    ax.plot(cfg.action_counts, double_bias, "s-", label="one picks, the other values (Double)")
    ax.axhline(0.0, color="black", linewidth=0.8, linestyle="--")
    ax.set_xscale("log", base=2)
    ax.set_xticks(cfg.action_counts, [str(count) for count in cfg.action_counts])
    ax.set(xlabel="number of actions", ylabel="mean estimate (true value 0)")
    ax.set_title("Bias of the estimated maximum, noise of standard deviation 1")
    ax.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(cfg.out_dir / "max_bias.png")
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
