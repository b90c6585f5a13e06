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
    ndim = max(len(shape_a), len(shape_b))
    a = (1,) * (ndim - len(shape_a)) + shape_a  # step 1: sizes of 1 in front
    b = (1,) * (ndim - len(shape_b)) + shape_b
    result: list[int] = []
    for size_a, size_b in zip(a, b, strict=True):
        if size_a != size_b and 1 not in (size_a, size_b):  # step 2
            raise ValueError(f"sizes {size_a} and {size_b} cannot broadcast: {shape_a}, {shape_b}")
        result.append(max(size_a, size_b))  # step 3
    return tuple(result)


def source_index(result_index: tuple[int, ...], shape: tuple[int, ...]) -> tuple[int, ...]:
    """The index of the entry of an input of ``shape`` that the result's entry at
    ``result_index`` reads. ``result_index`` may be longer than ``shape`` (the input got
    sizes of 1 in front); the answer has len(shape) entries.
    """
    extra = len(result_index) - len(shape)  # the leading dimensions the input lacks
    return tuple(
        0 if size == 1 else index  # a size-1 dimension is read at 0 every time
        for index, size in zip(result_index[extra:], shape, strict=True)
    )
