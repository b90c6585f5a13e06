"""Demo 3: two Tic-Tac-Toe agents trained by self-play, tested against a random player and
against a perfect minimax player over every opening."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import tyro
from tqdm import tqdm

from rlcourse.envs.tictactoe import CROSS, NOUGHT, winner
from rlcourse.stats import mean_and_standard_error
from selfplay import Agent, games_against_perfect, minimax_value, play, random_player, train

MARK_NAMES = {CROSS: "X", NOUGHT: "O"}


@dataclass(frozen=True)
class Config:
    seeds: tuple[int, ...] = (0, 1, 2)
    games: int = 60_000  # self-play games per seed
    random_games: int = 1_000  # games against the random player, per seed and side
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    start_value: float  # minimax value of the empty board for X
    positions: int  # boards the minimax recursion valued: every board a game can reach
    perfect_lines: dict[str, list[int]]  # "X"/"O" -> per seed: games against perfect play
    perfect_losses: dict[str, list[int]]  # "X"/"O" -> per seed: games lost to perfect play
    perfect_draws: dict[str, list[int]]
    random_wins: dict[str, list[float]]  # "X"/"O" -> mean, standard error over seeds
    random_losses: dict[str, list[float]]
    random_baseline: dict[str, float]  # random against random: share of wins for "X"/"O"
    table_sizes: list[int]  # afterstates in both tables, per seed


def against_random(agent: Agent, games: int, seed: int) -> tuple[float, float]:
    """Shares of games won and lost by the greedy agent against a uniform random player."""
    rng = np.random.default_rng(seed)
    opponent = NOUGHT if agent.mark == CROSS else CROSS
    finals = [play({agent.mark: agent.greedy, opponent: random_player(rng)}) for _ in range(games)]
    won = sum(winner(board) == agent.mark for board in finals)
    lost = sum(winner(board) == opponent for board in finals)
    return won / games, lost / games


def main(cfg: Config) -> Result:
    start_value = minimax_value((0,) * 9) + 0.0  # + 0.0 turns -0.0 into 0.0
    positions = minimax_value.cache_info().currsize
    print(f"minimax value of the empty board for X: {start_value:.0f} ({positions} boards valued)")
    # --8<-- [start:evaluate]
    lines: dict[str, list[int]] = {"X": [], "O": []}
    losses: dict[str, list[int]] = {"X": [], "O": []}
    draws: dict[str, list[int]] = {"X": [], "O": []}
    wins_vs_random: dict[str, list[float]] = {"X": [], "O": []}
    losses_vs_random: dict[str, list[float]] = {"X": [], "O": []}
    sizes = []
    for seed in tqdm(cfg.seeds, desc="self-play seeds"):
        agents, _ = train(cfg.games, seed)
        sizes.append(sum(len(agent.values) for agent in agents.values()))
        for mark, agent in agents.items():
            name = MARK_NAMES[mark]
            results: Counter[float] = games_against_perfect(agent)
            lines[name].append(sum(results.values()))
            losses[name].append(results[-1.0])
            draws[name].append(results[0.0])
            won, lost = against_random(agent, cfg.random_games, seed=1000 + seed)
            wins_vs_random[name].append(won)
            losses_vs_random[name].append(lost)
    # --8<-- [end:evaluate]
    rng = np.random.default_rng(0)
    baseline = [
        winner(play({CROSS: random_player(rng), NOUGHT: random_player(rng)})) for _ in range(10_000)
    ]
    random_baseline = {
        name: baseline.count(mark) / len(baseline) for mark, name in MARK_NAMES.items()
    }
    print(f"{'agent':<7}{'perfect-play games':>20}{'lost':>6}{'drawn':>7}   vs random: won, lost")
    for name in ("X", "O"):
        for i, seed in enumerate(cfg.seeds):
            print(
                f"{name} s{seed:<4}{lines[name][i]:>20}{losses[name][i]:>6}{draws[name][i]:>7}"
                f"   {wins_vs_random[name][i]:.3f}, {losses_vs_random[name][i]:.3f}"
            )
    summary_wins = {name: list(mean_and_standard_error(v)) for name, v in wins_vs_random.items()}
    summary_losses = {
        name: list(mean_and_standard_error(v)) for name, v in losses_vs_random.items()
    }
    for name in ("X", "O"):
        (won, won_error), (lost, lost_error) = summary_wins[name], summary_losses[name]
        print(
            f"{name} against random, mean of {len(cfg.seeds)} seeds: won {won:.3f} ± "
            f"{won_error:.3f}, lost {lost:.3f} ± {lost_error:.3f} "
            f"(a random {name} wins {random_baseline[name]:.3f})"
        )
    return Result(
        start_value=start_value,
        positions=positions,
        perfect_lines=lines,
        perfect_losses=losses,
        perfect_draws=draws,
        random_wins=summary_wins,
        random_losses=summary_losses,
        random_baseline=random_baseline,
        table_sizes=sizes,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
