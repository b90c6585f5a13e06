"""Lesson 3.8: MNIST's code path run offline on tiny files in MNIST's own format, the
fallback to the 8x8 digits when the download fails, and the demos agreeing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import torch
import torchvision

from coursetools.file_import import import_file
from coursetools.lessons import load
from coursetools.runner import sibling_imports
from tests.lessons.conftest import QuickRun

LESSON = load("3.8")
IDX = import_file(LESSON.folder / "checks" / "ex1_download_load_mnist.py")  # the IDX writer


@pytest.fixture
def fake_mnist(tmp_path: Path) -> tuple[Path, dict[bool, Any]]:
    written = IDX.write_fake_mnist(tmp_path, {True: 40, False: 12}, 255, seed=3)
    return tmp_path, written


def test_the_real_loader_reads_mnist_files(fake_mnist: tuple[Path, dict[bool, Any]]) -> None:
    root, written = fake_mnist
    with sibling_imports(LESSON.folder):
        data = import_file(LESSON.folder / "digit_data.py").load_digit_data(root)
    assert data.name == "MNIST"
    for images, labels, train in [
        (data.train_images, data.train_labels, True),
        (data.test_images, data.test_labels, False),
    ]:
        pixels, digits = written[train]
        assert images.dtype == torch.float32 and labels.dtype == torch.int64
        assert torch.equal(images, torch.from_numpy(pixels).float() / 255)
        assert torch.equal(labels, torch.from_numpy(digits).long())


def test_demo_2_trains_on_mnist_files(
    fake_mnist: tuple[Path, dict[bool, Any]], tmp_path: Path
) -> None:
    root, _ = fake_mnist
    with sibling_imports(LESSON.folder):
        demo = import_file(LESSON.folder / "demo_train.py")
        result = demo.main(demo.Config(epochs=1, seeds=2, data_dir=root, out_dir=tmp_path / "out"))
    assert result.dataset == "MNIST"
    assert result.parameter_count == 784 * 800 + 800 + 800 * 10 + 10
    assert len(result.test_accuracy) == 2 and (tmp_path / "out" / "training_loss.png").is_file()


def test_a_failed_download_falls_back_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # a mirror that cannot answer, so the test fails the download with or without internet
    monkeypatch.setattr(torchvision.datasets.MNIST, "mirrors", [f"file://{tmp_path}/none/"])
    with sibling_imports(LESSON.folder):
        data = import_file(LESSON.folder / "digit_data.py").load_digit_data(tmp_path)
    printed = capsys.readouterr()
    assert data.name == "8x8 digits"
    assert printed.out.count("\n") == 1 and printed.out.startswith("MNIST unavailable (")
    assert "8x8 digits" in printed.out and printed.err == ""
    assert data.train_images.shape[1:] == (8, 8) and len(data.test_images) == 359
    assert float(data.train_images.max()) == 1.0 and float(data.train_images.min()) == 0.0


def test_every_demo_names_its_data_set_and_demos_2_and_3_agree(quick_run: QuickRun) -> None:
    run = quick_run(LESSON.id)
    results = run.results
    names = {result["dataset"] for result in results.values()}
    assert len(names) == 1
    for demo in run.demos:
        assert results[demo.stem]["dataset"] in demo.printed
    errors = results["demo_errors"]
    assert errors["test_accuracy"] == results["demo_train"]["test_accuracy"][0]
    confusion = torch.tensor(errors["confusion"])
    assert int(confusion.sum()) == results["demo_load"]["test_images"]
    assert float(confusion.trace() / confusion.sum()) == pytest.approx(errors["test_accuracy"])
    assert errors["wrong"] == int(confusion.sum() - confusion.trace())


def test_the_committed_numbers_name_their_data_set() -> None:
    committed = json.loads((LESSON.outputs / "results.json").read_text(encoding="utf-8"))
    assert {result["dataset"] for result in committed.values()} == {
        committed["demo_load"]["dataset"]
    }
    assert committed["demo_load"]["dataset"] in LESSON.body
    text = (LESSON.outputs / "demo_train.txt").read_text(encoding="utf-8")
    assert committed["demo_train"]["dataset"] in text
