"""Exercise 4: Compare manual elementwise operations with PyTorch’s built-in operators.

Write the broadcasting rule yourself, for shapes of any length, and the index rule that
tells which entry of an input an entry of the result reads. The check compares both with
what PyTorch's operators do.
"""

from __future__ import annotations


def broadcast_shape(shape_a: tuple[int, ...], shape_b: tuple[int, ...]) -> tuple[int, ...]:
    """The shape of a + b for tensors of these shapes, by the three steps of the post.

    Raise ValueError when two sizes that meet are different and neither is 1.
    torch.broadcast_shapes, torch.broadcast_tensors and numpy.broadcast_shapes are not
    allowed here.
    """
    raise NotImplementedError("pad, compare, take the larger size")


def source_index(result_index: tuple[int, ...], shape: tuple[int, ...]) -> tuple[int, ...]:
    """The index of the entry of an input of ``shape`` that the result's entry at
    ``result_index`` reads. ``result_index`` may be longer than ``shape`` (the input got
    sizes of 1 in front); the answer has len(shape) entries.
    """
    raise NotImplementedError("drop the extra leading indices; 0 where the size is 1")
