from pathlib import Path

import pytest

from rlcourse.metrics import MetricsWriter, read_metrics


def test_scalars_at_different_rates_share_one_file(tmp_path: Path) -> None:
    with MetricsWriter(tmp_path) as metrics:
        metrics.add(10, loss=0.5)
        metrics.add(20, loss=0.25, epsilon=0.9)
        metrics.add(25, episode_return=17.0)
    series = read_metrics(tmp_path)
    assert series["loss"] == ([10, 20], [0.5, 0.25])
    assert series["epsilon"] == ([20], [0.9])
    assert series["episode_return"] == ([25], [17.0])


def test_values_survive_the_round_trip_exactly(tmp_path: Path) -> None:
    value = 1 / 3
    with MetricsWriter(tmp_path) as metrics:
        metrics.add(1, loss=value)
    assert read_metrics(tmp_path)["loss"][1] == [value]


def test_a_new_run_starts_a_new_file(tmp_path: Path) -> None:
    with MetricsWriter(tmp_path) as metrics:
        metrics.add(1, loss=1.0)
    with MetricsWriter(tmp_path) as metrics:
        metrics.add(2, loss=2.0)
    assert read_metrics(tmp_path)["loss"] == ([2], [2.0])


def test_resuming_drops_rows_written_after_the_checkpoint(tmp_path: Path) -> None:
    metrics = MetricsWriter(tmp_path)
    for step in range(1, 7):
        metrics.add(step, loss=float(step))
    metrics.flush()  # a run killed now has written steps 1..6; its checkpoint is at step 4
    with MetricsWriter(tmp_path, resume_step=4) as resumed:
        resumed.add(5, loss=50.0)
    metrics.close()
    assert read_metrics(tmp_path)["loss"] == ([1, 2, 3, 4, 5], [1.0, 2.0, 3.0, 4.0, 50.0])


def test_tensorboard_event_files_are_written(tmp_path: Path) -> None:
    pytest.importorskip("tensorboard")
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    with MetricsWriter(tmp_path, tensorboard=True) as metrics:
        metrics.add(3, loss=0.5)
        metrics.add(7, loss=0.125)
    events = EventAccumulator(str(tmp_path))
    events.Reload()
    scalars = events.Scalars("loss")
    assert [(event.step, event.value) for event in scalars] == [(3, 0.5), (7, 0.125)]
