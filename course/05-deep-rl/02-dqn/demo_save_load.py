"""Demo 4: reload the trained Q-network from its state_dict and check it plays the same."""

from __future__ import annotations

import json
import pickle
from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import numpy as np
import torch
import tyro

from rlcourse.agents.dqn import check_spaces, evaluate, load_q_network
from rlcourse.devices import choose_device, describe_device


@dataclass(frozen=True)
class Config:
    seed: int = 0  # which of demo 3's checkpoints to load
    out_dir: Path = Path(__file__).parent / "outputs"  # where demo 3 saved it


@dataclass(frozen=True)
class Result:
    device: str
    file_bytes: int
    tensors: int
    recorded_eval_mean: float
    reloaded_eval_mean: float
    same_returns: bool
    pickle_refused: bool


def main(cfg: Config) -> Result:
    device = choose_device()
    path = cfg.out_dir / f"dqn_cartpole_seed{cfg.seed}.pt"
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: run demo_train.py first")
    saved = json.loads(path.with_suffix(".json").read_text())
    hidden_sizes = tuple(int(size) for size in saved["hidden_sizes"])
    env = gym.make(saved["env_id"])
    observation_size, action_space = check_spaces(env)
    env.close()

    state_dict = torch.load(path, map_location=device, weights_only=True)
    print(f"{path.name}: {path.stat().st_size} bytes, {len(state_dict)} tensors")
    for name, tensor in state_dict.items():
        print(f"  {name:16} {tuple(tensor.shape)}")

    network = load_q_network(path, observation_size, int(action_space.n), hidden_sizes, device)
    recorded = saved["evaluation"]
    returns = evaluate(network, saved["env_id"], recorded["episodes"], recorded["seed"], device)
    reloaded_mean = float(np.mean(returns))
    print(f"device: {describe_device(device)}")
    print(
        f"evaluation recorded after training: {recorded['mean']:.1f} "
        f"over {recorded['episodes']} episodes (seed {recorded['seed']})"
    )
    same = returns == recorded["returns"]
    print(f"same episodes, reloaded network:   {reloaded_mean:.1f}")
    print(f"all {len(returns)} episode returns identical: {same}")
    # --8<-- [start:unsafe]
    # Saving the whole module pickles its class; the safe loader refuses such a file.
    pickled = cfg.out_dir / "whole_module.pt"
    torch.save(network, pickled)
    try:
        torch.load(pickled, weights_only=True)
        refused = False
    except pickle.UnpicklingError as error:
        refused = True
        print(f"torch.load(whole module, weights_only=True) -> {type(error).__name__}")
    finally:
        pickled.unlink()
    # --8<-- [end:unsafe]
    return Result(
        device=str(device),
        file_bytes=path.stat().st_size,
        tensors=len(state_dict),
        recorded_eval_mean=float(recorded["mean"]),
        reloaded_eval_mean=reloaded_mean,
        same_returns=same,
        pickle_refused=refused,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
