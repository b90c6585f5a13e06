"""What users of a training library rely on, for DQN (Part 5.3): the same seed gives the same
run, a run killed mid-way resumes to exactly the weights it would have had, and a checkpoint
that holds a pickled object is refused."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import torch

from rlcourse.agents.dqn import CHECKPOINT_NAME, DQNConfig, load_q_network, train_dqn
from rlcourse.checkpoints import CheckpointError, load_checkpoint
from rlcourse.metrics import read_metrics

CPU = torch.device("cpu")
# Tiny, so that each run takes about a second: 400 steps, 300 updates, a few checkpoints.
TINY = DQNConfig(
    total_steps=400,
    learning_starts=100,
    batch_size=32,
    hidden_sizes=(32,),
    target_update_every=50,
)
EVERY = 100  # environment steps between checkpoints

# The run a separate Python process makes: train (resuming if run_dir holds a checkpoint),
# then save the final weights and the log.
RUN_SCRIPT = """
import dataclasses, json, sys
from pathlib import Path
import torch
from rlcourse.agents.dqn import DQNConfig, save_q_network, train_dqn
torch.set_num_threads(1)
fields = json.loads(sys.argv[2])
config = DQNConfig(**{**fields, "hidden_sizes": tuple(fields["hidden_sizes"])})
run_dir = Path(sys.argv[1])
network, log = train_dqn(config, 0, torch.device("cpu"), show_progress=False,
                         run_dir=run_dir, checkpoint_every=int(sys.argv[3]), resume=True)
save_q_network(network, run_dir / "final.pt")
(run_dir / "log.json").write_text(json.dumps(dataclasses.asdict(log)))
"""


@pytest.fixture(autouse=True)
def one_thread() -> Iterator[None]:
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def _start_run(run_dir: Path) -> subprocess.Popen[bytes]:
    config = dataclasses.asdict(TINY)
    return subprocess.Popen(
        [sys.executable, "-c", RUN_SCRIPT, str(run_dir), json.dumps(config), str(EVERY)],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_same_seed_same_run_and_another_seed_another(tmp_path: Path) -> None:
    # TensorBoard on for one of the two: it must not change the run or its CSV.
    first, first_log = train_dqn(
        TINY, 4, CPU, show_progress=False, run_dir=tmp_path / "a", tensorboard=True
    )
    second, second_log = train_dqn(TINY, 4, CPU, show_progress=False, run_dir=tmp_path / "b")
    other, other_log = train_dqn(TINY, 5, CPU, show_progress=False)
    assert all(
        torch.equal(a, b) for a, b in zip(first.parameters(), second.parameters(), strict=True)
    )
    assert first_log.losses == second_log.losses
    assert first_log.episode_returns == second_log.episode_returns
    # The curves on disk too, to the last digit.
    csv_a = (tmp_path / "a" / "metrics.csv").read_text()
    assert csv_a == (tmp_path / "b" / "metrics.csv").read_text()
    assert not any(
        torch.equal(a, b) for a, b in zip(first.parameters(), other.parameters(), strict=True)
    )
    assert first_log.episode_returns != other_log.episode_returns
    assert list((tmp_path / "a").glob("events.out.tfevents.*"))
    returns = read_metrics(tmp_path / "a")["episode_return"]
    assert returns == (first_log.episode_end_steps, first_log.episode_returns)


def test_a_killed_process_resumes_to_exactly_the_uninterrupted_weights(tmp_path: Path) -> None:
    uninterrupted, log = train_dqn(TINY, 0, CPU, show_progress=False, run_dir=tmp_path / "whole")

    run_dir = tmp_path / "killed"
    process = _start_run(run_dir)
    checkpoint = run_dir / CHECKPOINT_NAME
    deadline = time.monotonic() + 120
    while not checkpoint.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)  # no handler, no cleanup: as a crash or a power cut
    _, stderr = process.communicate()
    assert process.returncode == -signal.SIGKILL, f"the run ended before the kill: {stderr!r}"
    assert not (run_dir / "final.pt").exists()
    stopped_at = load_checkpoint(checkpoint)["log"]["steps"]
    assert 0 < stopped_at < TINY.total_steps

    resumed = _start_run(run_dir)
    _, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, stderr.decode()
    weights = load_q_network(run_dir / "final.pt", 4, 2, TINY.hidden_sizes, CPU)
    for name, tensor in uninterrupted.state_dict().items():
        assert torch.equal(weights.state_dict()[name], tensor), f"{name} differs after resuming"
    resumed_log = json.loads((run_dir / "log.json").read_text())
    assert resumed_log["episode_returns"] == log.episode_returns
    assert resumed_log["losses"] == log.losses
    # metrics.csv: the rows up to the checkpoint, then the resumed run's, as one curve.
    whole = read_metrics(tmp_path / "whole")["episode_return"]
    assert read_metrics(run_dir)["episode_return"] == whole


def test_a_checkpoint_with_a_pickled_payload_is_refused(tmp_path: Path) -> None:
    torch.save({"online": {}, "payload": Path("not a tensor")}, tmp_path / CHECKPOINT_NAME)
    with pytest.raises(CheckpointError, match="pickled Python object"):
        train_dqn(TINY, 0, CPU, show_progress=False, run_dir=tmp_path, resume=True)


def test_a_checkpoint_of_another_config_is_refused(tmp_path: Path) -> None:
    short = dataclasses.replace(TINY, total_steps=200)
    train_dqn(short, 0, CPU, show_progress=False, run_dir=tmp_path, checkpoint_every=EVERY)
    assert (tmp_path / CHECKPOINT_NAME).exists()
    with pytest.raises(CheckpointError, match="another config or seed"):
        train_dqn(TINY, 0, CPU, show_progress=False, run_dir=tmp_path, resume=True)


def test_checkpoints_need_a_run_dir() -> None:
    with pytest.raises(ValueError, match="run_dir"):
        train_dqn(TINY, 0, CPU, show_progress=False, checkpoint_every=100)
