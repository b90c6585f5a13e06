"""Demo 3 of Part 6.4: imitation and reinforcement learning on CartPole-v1, judged at equal
numbers of environment steps: behavioural cloning, DAgger, and the library's REINFORCE."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import tyro
from tqdm import tqdm

from imitation import (
    CloneSettings,
    Player,
    dagger,
    evaluate,
    network_policy,
    scripted_expert,
    train_clone,
)
from rlcourse.agents.reinforce import ReinforceConfig, train_reinforce
from rlcourse.devices import choose_device
from rlcourse.stats import mean_and_standard_error


@dataclass(frozen=True)
class Config:
    seeds: tuple[int, ...] = (0, 1, 2, 3, 4)  # imitation learners
    rl_seeds: tuple[int, ...] = (0, 1, 2)  # REINFORCE runs (the costly part)
    first_steps: int = 25  # the expert's demonstration that both imitators start from
    rounds: int = 7  # DAgger rounds after the first clone
    round_steps: int = 25  # environment steps the clone plays per round
    rl_episodes: int = ReinforceConfig.episodes  # REINFORCE's training budget
    eval_episodes: int = 100
    # Each clone's training, in gradient steps: the whole comparison runs once per value,
    # because how well each clone is fitted changes how much DAgger's data matter.
    gradient_steps: tuple[int, ...] = (500, 1000)
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    budgets: list[int]  # environment steps at which both imitators are judged
    gradient_steps: list[int]  # each clone's training, one comparison per value
    bc_mean: list[list[float]]  # [gradient steps][budget]: mean over seeds of the greedy return
    bc_standard_error: list[list[float]]
    dagger_mean: list[list[float]]
    dagger_standard_error: list[list[float]]
    rl_steps: list[int]  # per RL seed, environment steps of its whole run
    rl_greedy_mean: list[float]  # per RL seed, greedy return of the final policy
    rl_greedy_overall: float  # mean over RL seeds


def reinforce_dir(out_dir: Path, seed: int) -> Path:
    return out_dir / f"reinforce_seed{seed}"


# --8<-- [start:imitators]
def imitation_curves(
    seed: int, gradient_steps: int, cfg: Config
) -> tuple[list[int], list[float], list[float]]:
    """Greedy mean return of BC and of DAgger after each budget: (budgets, bc, dagger)."""
    settings = CloneSettings(gradient_steps=gradient_steps)
    budgets = [cfg.first_steps + k * cfg.round_steps for k in range(cfg.rounds + 1)]
    bc, dagger_returns = [], []
    for budget in budgets:  # BC: the expert plays every one of the budget's steps
        demo = Player(seed).play(scripted_expert, scripted_expert, budget)
        clone = network_policy(train_clone(demo, settings, seed))
        bc.append(float(evaluate(clone, cfg.eval_episodes, 1000 + seed).mean()))
    # DAgger: the same first demonstration, then the clones play and the expert labels.
    player = Player(seed)
    first = player.play(scripted_expert, scripted_expert, cfg.first_steps)
    for network in dagger(first, player, cfg.rounds, cfg.round_steps, settings, seed):
        dagger_returns.append(
            float(evaluate(network_policy(network), cfg.eval_episodes, 1000 + seed).mean())
        )
    return budgets, bc, dagger_returns


# --8<-- [end:imitators]


def main(cfg: Config) -> Result:
    torch.set_num_threads(1)  # small networks: a second thread adds overhead, not speed
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    device = choose_device()
    print(f"device: {device}")
    runs = [(steps, seed) for steps in cfg.gradient_steps for seed in cfg.seeds]
    curves = [imitation_curves(seed, steps, cfg) for steps, seed in tqdm(runs, "imitation runs")]
    budgets = curves[0][0]
    shape = (len(cfg.gradient_steps), len(cfg.seeds), len(budgets))
    bc = np.array([c[1] for c in curves]).reshape(shape)  # (gradient steps, seeds, budgets)
    dag = np.array([c[2] for c in curves]).reshape(shape)
    # --8<-- [start:reinforce]
    rl_config = ReinforceConfig(episodes=cfg.rl_episodes)  # 5.5's defaults otherwise
    rl_steps, rl_greedy, rl_logs = [], [], {}
    for seed in cfg.rl_seeds:
        agent, log = train_reinforce(rl_config, seed, reinforce_dir(cfg.out_dir, seed), device)
        policy = network_policy(agent.policy.cpu())  # its logits, argmax: greedy, as the clones
        rl_greedy.append(float(evaluate(policy, cfg.eval_episodes, 1000 + seed).mean()))
        rl_steps.append(log.steps)
        rl_logs[f"rl_end_steps_{seed}"] = np.array(log.episode_end_steps)
        rl_logs[f"rl_returns_{seed}"] = np.array(log.episode_returns)
    # --8<-- [end:reinforce]
    np.savez(
        cfg.out_dir / "curves.npz",
        budgets=budgets,
        gradient_steps=cfg.gradient_steps,
        bc=bc,
        dagger=dag,
        rl_greedy=rl_greedy,
        **rl_logs,
    )
    bc_stats = [[mean_and_standard_error(column) for column in runs.T] for runs in bc]
    dag_stats = [[mean_and_standard_error(column) for column in runs.T] for runs in dag]
    for steps, bc_rows, dag_rows in zip(cfg.gradient_steps, bc_stats, dag_stats, strict=True):
        print(
            f"imitation over {len(cfg.seeds)} seeds, clones trained for {steps} gradient steps, "
            f"greedy mean return of {cfg.eval_episodes} episodes:"
        )
        print("env steps |  behavioural cloning |       DAgger")
        for budget, (bm, bs), (dm, ds) in zip(budgets, bc_rows, dag_rows, strict=True):
            print(f"{budget:9d} | {bm:9.1f} ± {bs:5.1f}    | {dm:7.1f} ± {ds:5.1f}")
    for seed, steps, score in zip(cfg.rl_seeds, rl_steps, rl_greedy, strict=True):
        print(f"REINFORCE seed {seed}: {steps:,} env steps, greedy mean return {score:.1f}")
    return Result(
        budgets=budgets,
        gradient_steps=list(cfg.gradient_steps),
        bc_mean=[[m for m, _ in rows] for rows in bc_stats],
        bc_standard_error=[[s for _, s in rows] for rows in bc_stats],
        dagger_mean=[[m for m, _ in rows] for rows in dag_stats],
        dagger_standard_error=[[s for _, s in rows] for rows in dag_stats],
        rl_steps=rl_steps,
        rl_greedy_mean=rl_greedy,
        rl_greedy_overall=float(np.mean(rl_greedy)),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
