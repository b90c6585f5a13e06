"""Demo 1: Nim written with PettingZoo's AEC API, checked by api_test, and solved exactly."""

from __future__ import annotations

import functools
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import tyro
from pettingzoo.test import api_test

import nim
import selfplay
from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    api_cycles: int = 200  # games api_test plays with random legal moves
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    api_warnings: int  # warnings raised by pettingzoo.test.api_test
    n_positions: int
    losing_positions: int  # positions the player to move loses against perfect play
    bouton_agrees: int  # positions where "nim-sum 0" and the exact solution agree
    start_is_lost: bool  # is the starting position lost for player_0?
    game_moves: int  # moves in the random game printed


# --8<-- [start:solve]
@functools.cache
def mover_loses(piles: tuple[int, ...]) -> bool:
    """Exact solution by retrograde analysis: the player to move loses when every move
    leads to a position the opponent wins. With no objects left, the previous player took
    the last one, so the player to move has already lost."""
    moves = (
        (*piles[:pile], size - count, *piles[pile + 1 :])
        for pile, size in enumerate(piles)
        for count in range(1, size + 1)
    )
    return all(not mover_loses(next_piles) for next_piles in moves)


# --8<-- [end:solve]


def random_game(rng: np.random.Generator) -> list[str]:
    """A game of two uniformly random players, one line per position."""
    env = nim.NimEnv(render_mode="ansi")
    env.reset()
    lines: list[str] = []
    for agent in env.agent_iter():
        _, reward, terminated, truncated, info = env.last()
        if terminated or truncated:
            lines.append(f"{agent}: reward {reward:+.0f}")
            env.step(None)
            continue
        action = int(rng.choice(np.flatnonzero(info["action_mask"])))
        pile, count = nim.decode(action)
        lines.append(f"{env.render()}   {agent} takes {count} from pile {pile}")
        env.step(action)
    return lines


def main(cfg: Config) -> Result:
    rng = seed_everything(cfg.seed)
    # --8<-- [start:api]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")  # count every warning, even repeated ones
        api_test(nim.NimEnv(render_mode="ansi"), num_cycles=cfg.api_cycles)
    # --8<-- [end:api]
    print(f"api_test warnings: {len(caught)}")
    game = random_game(rng)
    print("\n".join(game))
    positions = [selfplay.piles_of(state) for state in range(selfplay.N_STATES)]
    # --8<-- [start:bouton]
    exact = np.array([mover_loses(tuple(int(size) for size in piles)) for piles in positions])
    bouton = np.array([selfplay.nim_sum(piles) == 0 for piles in positions])
    # --8<-- [end:bouton]
    start_is_lost = mover_loses(nim.START)
    print(f"positions: {len(positions)}, lost for the player to move: {int(exact.sum())}")
    print(
        f"nim-sum 0 <=> lost, exactly: {int((exact == bouton).sum())} of {len(positions)} positions"
    )
    print(
        f"start {nim.START}: nim-sum {selfplay.nim_sum(np.array(nim.START))}, "
        f"lost for player_0: {start_is_lost}"
    )
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    return Result(
        api_warnings=len(caught),
        n_positions=len(positions),
        losing_positions=int(exact.sum()),
        bouton_agrees=int((exact == bouton).sum()),
        start_is_lost=bool(start_is_lost),
        game_moves=sum(" takes " in line for line in game),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
