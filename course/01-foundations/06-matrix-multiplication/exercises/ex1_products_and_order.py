"""Exercise 1: Multiply two matrices using `@` and `torch.matmul`.

Fill in ``gram_matrix``, ``feature_gram`` and ``commute``, then run `rlcourse check 1.6`.
"""

from __future__ import annotations

import torch


def gram_matrix(x: torch.Tensor) -> torch.Tensor:
    """All dot products between the rows of ``x``, written with `@`.

    x has shape (n, d), one observation per row. Entry [i, j] of the result is
    row i of x dot row j of x; the result has shape (n, n).
    """
    raise NotImplementedError("multiply x by its transpose with @")


def feature_gram(x: torch.Tensor) -> torch.Tensor:
    """All dot products between the columns of ``x``, written with torch.matmul.

    x has shape (n, d); the result has shape (d, d), entry [k, l] = column k dot column l.
    """
    raise NotImplementedError("use torch.matmul")


def commute(p: torch.Tensor, q: torch.Tensor) -> bool:
    """Whether the square matrices p and q commute, PQ = QP, up to float32 rounding.

    Compare with torch.allclose(..., atol=1e-5): the two products add their terms in
    different orders, so even matrices that commute can differ in the last digits.
    """
    raise NotImplementedError("compare PQ with QP")
