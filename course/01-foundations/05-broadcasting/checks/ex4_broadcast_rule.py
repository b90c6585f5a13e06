"""Check for exercise 4: the learner's rule against torch.broadcast_shapes and the learner's
index rule against what `+` really computes, on fixed and random shapes, with PyTorch's
and NumPy's shape helpers made to raise while the learner's code runs."""

from __future__ import annotations

import itertools
from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_equal,
    expect_type,
    forbidden,
    get_function,
    random_cases,
)

Shape = tuple[int, ...]
HELPERS = {
    name: "broadcast_shape applies the rule itself"
    for name in ("torch.broadcast_shapes", "torch.broadcast_tensors", "numpy.broadcast_shapes")
}


def torch_shape(a: Shape, b: Shape) -> Shape | None:
    """What PyTorch says, computed here: the shape, or None where it refuses."""
    try:
        return tuple(torch.broadcast_shapes(a, b))
    except RuntimeError:
        return None


def left_aligned(a: Shape, b: Shape) -> Shape | None:
    """The mistaken rule that pads the shorter shape at the end: its shape, or None."""
    ndim = max(len(a), len(b))
    return torch_shape(a + (1,) * (ndim - len(a)), b + (1,) * (ndim - len(b)))


def random_pair(rng: np.random.Generator) -> tuple[Shape, Shape]:
    full = [int(size) for size in rng.integers(2, 5, size=int(rng.integers(1, 4)))]

    def variant() -> Shape:
        keep = int(rng.integers(0, len(full) + 1))
        sizes = full[len(full) - keep :]
        return tuple(1 if rng.random() < 0.3 else size for size in sizes)

    return variant(), variant()


def check_shape(module: ModuleType, a: Shape, b: Shape) -> None:
    broadcast_shape = get_function(module, "broadcast_shape")
    what = f"broadcast_shape({a}, {b})"
    expected = torch_shape(a, b)
    wrong = left_aligned(a, b)
    hint = "; line the shapes up from the right" if len(a) != len(b) else ""
    try:
        with forbidden(HELPERS, module):
            got = broadcast_shape(a, b)
    except ValueError as error:
        if expected is None:
            return
        hint = hint if wrong is None else ""
        raise CheckFailed(
            f"{what}: PyTorch broadcasts these to {expected}, you raised: {error}{hint}"
        ) from None
    if expected is None:
        raise CheckFailed(
            f"{what}: PyTorch refuses these shapes, you returned {got!r}: two sizes that meet "
            "must be equal or one of them 1; raise ValueError otherwise"
        )
    got = expect_type(got, tuple, what)
    expect_equal(got, expected, what + (hint if got == wrong else ""))


def check_index(module: ModuleType, a: Shape, b: Shape) -> None:
    """Every entry of x + y must be x at source_index plus y at source_index."""
    source_index = get_function(module, "source_index")
    result = torch_shape(a, b)
    if result is None:
        return
    x = torch.arange(float(np.prod(a))).reshape(a)
    y = 1000.0 * torch.arange(float(np.prod(b))).reshape(b)
    total = x + y
    for index in itertools.product(*(range(size) for size in result)):
        what = f"source_index({index}, {a})"
        ia = expect_type(source_index(index, a), tuple, what)
        ib = expect_type(source_index(index, b), tuple, f"source_index({index}, {b})")
        for got, shape, call in ((ia, a, what), (ib, b, f"source_index({index}, {b})")):
            if len(got) != len(shape):
                raise CheckFailed(f"{call}: expected an index of {len(shape)} entries, got {got}")
            if any(not 0 <= i < size for i, size in zip(got, shape, strict=True)):
                raise CheckFailed(
                    f"{call}: {got} lies outside a tensor of shape {shape}: read a size-1 "
                    "dimension at 0"
                )
        if x[ia] + y[ib] != total[index]:
            raise CheckFailed(
                f"entry {index} of x + y (shapes {a} and {b}) is {total[index].item():g}, but "
                f"x at {ia} plus y at {ib} is {(x[ia] + y[ib]).item():g}: drop the leading "
                "indices the input does not have, and read a size-1 dimension at 0"
            )


def check(module: ModuleType) -> None:
    fixed: list[tuple[Shape, Shape]] = [
        ((3, 4), (4,)),
        ((3, 1), (4,)),
        ((3, 4), (3,)),
        ((4, 3), (4, 1)),
        ((2, 3, 4), (3, 1)),
        ((5, 1, 4), (2, 1)),
        ((), (2, 3)),
        ((2, 1), (1, 3)),
    ]
    for a, b in fixed + random_cases(41, 12, random_pair):
        check_shape(module, a, b)
    for a, b in fixed[:6] + random_cases(42, 4, random_pair):
        check_index(module, a, b)
