"""Demo 1 of Part 6.4: a hand-written CartPole controller, how well it plays, and the
demonstration it records."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tyro

from imitation import Player, evaluate, scripted_expert


@dataclass(frozen=True)
class Config:
    eval_episodes: int = 100  # episodes that measure the expert's return
    demo_steps: int = 500  # length of the recorded demonstration
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    expert_mean: float  # mean return over eval_episodes
    expert_min: float
    demo_states: int
    push_right_fraction: float  # share of the demonstration's labels that are 1
    demo_max_cart_position: float  # the largest |x| the demonstration visits


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    returns = evaluate(scripted_expert, cfg.eval_episodes, seed=cfg.seed + 1000)
    print(f"expert: mean return {returns.mean():.1f}, lowest {returns.min():.0f}")

    demo = Player(cfg.seed).play(scripted_expert, scripted_expert, cfg.demo_steps)
    states, labels = demo.states, demo.labels  # (N, 4) float32, (N,) int64
    print(f"states {states.shape} {states.dtype}, labels {labels.shape} {labels.dtype}")
    print(f"first state {np.round(states[0], 3)} -> label {labels[0]}")
    widest = np.abs(states[:, 0]).max()  # the farthest the cart went from the centre
    print(f"push right in {labels.mean():.1%} of the states; largest |x| {widest:.3f}")
    # --8<-- [end:main]
    plot_demonstration(states, labels, cfg.out_dir / "demonstration.png")
    return Result(
        expert_mean=float(returns.mean()),
        expert_min=float(returns.min()),
        demo_states=len(demo),
        push_right_fraction=float(labels.mean()),
        demo_max_cart_position=float(widest),
    )


def plot_demonstration(states: np.ndarray, labels: np.ndarray, path: Path) -> None:
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=110)
    for action, name in ((0, "push left"), (1, "push right")):
        rows = labels == action
        ax.scatter(states[rows, 2], states[rows, 3], s=8, color=f"C{action}", label=name)
    ax.set(xlabel="pole angle theta (rad)", ylabel="pole angular velocity (rad/s)")
    ax.set_title("The expert's demonstration: each state and the action it chose")
    ax.legend(loc="upper right")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
