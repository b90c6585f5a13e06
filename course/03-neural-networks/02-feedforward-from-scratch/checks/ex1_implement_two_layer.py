"""Check for exercise 1: the ReLU network's hidden layer and logits against NumPy, on
random parameters and batches of several sizes."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_shape,
    expect_tensor,
    expect_type,
    get_function,
    random_cases,
)

Case = tuple[dict[str, np.ndarray], np.ndarray]


def random_case(rng: np.random.Generator) -> Case:
    d, hidden, batch = (int(v) for v in rng.integers(2, 6, size=3))
    params = {
        "W1": rng.normal(size=(d, hidden)),
        "b1": rng.normal(size=hidden),
        "W2": rng.normal(size=(hidden, 1)),
        "b2": rng.normal(size=1),
    }
    return params, rng.normal(size=(batch + 1, d))


def check_case(module: ModuleType, params: dict[str, np.ndarray], x: np.ndarray) -> None:
    forward_relu = get_function(module, "forward_relu")
    what = f"forward_relu on a batch {x.shape} with H = {params['b1'].size}"
    tensors = {name: torch.from_numpy(p).float() for name, p in params.items()}
    try:
        result = expect_type(forward_relu(tensors, torch.from_numpy(x).float()), tuple, what)
    except NotImplementedError:
        raise  # the stub: reported as not implemented yet
    except RuntimeError as error:
        raise CheckFailed(f"{what} raised RuntimeError: {error} (matrix products use @)") from None
    z, h = expect_tensor(result[0], f"{what}: z"), expect_tensor(result[1], f"{what}: h")
    a = x @ params["W1"] + params["b1"]
    expected_h = np.maximum(a, 0)
    expected_z = expected_h @ params["W2"] + params["b2"]
    expect_shape(h, expected_h.shape, f"{what}: h")
    expect_shape(z, expected_z.shape, f"{what}: z")
    got_h = h.double().numpy()
    if np.allclose(got_h, np.maximum(x @ params["W1"], 0), atol=1e-4):
        raise CheckFailed(f"{what}: h ignores the bias: add b1 before the ReLU")
    if np.allclose(got_h, 1 / (1 + np.exp(-a)), atol=1e-4):
        raise CheckFailed(f"{what}: h is the sigmoid of a; the task is relu(a) = max(a, 0)")
    expect_close(h, expected_h, f"{what}: h", atol=1e-4)
    if (expected_z < 0).any() and np.allclose(
        z.double().numpy(), np.maximum(expected_z, 0), atol=1e-4
    ):
        raise CheckFailed(
            f"{what}: z is never negative: logits need no activation after the last layer"
        )
    expect_close(z, expected_z, f"{what}: z", atol=1e-4)


def check(module: ModuleType) -> None:
    for params, x in random_cases(32, 10, random_case):
        check_case(module, params, x)
