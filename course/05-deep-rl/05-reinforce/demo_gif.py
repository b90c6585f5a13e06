"""Demo 5: the learned policy in action, rendered to a GIF from Demo 2's checkpoint."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import tyro

from demo_train import run_dir
from rlcourse.agents.reinforce import CHECKPOINT_NAME, greedy_action, load_agent
from rlcourse.recording import record_gif


@dataclass(frozen=True)
class Config:
    seed: int = 0  # which of Demo 2's runs to show
    episode_seed: int = 20_000  # the start state of the recorded episode, unseen in training
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    episode_return: float
    steps: int
    frames: int
    gif_bytes: int


# --8<-- [start:gif]
def main(cfg: Config) -> Result:
    agent = load_agent(run_dir(cfg.out_dir, cfg.seed) / CHECKPOINT_NAME, torch.device("cpu"))

    def policy(observation: np.ndarray) -> int:
        return greedy_action(agent.policy, torch.as_tensor(observation, dtype=torch.float32))

    path = cfg.out_dir / "reinforce_cartpole.gif"
    recording = record_gif("CartPole-v1", policy, path, seed=cfg.episode_seed, frame_every=4)
    # --8<-- [end:gif]
    print(
        f"{path.name}: {recording.frames} frames of an episode of {recording.steps} steps, "
        f"return {recording.episode_return:.0f}, {path.stat().st_size} bytes"
    )
    return Result(
        episode_return=recording.episode_return,
        steps=recording.steps,
        frames=recording.frames,
        gif_bytes=path.stat().st_size,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
