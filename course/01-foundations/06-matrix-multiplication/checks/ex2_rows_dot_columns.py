"""Check for exercise 2: the product against sums computed here, on random shapes and
dtypes, with every product of whole matrices watched; the error for mismatched shapes;
and the comparison with `@` on matrices whose float32 sums round differently."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

import numpy as np
import torch
from torch.overrides import TorchFunctionMode

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_dtype,
    expect_shape,
    expect_tensor,
    expect_type,
    get_function,
    random_cases,
)

MATRIX_PRODUCTS: set[Callable[..., Any]] = {
    torch.matmul,
    torch.mm,
    torch.einsum,
    torch.tensordot,
    torch.Tensor.matmul,
    torch.Tensor.mm,
    torch.Tensor.__matmul__,
    torch.Tensor.__rmatmul__,
}


class ProductWatcher(TorchFunctionMode):
    """Records whether a matrix product with an operand of 2 or more dimensions ran."""

    def __init__(self) -> None:
        super().__init__()
        self.whole_matrix_product = False

    def __torch_function__(
        self,
        func: Callable[..., Any],
        types: Sequence[type],
        args: Sequence[Any] = (),
        kwargs: dict[str, Any] | None = None,
    ) -> Any:
        tensors = [arg for arg in args if isinstance(arg, torch.Tensor)]
        if func in MATRIX_PRODUCTS and any(t.ndim >= 2 for t in tensors):
            self.whole_matrix_product = True
        return func(*args, **(kwargs or {}))


def random_pair(rng: np.random.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    m, n, p = (int(size) for size in rng.integers(1, 6, size=3))
    dtype = [torch.float32, torch.float64][int(rng.integers(2))]
    a = torch.from_numpy(rng.normal(size=(m, n))).to(dtype)
    b = torch.from_numpy(rng.normal(size=(n, p))).to(dtype)
    return a, b


def check_product(module: ModuleType, a: torch.Tensor, b: torch.Tensor) -> None:
    matmul = get_function(module, "matmul_rows_dot_columns")
    what = f"matmul_rows_dot_columns(a, b) for shapes {tuple(a.shape)} and {tuple(b.shape)}"
    rows, columns = a.double().numpy(), b.double().numpy()
    expected = np.array(
        [
            [sum(rows[i, k] * columns[k, j] for k in range(a.shape[1])) for j in range(b.shape[1])]
            for i in range(a.shape[0])
        ]
    ).reshape(a.shape[0], b.shape[1])
    watcher = ProductWatcher()
    try:
        with watcher:
            got = matmul(a, b)
    except (CheckFailed, NotImplementedError):
        raise
    except Exception as error:
        raise CheckFailed(f"{what} raised {type(error).__name__}: {error}") from None
    got = expect_tensor(got, what)
    if watcher.whole_matrix_product:
        raise CheckFailed(
            f"{what}: your code multiplied whole matrices; compute each entry as one dot "
            "product of a row and a column"
        )
    expect_shape(got, expected.shape, what)
    expect_dtype(got, a.dtype, what)
    expect_close(got, expected, what, atol=1e-5)


def check_rejects(module: ModuleType, a: torch.Tensor, b: torch.Tensor) -> None:
    matmul = get_function(module, "matmul_rows_dot_columns")
    shapes = [str(tuple(a.shape)), str(tuple(b.shape))]
    what = f"matmul_rows_dot_columns for shapes {shapes[0]} and {shapes[1]}"
    try:
        got = matmul(a, b)
    except ValueError as error:
        missing = [shape for shape in shapes if shape not in str(error)]
        if missing:
            raise CheckFailed(
                f"{what}: the ValueError message should show {missing}, got {str(error)!r}"
            ) from None
        return
    except Exception as error:
        raise CheckFailed(
            f"{what}: expected a ValueError (inner sizes {a.shape[1]} and {b.shape[0]} "
            f"differ), got {type(error).__name__}: {error}"
        ) from None
    raise CheckFailed(f"{what}: expected a ValueError, got a result of shape {tuple(got.shape)}")


def check_agreement(module: ModuleType) -> None:
    agrees = get_function(module, "agrees_with_torch")
    generator = torch.Generator().manual_seed(6)
    # 40 terms per entry: the loop's dot products and `@` add them in different
    # orders, so some entries differ in their last bits.
    a, b = torch.randn(6, 40, generator=generator), torch.randn(40, 5, generator=generator)
    what = "agrees_with_torch(a, b) for random float32 (6, 40) and (40, 5)"
    if not expect_type(agrees(a, b), bool, what):
        raise CheckFailed(
            f"{what}: expected True, got False: float32 sums in another order differ in the "
            "last digits; compare with torch.allclose(..., atol=1e-5), not torch.equal"
        )


def check(module: ModuleType) -> None:
    example_a = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    example_b = torch.tensor([[7.0, 8.0], [9.0, 10.0], [11.0, 12.0]])
    check_product(module, example_a, example_b)
    for a, b in random_cases(26, 8, random_pair):
        check_product(module, a, b)
    check_rejects(module, example_a, example_a)
    check_rejects(module, torch.zeros(4, 3), torch.zeros(4, 2))
    check_agreement(module)
