"""Check for exercise 4: the chosen indices against a selection made here on seeded
random predictions, and the figure's images and captions read back."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_tensor,
    expect_true,
    expect_type,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)


def make_case(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int]:
    m, classes = int(rng.integers(15, 40)), int(rng.integers(3, 10))
    logits = rng.normal(scale=2.0, size=(m, classes))
    probabilities = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    labels = np.where(rng.random(m) < 0.6, probabilities.argmax(1), rng.integers(0, classes, m))
    return probabilities, labels, int(rng.integers(2, 6))


def reference(probabilities: np.ndarray, labels: np.ndarray, k: int) -> tuple[list[int], list[int]]:
    confidence, predicted = probabilities.max(1), probabilities.argmax(1)
    right = [int(i) for i in np.flatnonzero(predicted == labels)]
    wrong = [int(i) for i in np.flatnonzero(predicted != labels)]
    return sorted(right, key=lambda i: confidence[i])[:k], sorted(
        wrong, key=lambda i: -confidence[i]
    )[:k]


def check(module: ModuleType) -> None:
    choose = get_function(module, "telling_examples")
    cases = random_cases(4, 5, make_case)
    probabilities, labels, _ = cases[0]
    cases.append((probabilities, labels, len(labels)))  # k larger than either group
    for probabilities, labels, k in cases:
        what = f"telling_examples on {len(labels)} predictions, k = {k}"
        result = expect_type(
            choose(torch.from_numpy(probabilities), torch.from_numpy(labels), k), tuple, what
        )
        expect_equal(len(result), 2, f"{what}: the number of returned tensors")
        right = expect_tensor(result[0], f"{what}: the right ones").tolist()
        wrong = expect_tensor(result[1], f"{what}: the wrong ones").tolist()
        expected_right, expected_wrong = reference(probabilities, labels, k)
        predicted = probabilities.argmax(1)
        if any(predicted[i] == labels[i] for i in wrong) or any(
            predicted[i] != labels[i] for i in right
        ):
            raise CheckFailed(
                f"{what}: a 'wrong' index was predicted right (or the reverse): the prediction "
                "is the largest probability, compared with the label"
            )
        in_order = [int(i) for i in np.flatnonzero(predicted != labels)][:k]
        if wrong != expected_wrong and wrong == in_order:
            raise CheckFailed(
                f"{what}: the wrong ones are the first {k} in index order ({wrong}); pick the "
                f"most confident mistakes, highest confidence first (expected {expected_wrong})"
            )
        expect_equal(wrong, expected_wrong, f"{what}: the most confident mistakes, most sure first")
        expect_equal(right, expected_right, f"{what}: the least confident right answers")

    plot = get_function(module, "plot_digits")
    rng = np.random.default_rng(5)
    images = torch.from_numpy(rng.random((12, 8, 8)))
    indices = torch.tensor([7, 2, 10])
    captions = ["7 said 1", "3 said 3", "4 said 9"]
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "digits.png"
        plot(images, indices, captions, path)
        figure = saved_to(figures, path, "plot_digits")
    drawn = [(axes.images[0], axes.title) for axes in figure.axes if axes.images]
    expect_equal(len(drawn), 3, "plot_digits: images drawn (one per index)")
    for (image, title), i, caption in zip(drawn, indices.tolist(), captions, strict=True):
        expect_close(image, images[i].numpy(), f"plot_digits: the image drawn for index {i}")
        expect_equal(title, caption, f"plot_digits: the title of image {i}")
    expect_true(bool(figure.suptitle), "plot_digits: give the figure a title (fig.suptitle)")
