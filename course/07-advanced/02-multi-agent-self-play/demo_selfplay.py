"""Demo 2: two Q-learners train by self-play on Nim, then face fixed opponents."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import tyro

import nim
import selfplay
from rlcourse.stats import mean_and_standard_error


@dataclass(frozen=True)
class Config:
    episodes: int = 10_000  # self-play games per seed
    seeds: int = 5
    eval_games: int = 100  # greedy games per opponent at each of 10 measurements
    final_games: int = 200  # greedy games per opponent and agent after training
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    seeds: int
    final_games: int
    # agent -> opponent -> outcome ("win", "draw", "loss") -> [mean, standard error] over seeds
    final: dict[str, dict[str, dict[str, list[float]]]]


def rates(outcomes: np.ndarray) -> dict[str, float]:
    """Shares of wins (+1), draws (0) and losses (-1) in a list of game outcomes."""
    return {
        name: float(np.mean(outcomes == value))
        for name, value in (("win", 1), ("draw", 0), ("loss", -1))
    }


def main(cfg: Config) -> Result:
    training = selfplay.TrainConfig(
        episodes=cfg.episodes,
        eval_games=cfg.eval_games,
        final_games=cfg.final_games,
        seeds=cfg.seeds,
    )
    # --8<-- [start:train]
    runs = [selfplay.train(training, seed) for seed in range(cfg.seeds)]
    final = {
        agent: {
            opponent: {
                outcome: list(
                    mean_and_standard_error(
                        [rates(run.final[agent][opponent])[outcome] for run in runs]
                    )
                )
                for outcome in ("win", "draw", "loss")
            }
            for opponent in selfplay.OPPONENTS
        }
        for agent in nim.AGENTS
    }
    # --8<-- [end:train]
    print(
        f"after {cfg.episodes} self-play games; {cfg.seeds} seeds x {cfg.final_games} greedy games"
    )
    print("win / draw / loss rate, mean ± standard error over seeds")
    for agent in nim.AGENTS:
        print(f"{agent} ({'moves first' if agent == nim.AGENTS[0] else 'moves second'}):")
        for opponent, row in final[agent].items():
            cells = "  ".join(
                f"{outcome} {mean:.2f} ± {error:.2f}" for outcome, (mean, error) in row.items()
            )
            print(f"  vs {opponent:<9}{cells}")
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    return Result(seeds=cfg.seeds, final_games=cfg.final_games, final=final)


if __name__ == "__main__":
    main(tyro.cli(Config))
