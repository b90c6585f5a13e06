"""Demo 3 of Part 6.3: the library's DQN trained to maximise the final portfolio value, on
the martingale and on the mean-reverting price, three seeds each, then measured on held-out
price paths against a random policy, buy-and-hold and a hand-written threshold rule."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import tyro

from rlcourse.devices import choose_device, describe_device
from rlcourse.envs.trading import Process, TradingEnv
from rlcourse.stats import mean_and_standard_error
from strategies import (
    agent_policy,
    buy_and_hold,
    final_values,
    held_out,
    random_policy,
    threshold_rule,
    trained_trader,
)

PROCESSES: tuple[Process, ...] = ("random_walk", "mean_reverting")


@dataclass(frozen=True)
class Config:
    seeds: tuple[int, ...] = (0, 1, 2)
    total_steps: int = 20_000  # environment steps per training run (200 episodes)
    paths: int = 500  # held-out price paths each agent and each baseline plays
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    device: str
    seeds: int
    total_steps: int
    paths: int
    # Per process: [mean, standard error]. The agent's is over seeds (each seed's mean over
    # the held-out paths); the baselines' are over the held-out paths.
    agent: dict[str, list[float]]
    agent_per_seed: dict[str, list[float]]
    agent_trades: dict[str, float]  # trades per episode, mean over seeds
    agent_cost_only: dict[str, float]  # 1 - cost * agent_trades: the final value costs predict
    random: dict[str, list[float]]
    buy_and_hold: dict[str, list[float]]
    threshold_rule: dict[str, list[float]]
    rule_trades: dict[str, float]
    training_seconds: float  # mean per run


def main(cfg: Config) -> Result:
    torch.set_num_threads(1)  # a 64-unit network: a second thread adds overhead, not speed
    device = choose_device()
    print(f"device: {describe_device(device)}")
    agent, per_seed, agent_trades, cost_only, seconds = {}, {}, {}, {}, []
    baselines: dict[str, dict[str, list[float]]] = {"random": {}, "buy and hold": {}, "rule": {}}
    rule_trades = {}
    for process in PROCESSES:
        # --8<-- [start:train]
        scores, trades = [], []
        for seed in cfg.seeds:
            run = trained_trader(process, seed, cfg.total_steps, cfg.out_dir, device)
            episodes = held_out(agent_policy(run.network), process, cfg.paths)
            scores.append(float(final_values(episodes).mean()))  # this seed's mean final value
            trades.append(float(np.mean([episode.trades for episode in episodes])))
            seconds.append(run.training_seconds)
        agent[process] = list(mean_and_standard_error(scores))  # over seeds
        for name, policy in (
            ("random", random_policy(seed=0)),
            ("buy and hold", buy_and_hold),
            ("rule", threshold_rule),
        ):
            episodes = held_out(policy, process, cfg.paths)  # the same paths as the agents
            baselines[name][process] = list(mean_and_standard_error(final_values(episodes)))
            if name == "rule":
                rule_trades[process] = float(np.mean([episode.trades for episode in episodes]))
        # --8<-- [end:train]
        per_seed[process], agent_trades[process] = scores, float(np.mean(trades))
        cost_only[process] = 1.0 - TradingEnv().cost * agent_trades[process]
        print(f"{process}, {cfg.paths} held-out paths, final value (start 1.0):")
        print(f"  per seed: {', '.join(f'{score:.4f}' for score in scores)}")
        rows = [
            (
                "DQN agent",
                agent[process],
                f"over {len(cfg.seeds)} seeds, {agent_trades[process]:.1f} trades",
            )
        ]
        rows += [(name, values[process], "over paths") for name, values in baselines.items()]
        for name, (mean, error), note in rows:
            print(f"  {name:>12}: {mean:.4f} ± {error:.4f} ({note})")
        print(f"  the rule trades {rule_trades[process]:.1f} times per episode")
        print(f"  1 - cost x the agent's trades = {cost_only[process]:.4f}")
    return Result(
        device=str(device),
        seeds=len(cfg.seeds),
        total_steps=cfg.total_steps,
        paths=cfg.paths,
        agent=agent,
        agent_per_seed=per_seed,
        agent_trades=agent_trades,
        agent_cost_only=cost_only,
        random=baselines["random"],
        buy_and_hold=baselines["buy and hold"],
        threshold_rule=baselines["rule"],
        rule_trades=rule_trades,
        training_seconds=float(np.mean(seconds)),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
