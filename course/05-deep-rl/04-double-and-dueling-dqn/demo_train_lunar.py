"""Demo 3: DQN and Double DQN with a dueling network on LunarLander-v3, three seeds
each; the final networks played greedily on 100 fresh episodes, and a GIF of a landing."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import tyro
from torch import nn

from lunar import SETTINGS, VARIANTS, Run, save_run, train_and_measure, variant_config
from rlcourse.agents.dqn import greedy_action
from rlcourse.devices import choose_device, describe_device
from rlcourse.recording import record_gif
from rlcourse.stats import mean_and_standard_error

LANDED = 200.0  # Gymnasium's threshold for a solved LunarLander


@dataclass(frozen=True)
class Config:
    variants: tuple[str, ...] = tuple(VARIANTS)
    seeds: tuple[int, ...] = (0, 1, 2)
    total_steps: int = SETTINGS.total_steps
    eval_episodes: int = 100
    gif_seed: int = 7  # the start state of the recorded landing
    gif_max_steps: int = 1000  # LunarLander's own time limit
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    device: str
    variants: list[str]
    seeds: list[int]
    steps: int  # environment steps per run
    scores: list[list[float]]  # [variant][seed]: greedy mean over eval_episodes
    mean: list[float]  # per variant: mean over seeds
    standard_error: list[float]  # per variant: over seeds
    worst_seed: list[float]  # per variant: the lowest seed's greedy mean
    landed_on_every_seed: list[bool]  # per variant: every seed's mean >= 200
    training_seconds: list[list[float]]  # [variant][seed]
    steps_per_second: list[float]  # per variant: mean over seeds
    gif_return: float  # the recorded episode of the first variant, seed seeds[0]
    gif_steps: int
    total_seconds: float  # training and greedy play of every run


# --8<-- [start:main]
def main(cfg: Config) -> Result:
    torch.set_num_threads(1)  # small networks: a second thread adds overhead, not speed
    device = choose_device()
    print(f"device: {describe_device(device)}")
    start = time.perf_counter()
    runs: dict[str, list[Run]] = {name: [] for name in cfg.variants}
    networks: dict[str, list[nn.Module]] = {name: [] for name in cfg.variants}
    for name in cfg.variants:
        config = variant_config(name, cfg.total_steps)
        for seed in cfg.seeds:
            run, network = train_and_measure(name, config, seed, cfg.eval_episodes, device)
            save_run(run, cfg.out_dir)
            runs[name].append(run)
            networks[name].append(network)
    # The first variant's first seed, landing from a start state of its own.
    lander = networks[cfg.variants[0]][0]
    recording = record_gif(
        SETTINGS.env_id,
        lambda observation: greedy_action(lander, observation, torch.device("cpu")),
        cfg.out_dir / "lunar_lander.gif",
        seed=cfg.gif_seed,
        max_steps=cfg.gif_max_steps,
        frame_every=3,
    )
    # --8<-- [end:main]
    return summarize(cfg, runs, recording.episode_return, recording.steps, str(device), start)


def summarize(
    cfg: Config,
    runs: dict[str, list[Run]],
    gif_return: float,
    gif_steps: int,
    device: str,
    start: float,
) -> Result:
    scores = {name: [float(np.mean(run.scores)) for run in group] for name, group in runs.items()}
    stats = {name: mean_and_standard_error(values) for name, values in scores.items()}
    print(f"greedy score of the final network, mean of {cfg.eval_episodes} episodes per seed")
    print(f"{'variant':<17} {'mean ± s.e.':>14} {'worst':>7}  per seed (training seconds)")
    for name, group in runs.items():
        mean, error = stats[name]
        per_seed = "  ".join(
            f"{score:6.1f} ({run.seconds:.0f} s)"
            for score, run in zip(scores[name], group, strict=True)
        )
        print(f"{name:<17} {mean:7.1f} ± {error:4.1f} {min(scores[name]):7.1f}  {per_seed}")
    total = time.perf_counter() - start
    print(f"{cfg.total_steps:,} environment steps per run; all runs {total:.0f} s")
    print(f"recorded landing: return {gif_return:.1f} in {gif_steps} steps")
    return Result(
        device=device,
        variants=list(runs),
        seeds=list(cfg.seeds),
        steps=cfg.total_steps,
        scores=list(scores.values()),
        mean=[stats[name][0] for name in runs],
        standard_error=[stats[name][1] for name in runs],
        worst_seed=[min(values) for values in scores.values()],
        landed_on_every_seed=[min(values) >= LANDED for values in scores.values()],
        training_seconds=[[run.seconds for run in group] for group in runs.values()],
        steps_per_second=[
            float(np.mean([run.steps / run.seconds for run in group])) for group in runs.values()
        ],
        gif_return=gif_return,
        gif_steps=gif_steps,
        total_seconds=total,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
