"""What Demos 2, 3 and 4 share: the DQN settings of this Part, and one seeded training run
with its greedy evaluation, kept on disk under a name that says how its config differs."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from rlcourse.agents.dqn import CHECKPOINT_NAME, DQNConfig, evaluate, train_dqn

# A smaller budget than Part 5.2's, so that 30 runs fit in minutes: 20,000 steps, one
# update of 64 transitions every 4 steps (as the DQN paper does), a 20,000-slot buffer.
SETTINGS = DQNConfig(
    total_steps=20_000,
    hidden_sizes=(64, 64),
    batch_size=64,
    buffer_size=20_000,
    train_every=4,
    target_update_every=100,  # gradient steps, i.e. every 400 environment steps
)
EVAL_SEED_OFFSET = 30_000  # evaluation episodes start from states training never saw


@dataclass(frozen=True)
class Run:
    training_seconds: float
    greedy_returns: np.ndarray  # (eval_episodes,): the final network, epsilon = 0


def run_dir(out_dir: Path, config: DQNConfig, seed: int) -> Path:
    """runs/<the fields that differ from SETTINGS>/seed<k>: one folder per distinct run."""
    changed = [
        f"{field.name}={getattr(config, field.name)}"
        for field in dataclasses.fields(config)
        if getattr(config, field.name) != getattr(SETTINGS, field.name)
    ]
    return out_dir / "runs" / (",".join(changed) or "settings") / f"seed{seed}"


def train_and_evaluate(
    config: DQNConfig, seed: int, eval_episodes: int, out_dir: Path, device: torch.device
) -> Run:
    """Train (resuming from a checkpoint if this run was cut short), then play the final
    network greedily on ``eval_episodes`` fresh episodes. A run already finished with the
    same config, seed and evaluation is read back from its evaluation.json instead."""
    directory = run_dir(out_dir, config, seed)
    key = {"config": dataclasses.asdict(config), "seed": seed, "eval_episodes": eval_episodes}
    key = json.loads(json.dumps(key))  # tuples become lists, as they will be when read back
    saved = directory / "evaluation.json"
    if saved.exists() and json.loads(saved.read_text())["key"] == key:
        stored = json.loads(saved.read_text())
        return Run(stored["training_seconds"], np.array(stored["greedy_returns"]))
    network, log = train_dqn(
        config, seed, device, run_dir=directory, checkpoint_every=5_000, resume=True
    )
    returns = evaluate(network, config.env_id, eval_episodes, EVAL_SEED_OFFSET + seed, device)
    record = {"key": key, "training_seconds": log.seconds, "greedy_returns": returns}
    saved.write_text(json.dumps(record))
    # The run is complete: metrics.csv and evaluation.json stay, the checkpoint goes.
    (directory / CHECKPOINT_NAME).unlink(missing_ok=True)
    return Run(log.seconds, np.array(returns))
