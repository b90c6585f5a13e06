"""The helpers checks are written with: messages a learner can act on."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import gymnasium as gym
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_array_equal,
    expect_close,
    expect_dtype,
    expect_seeded,
    forbidden,
    random_cases,
    recorded_calls,
    recorded_figures,
    saved_to,
    stop_after,
)


def test_a_large_array_names_its_first_differing_entry() -> None:
    expected = np.zeros((50, 40))
    got = expected.copy()
    got[31, 7] = 0.5
    got[40, 2] = 1.0
    with pytest.raises(CheckFailed) as failure:
        expect_close(got, expected, "V")
    assert str(failure.value) == (
        "V: entry [31, 7] expected 0, got 0.5 (2 of 2000 entries differ; "
        "tolerance 1e-06 + 1e-05·|expected|)"
    )


def test_a_small_array_is_shown_in_full() -> None:
    with pytest.raises(CheckFailed, match=r"entry \[1\] expected 2, got 3 .*got \[1\. 3\.\]"):
        expect_close(torch.tensor([1.0, 3.0]), np.array([1.0, 2.0]), "x")
    with pytest.raises(CheckFailed, match=r"^x: expected 2, got 3 \(tolerance"):
        expect_close(3.0, 2.0, "x")
    with pytest.raises(CheckFailed, match=r"x: entry \[2\] is nan"):
        expect_close(np.array([1.0, 2.0, np.nan]), np.ones(3), "x")


def test_exact_arrays_and_dtypes() -> None:
    expect_array_equal(np.array([1, 2]), np.array([1, 2]), "a")
    with pytest.raises(CheckFailed, match=r"a: entry \[0, 1\] expected 2, got 5"):
        expect_array_equal(torch.tensor([[1, 5]]), np.array([[1, 2]]), "a")
    with pytest.raises(CheckFailed, match="expected dtype float64, got int64"):
        expect_dtype(np.zeros(2, dtype=np.int64), np.float64, "Q")
    with pytest.raises(CheckFailed, match=r"expected dtype torch\.float32, got torch\.float64"):
        expect_dtype(torch.zeros(2, dtype=torch.float64), torch.float32, "q")


def test_a_forbidden_shortcut_raises_and_is_restored() -> None:
    learner = ModuleType("learner")
    exec("from numpy.linalg import solve\ndef f(a, b):\n    return solve(a, b)\n", vars(learner))
    original = np.linalg.solve
    with forbidden({"numpy.linalg.solve": "solve it by hand"}, learner):
        with pytest.raises(CheckFailed, match=r"`numpy\.linalg\.solve`, which this task forbids"):
            np.linalg.solve(np.eye(2), np.ones(2))
        with pytest.raises(CheckFailed, match="solve it by hand"):
            learner.f(np.eye(2), np.ones(2))
    assert np.linalg.solve is original and learner.solve is original


def test_saved_figures_are_recorded_with_their_data(tmp_path: Path) -> None:
    path = tmp_path / "figure.png"
    with recorded_figures() as figures:
        fig, (left, right) = plt.subplots(1, 2)
        left.plot([1, 2, 3], [4.0, 5.0, 6.0], label="curve")
        left.legend()
        left.set(title="left", xlabel="step", ylabel="return")
        right.imshow(np.ma.masked_invalid([[1.0, np.nan], [2.0, 3.0]]))
        right.quiver([0.0], [1.0], [1.0], [-1.0])
        right.quiver([0.0], [1.0], [1.0], [-1.0], angles="xy")
        right.bar([0, 1], [3.0, 4.0])
        right.scatter([1.0], [2.0])
        left.fill_between([1, 2], [0.0, 0.0], [1.0, 2.0])
        fig.suptitle("both")
        fig.savefig(path)
        plt.close(fig)
    saved = saved_to(figures, path, "the plot")
    assert saved.titles() == ["both", "left", ""]
    [line] = saved.lines()
    assert line.label == "curve" and line.y.tolist() == [4.0, 5.0, 6.0]
    assert saved.axes[0].xlabel == "step"
    assert (saved.axes[0].legend, saved.axes[1].legend) == (["curve"], [])
    np.testing.assert_array_equal(saved.images()[0], [[1.0, np.nan], [2.0, 3.0]])
    assert saved.axes[1].image_limits == [(1.0, 3.0)]
    arrows = saved.axes[1].arrows[0]
    assert (arrows.u.tolist(), arrows.v.tolist()) == ([1.0], [-1.0])
    # imshow turned the y-axis down; angles="uv" (the default) draws v upwards anyway.
    assert (arrows.angles, arrows.y_inverted) == ("uv", True)
    assert [d.tolist() for d in arrows.screen_directions()] == [[1.0], [-1.0]]
    # angles="xy" follows the data: v = -1 is one row up, which is up on the screen.
    assert [d.tolist() for d in saved.axes[1].arrows[1].screen_directions()] == [[1.0], [1.0]]
    assert saved.axes[1].bars.tolist() == [[0.0, 3.0], [1.0, 4.0]]
    assert saved.axes[1].points[0].tolist() == [[1.0, 2.0]]
    [fill] = saved.axes[0].fills
    assert fill[:, 1].max() == 2.0 and fill[:, 1].min() == 0.0
    assert path.is_file()
    with pytest.raises(CheckFailed, match="saved no matplotlib figure at"):
        saved_to(figures, tmp_path / "other.png", "the plot")


def test_seeds_must_matter_and_repeat() -> None:
    expect_seeded(lambda seed: np.random.default_rng(seed).random(3), "draws")
    with pytest.raises(CheckFailed, match="seeds 0 and 1 gave the same result"):
        expect_seeded(lambda seed: np.random.default_rng(0).random(3), "draws")
    unseeded = np.random.default_rng()
    with pytest.raises(CheckFailed, match="seed 0 gave different results"):
        expect_seeded(lambda seed: unseeded.random(3), "draws")
    assert random_cases(5, 2, lambda rng: rng.integers(10)) == random_cases(
        5, 2, lambda rng: rng.integers(10)
    )


def test_calls_to_a_learners_helper_are_recorded() -> None:
    learner = ModuleType("learner")
    exec(
        "def draw(wins):\n    return wins.sum()\n"
        "def play():\n    wins = __import__('numpy').zeros(2)\n"
        "    for _ in range(2):\n        draw(wins)\n        wins[0] += 1\n",
        vars(learner),
    )
    original = learner.draw
    with recorded_calls(learner, "draw") as calls:
        learner.play()
    assert [call[0].tolist() for call in calls] == [[0.0, 0.0], [1.0, 0.0]]
    assert learner.draw is original


def test_an_episode_past_its_time_limit_fails_the_check() -> None:
    env = stop_after(gym.make("FrozenLake-v1", is_slippery=False, max_episode_steps=3), 3)
    env.reset(seed=0)
    for _ in range(3):
        env.step(0)
    with pytest.raises(CheckFailed, match="stepped past the 3-step time limit"):
        env.step(0)
    env.reset()
    env.step(0)  # a new episode counts from 0


def test_a_learners_print_options_do_not_change_the_message() -> None:
    options = np.printoptions(precision=2, floatmode="fixed", suppress=True)
    wrong = pytest.raises(CheckFailed, match=r"expected \[1\. 2\.\], got \[1\. 3\.\]")
    with options, wrong:
        expect_close(np.array([1.0, 3.0]), np.array([1.0, 2.0]), "x")


def test_recorded_keyword_sees_each_call_and_restores_the_function() -> None:
    import json

    from coursetools.check_helpers import recorded_keyword

    original = json.dumps
    with recorded_keyword(json, "dumps", "indent") as seen:
        assert json.dumps([1], indent=2) == original([1], indent=2)  # the call still runs
        json.dumps([1])
    assert seen == [2, None]
    assert json.dumps is original


def test_transition_batches_cover_every_ending() -> None:
    from coursetools.check_helpers import transition_batch

    batch = transition_batch(np.random.default_rng(0), (5, 9), observation_size=3)
    size = batch["rewards"].shape[0]
    assert 5 <= size < 9
    assert batch["next_observations"].shape == (size, 3)
    assert batch["terminated"][:3].tolist() == [0.0, 1.0, 0.0]
    assert batch["truncated"][:3].tolist() == [0.0, 0.0, 1.0]
    assert not bool((batch["terminated"] * batch["truncated"]).any())
