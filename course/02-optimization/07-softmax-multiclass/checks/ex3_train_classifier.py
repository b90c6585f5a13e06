"""Check for exercise 3: the model trained through fit must land where gradient descent on
the cross-entropy (run here in float64 with the gradient (p - one_hot(y)) / n) lands, from
zero with the loss log k, with every class's row even when a class has no point; the
prediction is checked on random models."""

from __future__ import annotations

from types import ModuleType

import numpy as np
import torch
from torch import nn

from coursetools.check_helpers import (
    CheckFailed,
    expect_array_equal,
    expect_close,
    expect_shape,
    expect_tensor,
    expect_type,
    get_function,
    random_cases,
)

Data = tuple[np.ndarray, np.ndarray, int]  # x (n, d), labels (n,), number of classes


def softmax(z: np.ndarray) -> np.ndarray:
    exps = np.exp(z - z.max(axis=1, keepdims=True))
    return exps / exps.sum(axis=1, keepdims=True)


def descend(
    x: np.ndarray, y: np.ndarray, k: int, lr: float, steps: int, twice: bool = False
) -> tuple[np.ndarray, np.ndarray, float]:
    """Gradient descent in float64 from zero: weight (k, d), bias (k,) and the last loss.
    ``twice`` feeds softmax(z) to the loss as if it were logits (softmax applied twice)."""
    n, d = x.shape
    weight, bias = np.zeros((k, d)), np.zeros(k)
    one_hot = np.eye(k)[y]
    loss = 0.0
    for _ in range(steps):
        z = x @ weight.T + bias
        inner = softmax(z) if twice else z
        p = softmax(inner)
        loss = float(-np.log(p[np.arange(n), y]).mean())
        grad = (p - one_hot) / n  # dL/d(inner), (n, k)
        if twice:
            s = softmax(z)  # the chain rule through the first softmax, row by row
            grad = s * (grad - (grad * s).sum(axis=1, keepdims=True))
        weight, bias = weight - lr * grad.T @ x, bias - lr * grad.sum(axis=0)
    return weight, bias, loss


def random_data(rng: np.random.Generator) -> Data:
    n, d, k = int(rng.integers(20, 40)), int(rng.integers(1, 4)), int(rng.integers(3, 6))
    x = rng.normal(0, 1.5, (n, d))
    y = (x @ rng.normal(0, 2, (d, k)) + rng.normal(0, 1, (n, k))).argmax(axis=1)
    y[y == k - 1] = 0  # the last class has no point: it must still get its row of weights
    return x, y, k


def check_training(module: ModuleType, data: Data) -> None:
    train = get_function(module, "train_classifier")
    x, y, k = data
    lr, epochs = 0.5, 30
    what = f"train_classifier(x of shape {x.shape}, y, num_classes={k}, lr={lr}, epochs={epochs})"
    answer = expect_type(
        train(torch.from_numpy(x).float(), torch.from_numpy(y), k, lr, epochs), tuple, what
    )
    if len(answer) != 2:
        raise CheckFailed(f"{what}: expected (model, losses)")
    model = expect_type(answer[0], nn.Linear, f"{what}, model")
    losses = expect_type(answer[1], list, f"{what}, losses")
    if model.weight.shape != (k, x.shape[1]):
        raise CheckFailed(
            f"{what}: model.weight has shape {tuple(model.weight.shape)}, expected "
            f"{(k, x.shape[1])}: one row per class; use num_classes, since class {k - 1} "
            "has no point in y"
        )
    if len(losses) != epochs:
        raise CheckFailed(f"{what}: expected {epochs} losses, one per epoch, got {len(losses)}")
    if not np.isclose(losses[0], np.log(k), rtol=1e-4):
        raise CheckFailed(
            f"{what}: the first epoch's loss is {losses[0]:.4f}, expected log {k} = "
            f"{np.log(k):.4f}: start from weight = 0 and bias = 0 (nn.init.zeros_), where "
            "every class has probability 1/k"
        )
    got_weight = model.weight.detach().double().numpy()
    got_bias = model.bias.detach().double().numpy()
    wrong_weight, _, _ = descend(x, y, k, lr, epochs, twice=True)
    if np.allclose(got_weight, wrong_weight, atol=1e-4, rtol=1e-3):
        raise CheckFailed(
            f"{what}: your model learns as if the softmax were applied twice; "
            "nn.CrossEntropyLoss applies it itself: give it the logits"
        )
    weight, bias, _ = descend(x, y, k, lr, epochs)
    expect_close(got_weight, weight, f"{what}, model.weight", atol=1e-4, rtol=1e-3)
    expect_close(got_bias, bias, f"{what}, model.bias", atol=1e-4, rtol=1e-3)


def check_predict(module: ModuleType, rng: np.random.Generator) -> None:
    predict = get_function(module, "predict")
    n, d, k = int(rng.integers(5, 15)), int(rng.integers(1, 4)), int(rng.integers(2, 6))
    model = nn.Linear(d, k)
    x = torch.from_numpy(rng.normal(0, 2, (n, d))).float()
    what = f"predict(nn.Linear({d}, {k}), x of shape {tuple(x.shape)})"
    got = expect_tensor(predict(model, x), what)
    expect_shape(got, (n,), f"{what} (one class per row)")
    if got.dtype != torch.int64:
        raise CheckFailed(
            f"{what}: got dtype {got.dtype}; expected int64 class indices (argmax gives the "
            "index, max gives the largest value)"
        )
    expected = (x @ model.weight.detach().T + model.bias.detach()).argmax(dim=1).numpy()
    expect_array_equal(got, expected, f"{what}: the index of each row's largest logit")


def check(module: ModuleType) -> None:
    for data in random_cases(74, 3, random_data):
        check_training(module, data)
    rng = np.random.default_rng(75)
    for _ in range(6):
        check_predict(module, rng)
