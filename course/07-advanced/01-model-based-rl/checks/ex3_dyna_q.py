"""Check of exercise 3: the count model's sampling frequencies, then what dyna_q_episode
passes to q_learning_update on real and on simulated steps (a model that replays
known outcomes, gridworlds that end by the goal and by the time limit)."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

import gymnasium as gym
import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_between,
    expect_equal,
    expect_seeded,
    expect_true,
    get_function,
)
from rlcourse.agents import tabular
from rlcourse.envs import GRIDWORLD_ID

Step = tuple[int, int, float, int, bool]


def check_model(model_class: Callable[[], Any]) -> None:
    model = model_class()
    for _ in range(3):
        model.record(0, 1, 1.0, 5, False)
    model.record(0, 1, -1.0, 6, True)
    model.record(2, 0, 0.0, 3, False)
    rng = np.random.default_rng(73)
    draws = [tuple(model.sample(rng)) for _ in range(4000)]
    first_pair = [d for d in draws if d[:2] == (0, 1)]
    share = len(first_pair) / len(draws)
    expect_between(
        share,
        0.46,
        0.54,
        "share of samples from (state 0, action 1), recorded 4 times, against (2, 0), "
        "recorded once (pairs are drawn uniformly among those tried, not by their counts)",
    )
    common = sum(d[2:] == (1.0, 5, False) for d in first_pair) / max(len(first_pair), 1)
    expect_between(
        common,
        0.71,
        0.79,
        "share of (reward 1, next state 5, not ended) among the samples of (0, 1), seen 3 "
        "times in 4: outcomes are drawn with probability count / total",
    )
    expect_equal(
        sorted({d for d in draws}),
        sorted({(0, 1, 1.0, 5, False), (0, 1, -1.0, 6, True), (2, 0, 0.0, 3, False)}),
        "the distinct samples (s, a, r, s', ended)",
    )

    def samples(seed: int) -> list[tuple[Any, ...]]:
        generator = np.random.default_rng(seed)
        return [tuple(model.sample(generator)) for _ in range(20)]

    expect_seeded(samples, "CountModel.sample")


class ReplayingModel:
    """A stand-in model: records what it is told, replays a fixed list of steps."""

    def __init__(self, replay: list[Step]) -> None:
        self.recorded: list[Step] = []
        self.replay = replay
        self.samples = 0

    def record(self, state: int, action: int, reward: float, nxt: int, ended: bool) -> None:
        self.recorded.append((int(state), int(action), float(reward), int(nxt), bool(ended)))

    def sample(self, rng: np.random.Generator) -> Step:
        self.samples += 1
        return self.replay[(self.samples - 1) % len(self.replay)]


@contextmanager
def update_calls(module: ModuleType) -> Iterator[list[Step]]:
    """(s, a, r, s', terminated) of each call to q_learning_update, however it is called."""
    calls: list[Step] = []
    original = tabular.q_learning_update
    signature = inspect.signature(original)

    def recording(*args: Any, **kwargs: Any) -> float:
        bound = signature.bind(*args, **kwargs).arguments
        calls.append(
            (
                int(bound["state"]),
                int(bound["action"]),
                float(bound["reward"]),
                int(bound["next_state"]),
                bool(bound["terminated"]),
            )
        )
        return original(*args, **kwargs)

    if not hasattr(module, "q_learning_update"):
        raise CheckFailed("use rlcourse.agents.tabular.q_learning_update for every update")
    setattr(module, "q_learning_update", recording)  # noqa: B010 (a module's global)
    try:
        yield calls
    finally:
        setattr(module, "q_learning_update", original)  # noqa: B010


def check_episode(module: ModuleType, episode: Callable[..., Any]) -> None:
    replay: list[Step] = [(0, 1, 1.0, 2, True), (3, 2, 0.5, 4, False)]
    cases = {  # name -> (layout, time limit)
        "a corridor to the goal": (("S...G",), 500),
        "a goal out of reach in 6 steps": (("S.#......G",), 6),
    }
    for name, (layout, limit) in cases.items():
        env = gym.make(GRIDWORLD_ID, max_episode_steps=limit, layout=layout, step_cost=0.1)
        env.reset(seed=0)
        q = np.zeros((len(layout[0]), 4))
        model = ReplayingModel(replay)
        act_rng, plan_rng = np.random.default_rng(1), np.random.default_rng(2)
        with update_calls(module) as calls:
            steps = int(episode(env, q, model, 3, 0.5, 0.9, 0.3, act_rng, plan_rng))
        real = model.recorded
        expect_equal(steps, len(real), f"{name}: steps returned, against real steps recorded")
        expect_equal(model.samples, 3 * steps, f"{name}: model.sample calls with 3 planning steps")
        expect_equal(len(calls), 4 * steps, f"{name}: q_learning_update calls (1 real + 3 planned)")
        for t, step in enumerate(real):
            state, action, reward, nxt, ended = step
            outcome = env.unwrapped.P[state][action][0]  # type: ignore[attr-defined]
            expect_equal(
                (nxt, reward, ended),
                (outcome[1], outcome[2], outcome[3]),
                f"{name}, real step {t}: model.record(s, a, r, s', terminated) for s = {state}, "
                f"a = {action}",
            )
            got = calls[4 * t]
            if got[:4] == step[:4] and got[4] != ended:
                raise CheckFailed(
                    f"{name}, real step {t}: q_learning_update got terminated={got[4]}, the "
                    f"environment said terminated={ended}; a time limit (truncated) is not "
                    "the end of the task, so pass terminated only"
                )
            expect_equal(got, step, f"{name}, real step {t}: the real q_learning_update")
            for k in range(3):
                simulated = replay[(3 * t + k) % len(replay)]
                expect_equal(
                    calls[4 * t + 1 + k],
                    simulated,
                    f"{name}, real step {t}: planning update {k + 1} (s, a, r, s', ended), "
                    "on the step model.sample returned, after the real update and the record",
                )
        expect_true(
            any(step[4] for step in real) == (limit > 10),
            f"{name}: the episode should end "
            + ("at the goal" if limit > 10 else "by the time limit"),
        )


def check(module: ModuleType) -> None:
    check_model(get_function(module, "CountModel"))
    check_episode(module, get_function(module, "dyna_q_episode"))
