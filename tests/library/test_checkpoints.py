import io
import random
from pathlib import Path

import gymnasium as gym
import numpy as np
import pytest
import torch

from rlcourse.checkpoints import (
    CheckpointError,
    load_checkpoint,
    random_states,
    restore_random_states,
    save_checkpoint,
)


def test_round_trip_keeps_tensors_and_plain_data(tmp_path: Path) -> None:
    path = tmp_path / "run" / "checkpoint.pt"
    weights = {"layer.weight": torch.randn(3, 2)}
    save_checkpoint({"network": weights, "step": 41, "returns": [1.0, 2.5]}, path)
    state = load_checkpoint(path)
    assert torch.equal(state["network"]["layer.weight"], weights["layer.weight"])
    assert state["step"] == 41
    assert state["returns"] == [1.0, 2.5]
    assert not path.with_name("checkpoint.pt.tmp").exists()


def test_a_failed_write_leaves_the_previous_checkpoint(tmp_path: Path) -> None:
    path = tmp_path / "checkpoint.pt"
    save_checkpoint({"step": 1}, path)

    class Unsaveable:
        def __reduce__(self) -> tuple[object, ...]:
            raise RuntimeError("simulated crash while writing")

    with pytest.raises(RuntimeError, match="simulated crash"):
        save_checkpoint({"step": 2, "broken": Unsaveable()}, path)
    assert load_checkpoint(path)["step"] == 1


def test_a_pickled_object_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "evil.pt"
    # torch.save pickles whatever it is given; weights_only loading must refuse the object.
    torch.save({"step": 3, "payload": io.StringIO("not a tensor")}, path)
    with pytest.raises(CheckpointError, match="pickled Python object"):
        load_checkpoint(path)


def test_missing_and_damaged_files_are_named(tmp_path: Path) -> None:
    with pytest.raises(CheckpointError, match="no checkpoint at"):
        load_checkpoint(tmp_path / "absent.pt")
    damaged = tmp_path / "damaged.pt"
    save_checkpoint({"weights": torch.zeros(1000)}, damaged)
    damaged.write_bytes(damaged.read_bytes()[:100])
    with pytest.raises(CheckpointError, match="damaged"):
        load_checkpoint(damaged)


def _draws(rng: np.random.Generator, env: gym.Env[np.ndarray, np.int64]) -> list[float]:
    observation, _ = env.reset()
    return [
        torch.rand(1).item(),
        random.random(),
        float(np.random.random()),
        float(rng.random()),
        float(observation[0]),
        float(env.action_space.sample()),
    ]


def test_restored_generators_repeat_the_same_draws(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    env = gym.make("CartPole-v1")
    env.reset(seed=5)
    env.action_space.seed(5)
    generators = {
        "agent": rng,
        "env": env.unwrapped.np_random,
        "actions": env.action_space.np_random,
    }
    save_checkpoint({"random": random_states(generators)}, tmp_path / "c.pt")
    first = _draws(rng, env)
    assert _draws(rng, env) != first  # the generators moved on

    restore_random_states(load_checkpoint(tmp_path / "c.pt")["random"], generators)
    assert _draws(rng, env) == first


def test_a_generator_the_checkpoint_lacks_is_named() -> None:
    states = random_states({"agent": np.random.default_rng(0)})
    with pytest.raises(CheckpointError, match="env"):
        restore_random_states(states, {"env": np.random.default_rng(1)})
