"""Exercise 4: Run and explain a “Hello World” example—elementwise addition in PyTorch.

Write elementwise addition yourself, with loops, to see what the single call `a + b`
does for you. Run the demo first; then fill in ``add_elementwise``.
"""

from __future__ import annotations

import torch


def add_elementwise(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """(a + b)[i] = a[i] + b[i] for 1-D tensors, (a + b)[i, j] = a[i, j] + b[i, j] for 2-D.

    - Loop over the elements and add one pair at a time: do not add whole tensors
      or whole rows with a single `+` (that is what the exercise replaces).
    - If the shapes differ, raise ValueError with a message that shows both shapes as
      tuples, e.g. "shapes (2, 3) and (3, 2) differ". Raise it even where PyTorch's
      broadcasting (lesson 1.5) would accept the pair, such as shapes (3,) and (1,).
    - If the tensors are neither 1-D nor 2-D, raise ValueError too.
    - The result has the dtype that `a + b` would have: torch.result_type(a, b).
    """
    if a.shape != b.shape:
        raise ValueError(f"shapes {tuple(a.shape)} and {tuple(b.shape)} differ")
    if a.ndim not in (1, 2):
        raise ValueError(f"expected 1-D or 2-D tensors, got {a.ndim}-D")
    # int64 + float32 gives float32, for example: the result must be able to hold the sums.
    total = torch.empty(a.shape, dtype=torch.result_type(a, b), device=a.device)
    if a.ndim == 1:
        for i in range(a.shape[0]):
            total[i] = a[i] + b[i]
    else:
        rows, columns = a.shape
        for i in range(rows):
            for j in range(columns):
                total[i, j] = a[i, j] + b[i, j]
    return total
