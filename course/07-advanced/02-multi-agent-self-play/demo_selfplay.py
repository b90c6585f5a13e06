"""Demo 2: two Q-learners train by self-play on Nim, then face fixed opponents."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import tyro

import nim
import selfplay
from rlcourse.stats import mean_and_standard_error

Config = selfplay.DemoConfig  # the settings of the self-play runs, shared with Demos 2 to 4


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
    runs = selfplay.train_seeds(cfg)
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
