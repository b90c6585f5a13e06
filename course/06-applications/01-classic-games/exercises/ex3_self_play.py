"""Exercise 3: two Tic-Tac-Toe agents that learn by playing each other.

Fill in ``self_play_game``, then run this file (it trains both agents and plays them
against a random player) and `rlcourse check 6.1`.
"""

from __future__ import annotations

import numpy as np

from rlcourse.envs.tictactoe import CROSS, EMPTY, NOUGHT, to_move, winner

Board = tuple[int, ...]  # 9 marks, row by row: 0 empty, 1 X, 2 O
Values = dict[Board, float]  # an agent's afterstate values; a missing board is worth 0


def after(board: Board, cell: int) -> Board:
    """The board once the player to move has played ``cell`` (given)."""
    return (*board[:cell], to_move(board), *board[cell + 1 :])


def result_for(board: Board, mark: int) -> float | None:
    """+1 win, -1 loss, 0 draw for ``mark`` when the game is over, else None (given)."""
    won = winner(board)
    if won:
        return 1.0 if won == mark else -1.0
    return 0.0 if EMPTY not in board else None


def choose(options: dict[int, float], epsilon: float, rng: np.random.Generator) -> int:
    """Epsilon-greedy over {cell: value} (given): call it exactly once per move."""
    if rng.random() < epsilon:
        return int(rng.choice(list(options)))
    return max(options, key=lambda cell: options[cell])


def self_play_game(
    tables: dict[int, Values], alpha: float, epsilon: float, rng: np.random.Generator
) -> float:
    """Play one game between the agents whose values are ``tables[CROSS]`` and
    ``tables[NOUGHT]``, updating both in place; return X's result (+1, 0 or -1).

    On each move, the player to move values each free cell c as V(after(board, c)) from
    its own table and picks one with ``choose``. If it has moved before, it first moves
    the value of its previous afterstate s towards the best value it sees now:
    V(s) <- V(s) + alpha * (max_c V(after(board, c)) - V(s)).
    When the game ends, each player's last afterstate moves towards the result from that
    player's side: V(s) <- V(s) + alpha * (result - V(s)).
    """
    raise NotImplementedError("self_play_game")


def greedy_against_random(tables: dict[int, Values], mark: int, games: int, seed: int) -> float:
    """Share of games the greedy agent ``mark`` loses to a uniform random player."""
    rng = np.random.default_rng(seed)
    lost = 0
    for _ in range(games):
        board: Board = (EMPTY,) * 9
        while result_for(board, mark) is None:
            free = [c for c in range(9) if board[c] == EMPTY]
            if to_move(board) == mark:
                options = {c: tables[mark].get(after(board, c), 0.0) for c in free}
                board = after(board, choose(options, 0.0, rng))
            else:
                board = after(board, int(rng.choice(free)))
        lost += result_for(board, mark) == -1.0
    return lost / games


if __name__ == "__main__":
    tables: dict[int, Values] = {CROSS: {}, NOUGHT: {}}
    rng = np.random.default_rng(0)
    for game in range(20_000):
        self_play_game(tables, alpha=0.5 - 0.45 * game / 20_000, epsilon=0.2, rng=rng)
    for mark, name in ((CROSS, "X"), (NOUGHT, "O")):
        print(f"{name} loses {greedy_against_random(tables, mark, 1000, 1):.3f} to a random player")
