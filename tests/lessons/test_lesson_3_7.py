"""Lesson 3.7: what the post's claims about modes and optimizers rest on, in the quick run."""

from __future__ import annotations

from coursetools.lessons import load
from tests.lessons.conftest import QuickRun

LESSON = load("3.7")


def test_dropout_depends_on_the_mode_and_adam_matches_torch(quick_run: QuickRun) -> None:
    results = quick_run(LESSON.id).results
    dropout = results["demo_dropout"]
    assert dropout["train_mode_difference"] > 0.0
    assert dropout["eval_mode_difference"] == 0.0
    assert 0.0 < dropout["kept_share"] < 1.0
    decay = results["demo_weight_decay"]
    assert decay["largest_difference"] < 1e-6
    # a weight without a loss gradient: Adam's step has size lr whatever lambda is,
    # AdamW's is lr * lambda * theta
    theta, lr = decay["theta"][4], 0.1
    for row, lam in enumerate(decay["decays"]):
        assert abs(decay["adam"][row][4] - (theta - lr)) < 1e-6
        assert abs(decay["adamw"][row][4] - theta * (1 - lr * lam)) < 1e-6
