"""Tic-Tac-Toe agents that learn by playing each other, and a perfect minimax player to
test them against (Demos 3 and 4 of Part 6.1).

A board is a tuple of 9 marks (0 empty, 1 X, 2 O). Each agent keeps a table of
afterstate values: V[b] estimates the final result, from the agent's side (+1 win,
0 draw, -1 loss), of the board b it has just made by moving.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from rlcourse.envs.tictactoe import CROSS, EMPTY, NOUGHT, to_move, winner
from rlcourse.schedules import LinearSchedule

Board = tuple[int, ...]
Player = Callable[[Board], int]  # a board to play on -> the cell to play


def after(board: Board, cell: int) -> Board:
    """The board once the player to move has played ``cell``."""
    return (*board[:cell], to_move(board), *board[cell + 1 :])


def free_cells(board: Board) -> list[int]:
    return [cell for cell in range(9) if board[cell] == EMPTY]


def result_for(board: Board, mark: int) -> float | None:
    """+1, -1 or 0 for ``mark`` when the game on ``board`` is over, None while it runs."""
    won = winner(board)
    if won:
        return 1.0 if won == mark else -1.0
    return 0.0 if EMPTY not in board else None


@dataclass
class Agent:
    """One side's afterstate values; unseen boards are worth 0, a draw."""

    mark: int  # CROSS or NOUGHT
    values: dict[Board, float] = field(default_factory=dict)

    def value(self, board: Board) -> float:
        return self.values.get(board, 0.0)

    def action_values(self, board: Board) -> dict[int, float]:
        """V(after(board, cell)) for each free cell."""
        return {cell: self.value(after(board, cell)) for cell in free_cells(board)}

    def greedy(self, board: Board) -> int:
        """The cell whose afterstate is worth most (the lowest cell among ties)."""
        options = self.action_values(board)
        return max(options, key=lambda cell: options[cell])


# --8<-- [start:self_play]
def self_play_game(
    agents: dict[int, Agent],
    alpha: float,
    epsilon: float,
    random_moves: int,
    rng: np.random.Generator,
) -> tuple[int, float]:
    """One game between the two agents, both learning; returns X's first cell (-1 when it
    was random) and X's result. The first ``random_moves`` moves are uniformly random
    (exploring starts), so that openings an agent would never choose still get learned.

    Each agent moves epsilon-greedily and, when its turn comes round again, moves the
    value of the afterstate it made last time towards the best afterstate it can make now:
    V(s) <- V(s) + alpha * (max_a V(after(s', a)) - V(s)), a TD(0) update whose target is
    the greedy value, so exploratory moves do not teach the agent to expect blunders.
    When the game ends, both last afterstates move towards the result itself.
    """
    board: Board = (EMPTY,) * 9
    last: dict[int, Board] = {}  # each agent's previous afterstate
    opening = -1 if random_moves > 0 else None
    for move in range(9):
        agent = agents[to_move(board)]
        options = agent.action_values(board)  # {cell: V(after(board, cell))}
        if agent.mark in last:  # the TD(0) update of the afterstate it made last time
            previous = last[agent.mark]
            best = max(options.values())
            agent.values[previous] = agent.value(previous) + alpha * (best - agent.value(previous))
        if move < random_moves or rng.random() < epsilon:
            cell = int(rng.choice(list(options)))
        else:
            cell = max(options, key=lambda c: options[c])
        opening = cell if opening is None else opening
        board = after(board, cell)
        last[agent.mark] = board
        outcome = result_for(board, CROSS)
        if outcome is not None:  # both last afterstates move towards the result
            for mark, afterstate in last.items():
                target = outcome if mark == CROSS else -outcome
                learner = agents[mark]
                error = target - learner.value(afterstate)
                learner.values[afterstate] = learner.value(afterstate) + alpha * error
            return opening, outcome
    raise AssertionError("a Tic-Tac-Toe game ends within 9 moves")


# --8<-- [end:self_play]


# --8<-- [start:minimax]
@functools.cache
def minimax_value(board: Board) -> float:
    """The result, for the player to move, of perfect play by both sides from ``board``:
    +1 a forced win, 0 a draw, -1 a forced loss. The value of a move is minus the value
    of the position it leaves to the opponent (what is good for one is bad for the other).
    """
    over = result_for(board, to_move(board))
    if over is not None:
        return over
    return max(-minimax_value(after(board, cell)) for cell in free_cells(board))


def perfect_moves(board: Board) -> list[int]:
    """Every cell that keeps the minimax value: the moves a perfect player may choose."""
    best = minimax_value(board)
    return [cell for cell in free_cells(board) if -minimax_value(after(board, cell)) == best]


# --8<-- [end:minimax]


# --8<-- [start:train]
@functools.cache  # Demo 4 analyses the agents Demo 3 trained, when both run in one process
def train(games: int, seed: int) -> tuple[dict[int, Agent], list[int]]:
    """Two agents trained by ``games`` self-play games; also each game's first cell (-1
    when it was random). The step size and the exploration fall from 0.5 game by game;
    each game starts with 0, 1 or 2 random moves."""
    alpha = LinearSchedule(0.5, 0.02, games)
    epsilon = LinearSchedule(0.5, 0.1, games)
    rng = np.random.default_rng(seed)
    agents = {CROSS: Agent(CROSS), NOUGHT: Agent(NOUGHT)}
    openings = [
        self_play_game(agents, alpha(g), epsilon(g), int(rng.integers(3)), rng)[0]
        for g in range(games)
    ]
    return agents, openings


# --8<-- [end:train]


def games_against_perfect(agent: Agent) -> Counter[float]:
    """The agent's results over every game a perfect player can play against it, from every
    opening: the first move is forced to each of the 9 cells in turn (made by the agent
    when it plays X, by the perfect player when it plays O); after that the agent plays
    greedily and the perfect player branches over all of its equally good moves."""
    results: Counter[float] = Counter()

    def explore(board: Board) -> None:
        outcome = result_for(board, agent.mark)
        if outcome is not None:
            results[outcome] += 1
        elif to_move(board) == agent.mark:
            explore(after(board, agent.greedy(board)))
        else:
            for cell in perfect_moves(board):
                explore(after(board, cell))

    for opening in range(9):
        explore(after((EMPTY,) * 9, opening))
    return results


def play(players: dict[int, Player]) -> Board:
    """One game between two players (by mark); returns the final board."""
    board: Board = (EMPTY,) * 9
    while result_for(board, CROSS) is None:
        board = after(board, players[to_move(board)](board))
    return board


def random_player(rng: np.random.Generator) -> Player:
    return lambda board: int(rng.choice(free_cells(board)))
