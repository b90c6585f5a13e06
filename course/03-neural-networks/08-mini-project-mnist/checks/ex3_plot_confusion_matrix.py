"""Check for exercise 3: the row shares against counts made here on seeded random
predictions (with a class that never occurs), and the plotted image read back."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import numpy as np
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_dtype,
    expect_equal,
    expect_shape,
    expect_tensor,
    expect_true,
    forbidden,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)


def reference(labels: np.ndarray, predicted: np.ndarray, classes: int) -> np.ndarray:
    counts = np.zeros((classes, classes))
    np.add.at(counts, (labels, predicted), 1)
    totals = counts.sum(axis=1, keepdims=True)
    return np.divide(counts, totals, out=np.zeros_like(counts), where=totals > 0)


def make_case(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int]:
    classes = int(rng.integers(3, 8))
    n = int(rng.integers(20, 60))
    labels = rng.integers(0, classes - 1, size=n)  # the last class never occurs
    right = rng.random(n) < 0.6
    predicted = np.where(right, labels, rng.integers(0, classes, size=n))
    return labels, predicted, classes


def check(module: ModuleType) -> None:
    shares_of = get_function(module, "confusion_shares")
    no_sklearn = {"sklearn.metrics.confusion_matrix": "count the pairs yourself"}
    for labels, predicted, classes in random_cases(3, 4, make_case):
        what = f"confusion_shares on {len(labels)} predictions of {classes} classes"
        with forbidden(no_sklearn, module):
            got = expect_tensor(
                shares_of(torch.from_numpy(labels), torch.from_numpy(predicted), classes), what
            )
        expect_shape(got, (classes, classes), what)
        expect_dtype(got, torch.float64, what)
        values = got.numpy()
        expected = reference(labels, predicted, classes)
        if np.isnan(values).any():
            raise CheckFailed(
                f"{what}: NaN in row {int(np.argwhere(np.isnan(values))[0][0])}: a class with no "
                "images gives a row of zeros, not 0 / 0"
            )
        if np.allclose(values, reference(predicted, labels, classes)):  # roles swapped
            raise CheckFailed(
                f"{what}: rows and columns are swapped: entry [i, j] is true class i predicted as j"
            )
        column_shares = np.zeros_like(expected)
        counts = expected * np.bincount(labels, minlength=classes)[:, None]
        np.divide(counts, counts.sum(0), out=column_shares, where=counts.sum(0) > 0)
        if np.allclose(values, column_shares):
            raise CheckFailed(
                f"{what}: each column sums to 1; divide by the row sums: each row (a true "
                "class) should sum to 1"
            )
        expect_close(values, expected, what, atol=1e-12)

    plot = get_function(module, "plot_confusion")
    labels, predicted, classes = make_case(np.random.default_rng(11))
    shares = torch.from_numpy(reference(labels, predicted, classes))
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "confusion.png"
        plot(shares, path)
        figure = saved_to(figures, path, "plot_confusion")
    images = [image for axes in figure.axes for image in axes.images]
    expect_equal(len(images), 1, "plot_confusion: images drawn with imshow")
    expect_close(images[0], shares.numpy(), "plot_confusion: the image (rows: true classes)")
    axes = next(a for a in figure.axes if a.images)
    expect_true(
        "true" in axes.ylabel.lower() and "predict" in axes.xlabel.lower(),
        "plot_confusion: label both axes: the rows (y) are the true class, the columns (x) "
        f"the predicted class; got x {axes.xlabel!r}, y {axes.ylabel!r}",
    )
    expect_true(bool(axes.title or figure.suptitle), "plot_confusion: give the figure a title")
    expect_true(len(figure.axes) >= 2, "plot_confusion: add a colour bar (fig.colorbar)")
