"""Exercise 1: the rule of 2048 and the move choice of a DQN agent that respects it.

Fill in ``merge_row_left`` and ``masked_greedy``, then run this file and
`rlcourse check 6.1`.
"""

from __future__ import annotations

import numpy as np
import torch


def merge_row_left(row: list[int]) -> tuple[list[int], int]:
    """Slide one row of exponents (0 empty, k a tile worth 2^k) to the left.

    Tiles slide over empty cells; two equal neighbours merge into one tile of the next
    exponent; a tile made by a merge does not merge again in the same move. Returns the
    new row (same length, zeros at the end) and the score: the sum of the merged tiles'
    values, 2^(k+1) for each merge of two 2^k.
    """
    raise NotImplementedError("merge_row_left")


def masked_greedy(q_values: torch.Tensor, legal: torch.Tensor) -> torch.Tensor:
    """The greedy move of each board among its legal moves.

    q_values: (B, 4) float, the network's Q(s, a); legal: (B, 4) bool, True where the move
    changes the board (every row has at least one). Returns (B,) int64 move indices.
    """
    raise NotImplementedError("masked_greedy")


if __name__ == "__main__":
    print(merge_row_left([1, 1, 2, 0]))  # ([2, 2, 0, 0], 4): tiles 2, 2, 4 become 4, 4
    q = torch.tensor([[-3.0, -1.0, -2.0, -5.0]])
    print(masked_greedy(q, torch.tensor([[True, False, True, True]])))  # tensor([2])
    print(np.log2([2, 4, 2048]))  # exponents of the tiles: what the observation holds
