"""Check of exercise 3: train_and_evaluate trains one DQN per seed on the environment it is
given and scores each on held-out episodes, as the check records the library calls."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

import gymnasium as gym
import numpy as np

from coursetools.check_helpers import expect_close, expect_equal, expect_true, get_function
from rlcourse.agents.dqn import DQNConfig

EVAL_SEED_OFFSET = 10_000
ENV_ID = "check62/Walk-v0"
LIMIT = 10


class Walk(gym.Env[np.ndarray, np.int64]):
    """Two actions nudge a point left or right; the reward is its position; 10 steps."""

    metadata = {"render_modes": []}  # noqa: RUF012 (Gymnasium reads it from the class)

    def __init__(self) -> None:
        self.observation_space = gym.spaces.Box(-100.0, 100.0, shape=(2,), dtype=np.float32)
        self.action_space = gym.spaces.Discrete(2)
        self.x = 0.0

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[np.ndarray, dict[str, Any]]:
        super().reset(seed=seed)
        self.x = float(self.np_random.uniform(-1, 1))
        return np.array([self.x, 1.0], dtype=np.float32), {}

    def step(self, action: np.int64 | int) -> tuple[np.ndarray, float, bool, bool, dict[str, Any]]:
        self.x += 0.5 if int(action) == 1 else -0.5
        return np.array([self.x, 1.0], dtype=np.float32), self.x, False, False, {}


def make_walk(**settings: Any) -> Walk:
    """What gym.make calls: gym.register wants a function of keyword arguments."""
    return Walk(**settings)


@contextmanager
def recorded(module: ModuleType, name: str) -> Iterator[list[dict[str, Any]]]:
    """Every call of the library function ``name`` as the learner's module calls it, with
    its arguments by parameter name, and what it returned."""
    original: Callable[..., Any] = get_function(module, name)
    signature = inspect.signature(original)
    calls: list[dict[str, Any]] = []

    def recording(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        calls.append(dict(bound.arguments))  # recorded before the call, which may fail
        calls[-1]["result"] = original(*args, **kwargs)
        return calls[-1]["result"]

    setattr(module, name, recording)
    try:
        yield calls
    finally:
        setattr(module, name, original)


def check_environments(trained: list[dict[str, Any]]) -> None:
    expect_equal(
        [call["config"].env_id for call in trained],
        [ENV_ID] * len(trained),
        "the env_id of each config given to train_dqn; replace settings.env_id with the "
        "env_id argument (dataclasses.replace)",
    )


def check(module: ModuleType) -> None:
    if ENV_ID not in gym.registry:
        gym.register(ENV_ID, make_walk, max_episode_steps=LIMIT)
    train_and_evaluate = get_function(module, "train_and_evaluate")
    settings = DQNConfig(
        total_steps=120, learning_starts=40, batch_size=8, hidden_sizes=(8,), buffer_size=200
    )
    seeds, episodes = (3, 7), 4
    with recorded(module, "train_dqn") as trained, recorded(module, "evaluate") as evaluated:
        try:
            scores = train_and_evaluate(settings, ENV_ID, seeds, episodes)
        finally:  # a network trained on the wrong environment fails later: say why first
            check_environments(trained)
    expect_equal(len(trained), len(seeds), "how many times train_dqn was called (once per seed)")
    expect_equal(
        [call["config"].total_steps for call in trained],
        [settings.total_steps] * len(seeds),
        "total_steps of each config given to train_dqn (keep the settings' other fields)",
    )
    expect_equal(
        sorted(call["seed"] for call in trained), list(seeds), "the seeds train_dqn was given"
    )
    expect_equal(len(evaluated), len(seeds), "how many times evaluate was called")
    held_out = sorted(call["seed"] for call in evaluated)
    expect_true(
        held_out == [EVAL_SEED_OFFSET + seed for seed in seeds],
        f"evaluate was given seeds {held_out}, expected EVAL_SEED_OFFSET + seed "
        f"{[EVAL_SEED_OFFSET + s for s in seeds]}: held-out starts, not the training seeds",
    )
    expect_equal(
        [call["episodes"] for call in evaluated], [episodes] * len(seeds), "evaluate's episodes"
    )
    expect_equal(sorted(scores), list(seeds), "the keys of the returned dict (the seeds)")
    for call in evaluated:
        seed = call["seed"] - EVAL_SEED_OFFSET
        expect_close(
            np.array(scores.get(seed, [])),
            np.array(call["result"]),
            f"scores[{seed}]: expected the returns evaluate gave for that seed",
        )
