"""Demo 1: a world model of CartPole-v1, an MLP trained on random-policy experience,
tested on fresh transitions against the guess "nothing changes"."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import matplotlib.pyplot as plt
import torch
import tyro

from rlcourse.seeding import seed_everything
from world_model import WorldModel, random_transitions, train_model

STATE_NAMES = ("cart position", "cart velocity", "pole angle", "pole angular velocity")


@dataclass(frozen=True)
class Config:
    train_steps: int = 1000  # random-policy transitions to learn from
    test_steps: int = 2000  # fresh transitions, another seed, to test on
    hidden_sizes: tuple[int, ...] = (64, 64)
    epochs: int = 50
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    train_steps: int
    final_loss: float
    model_errors: list[float]  # root mean squared error of each next-state coordinate
    no_change_errors: list[float]  # the same for the guess s' = s
    reward_error: float
    ended_probability: float  # mean predicted P(end) on the transitions that ended
    running_probability: float  # ... and on those that did not
    terminal_share: float  # share of test transitions that ended


def main(cfg: Config) -> Result:
    seed_everything(cfg.seed)
    torch.set_num_threads(1)  # a small network: a second thread adds overhead, not speed
    env = gym.make("CartPole-v1")
    # --8<-- [start:train]
    data = random_transitions(env, cfg.train_steps, seed=cfg.seed)
    test = random_transitions(env, cfg.test_steps, seed=cfg.seed + 1)
    model = WorldModel(cfg.hidden_sizes)
    losses = train_model(model, data, cfg.epochs, seed=cfg.seed, absorbing_ends=False)
    with torch.no_grad():
        next_states, rewards, ends = model(test.states, test.actions)
    model_errors = (next_states - test.next_states).pow(2).mean(dim=0).sqrt()
    no_change_errors = (test.states - test.next_states).pow(2).mean(dim=0).sqrt()
    ended = test.terminated.bool()
    # --8<-- [end:train]
    env.close()
    reward_error = (rewards - test.rewards).pow(2).mean().sqrt().item()
    print(f"trained on {len(data)} random steps, loss {losses[0]:.3f} -> {losses[-1]:.4f}")
    print(f"on {len(test)} fresh steps, root mean squared error of the next state:")
    print(f"{'':>22}{'model':>10}{'s_next = s':>12}")
    for name, ours, lazy in zip(STATE_NAMES, model_errors, no_change_errors, strict=True):
        print(f"{name:>22}{ours.item():>10.4f}{lazy.item():>12.4f}")
    print(f"reward error {reward_error:.4f} (every CartPole reward is 1)")
    print(
        f"P(end) predicted: {ends[ended].mean().item():.3f} on the {int(ended.sum())} steps "
        f"that ended, {ends[~ended].mean().item():.3f} on the others"
    )

    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4), dpi=100, layout="constrained")
    left.plot(range(1, cfg.epochs + 1), losses)
    left.set_yscale("log")
    left.set(xlabel="epoch", ylabel="training loss (log scale)", title="Fitting the world model")
    real, guess = test.next_states[:, 3], next_states[:, 3]
    right.scatter(real, guess, s=4, alpha=0.4, label="test transitions")
    limits = (real.min().item(), real.max().item())
    right.plot(limits, limits, color="black", linewidth=1, label="perfect prediction")
    right.set_aspect("equal")
    right.set(
        xlabel="real next angular velocity (rad/s)",
        ylabel="predicted (rad/s)",
        title="One step ahead, on fresh data",
    )
    right.legend()
    fig.savefig(cfg.out_dir / "world_model.png")
    plt.close(fig)
    return Result(
        train_steps=len(data),
        final_loss=losses[-1],
        model_errors=model_errors.tolist(),
        no_change_errors=no_change_errors.tolist(),
        reward_error=reward_error,
        ended_probability=ends[ended].mean().item(),
        running_probability=ends[~ended].mean().item(),
        terminal_share=test.terminated.mean().item(),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
