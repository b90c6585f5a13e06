"""Check for exercise 1: tiny train and test splits written in MNIST's raw IDX format, so
that torchvision's real loader reads them without a download; the tensors compared with
the pixels and labels written."""

from __future__ import annotations

import struct
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
    expect_type,
    get_function,
)

SPLITS = {True: "train", False: "t10k"}  # MNIST's file prefixes for train=True / False


def write_idx_split(raw: Path, prefix: str, images: np.ndarray, labels: np.ndarray) -> None:
    """``images`` (N, 28, 28) and ``labels`` (N,), uint8, as MNIST's two files
    ``<prefix>-images-idx3-ubyte`` and ``<prefix>-labels-idx1-ubyte`` in ``raw``.

    An IDX file is a big-endian header, the magic number 0x0000 08 NN (08: unsigned
    bytes; NN: the number of dimensions) and each dimension's size as a 4-byte integer,
    followed by the values, row by row."""
    raw.mkdir(parents=True, exist_ok=True)
    header = struct.pack(">IIII", 0x0803, *images.shape)
    (raw / f"{prefix}-images-idx3-ubyte").write_bytes(header + images.tobytes())
    (raw / f"{prefix}-labels-idx1-ubyte").write_bytes(
        struct.pack(">II", 0x0801, len(labels)) + labels.tobytes()
    )


def write_fake_mnist(
    root: Path, sizes: dict[bool, int], brightest: int, seed: int
) -> dict[bool, tuple[np.ndarray, np.ndarray]]:
    """Random uint8 images (pixels at most ``brightest``) and labels for each split, written
    where torchvision.datasets.MNIST(root) looks (root/MNIST/raw); what was written."""
    rng = np.random.default_rng(seed)
    written = {}
    for train, n in sizes.items():
        images = rng.integers(0, brightest + 1, size=(n, 28, 28), dtype=np.uint8)
        labels = rng.integers(0, 10, size=n, dtype=np.uint8)
        write_idx_split(root / "MNIST" / "raw", SPLITS[train], images, labels)
        written[train] = (images, labels)
    return written


def check(module: ModuleType) -> None:
    load = get_function(module, "load_mnist_split")
    cases = [({True: 7, False: 5}, 255, 0), ({True: 4, False: 9}, 200, 1)]
    for sizes, brightest, seed in cases:
        with tempfile.TemporaryDirectory() as folder:
            written = write_fake_mnist(Path(folder), sizes, brightest, seed)
            for train, (pixels, labels) in written.items():
                what = f"load_mnist_split(root, train={train}) on {len(labels)} images"
                result = expect_type(load(Path(folder), train), tuple, what)
                expect_equal(len(result), 2, f"{what}: the number of returned tensors")
                images = expect_tensor(result[0], f"{what}: the images")
                got_labels = expect_tensor(result[1], f"{what}: the labels")
                if len(images) != len(labels):
                    raise CheckFailed(
                        f"{what}: got {len(images)} images, but this split has {len(labels)}: "
                        f"pass train={train} to MNIST, the split you were asked for"
                    )
                expect_shape(images, (len(labels), 28, 28), f"{what}: the images")
                expect_dtype(images, torch.float32, f"{what}: the images")
                if images.max().item() > 1.0:
                    raise CheckFailed(
                        f"{what}: pixels go up to {images.max().item():g}; divide the uint8 "
                        "values by 255 so that they lie in [0, 1]"
                    )
                expected = pixels.astype(np.float32) / 255
                if brightest < 255 and np.isclose(images.max().item(), 1.0):
                    raise CheckFailed(
                        f"{what}: the brightest pixel of these images is {brightest}, yet yours "
                        "reach 1.0: divide by 255, the largest possible value, not by the "
                        "largest one in the data"
                    )
                expect_close(images, expected, f"{what}: the pixels (value / 255)", atol=1e-6)
                expect_dtype(got_labels, torch.int64, f"{what}: the labels (class indices)")
                expect_close(got_labels, labels.astype(np.float64), f"{what}: the labels")
