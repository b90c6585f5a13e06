"""Exercise 3 of Part 7.2: judge a learned strategy against the game's exact solution.

Nim with a limit: several piles; a move takes 1 to ``max_take`` objects from one pile;
whoever takes the last object wins. (Exercise 1's game is one pile of this game with the
winner and loser swapped; Demo 1's Nim is ``max_take = 7``.) Write

- ``mover_loses(piles, max_take)``: retrograde analysis. The player to move loses when
  every move leads to a position the opponent wins; with nothing left, the previous
  player took the last object, so the player to move has lost;
- ``winning_moves(piles, max_take)``: the moves ``(pile, count)`` that leave the opponent
  a lost position (none when the mover is lost);
- ``agreement(choices, max_take)``: ``choices`` maps positions to the move a learned
  agent makes there; return the share of the positions that have a winning move
  (ignore lost ones: no move is right there) where the agent's move is winning.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping

Position = tuple[int, ...]
Move = tuple[int, int]  # (pile, count)


def moves(piles: Position, max_take: int) -> Iterator[tuple[Move, Position]]:
    """Given: every legal move and the position it leads to."""
    for pile, size in enumerate(piles):
        for count in range(1, min(size, max_take) + 1):
            yield (pile, count), (*piles[:pile], size - count, *piles[pile + 1 :])


@functools.cache
def mover_loses(piles: Position, max_take: int) -> bool:
    return all(not mover_loses(after, max_take) for _, after in moves(piles, max_take))


def winning_moves(piles: Position, max_take: int) -> list[Move]:
    return [move for move, after in moves(piles, max_take) if mover_loses(after, max_take)]


def agreement(choices: Mapping[Position, Move], max_take: int) -> float:
    judged = [
        choice in winning_moves(piles, max_take)
        for piles, choice in choices.items()
        if not mover_loses(piles, max_take)
    ]
    if not judged:
        raise ValueError("no position with a winning move among the choices")
    return sum(judged) / len(judged)


if __name__ == "__main__":
    print("(1, 3, 5, 7), no limit, lost for the mover:", mover_loses((1, 3, 5, 7), 7))
    print("(1, 3, 5, 7), at most 3 per move:", mover_loses((1, 3, 5, 7), 3))
    print("winning moves from (2, 5), at most 3:", winning_moves((2, 5), 3))
    always_one = {(a, b): (0 if a else 1, 1) for a in range(6) for b in range(6) if a + b}
    print(f"'take one from the first pile' agrees on {agreement(always_one, 3):.2f} of them")
