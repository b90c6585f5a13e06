"""Check of exercise 3: the two configs differ from the base only in their switches; both
models train on every seed; the summary is a paired mean difference with a sample-std
standard error. A fake ``train`` with known scores stands in for hours of training."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_type,
    get_function,
)
from rlcourse.agents.dqn import DQNConfig

SWITCHES = {"Double DQN": (True, False), "Dueling DQN": (False, True)}


def check_configs(model_configs: Callable[..., Any]) -> None:
    for base in (DQNConfig(total_steps=1234), DQNConfig(double_dqn=True, dueling=True, gamma=0.9)):
        configs = expect_type(model_configs(base), dict, "model_configs(base)")
        expect_equal(sorted(configs), sorted(SWITCHES), "the names model_configs returns")
        for name, (double, dueling) in SWITCHES.items():
            config = expect_type(configs[name], DQNConfig, f"model_configs(base)[{name!r}]")
            got = (config.double_dqn, config.dueling)
            if got != (double, dueling):
                raise CheckFailed(
                    f"{name} has double_dqn={got[0]}, dueling={got[1]}, from a base with "
                    f"double_dqn={base.double_dqn}, dueling={base.dueling}: set both "
                    f"switches, ({double}, {dueling}), whatever the base has"
                )
            plain = dataclasses.replace(config, double_dqn=base.double_dqn, dueling=base.dueling)
            expect_equal(plain, base, f"{name}'s other fields (they must be the base's)")


def fake_scores(seeds: list[int]) -> dict[tuple[bool, bool, int], float]:
    rng = np.random.default_rng(sum(seeds))
    return {
        (double, dueling, seed): float(rng.normal(150, 60))
        for double, dueling in SWITCHES.values()
        for seed in seeds
    }


class FakeTrain:
    """Stands in for training: returns known scores and records every (switches, seed)."""

    def __init__(self, seeds: list[int]) -> None:
        self.seeds = seeds
        self.known = fake_scores(seeds)
        self.calls: list[tuple[bool, bool, int]] = []

    def __call__(self, config: DQNConfig, seed: int) -> float:
        key = (config.double_dqn, config.dueling, seed)
        if key not in self.known:
            raise CheckFailed(
                f"train was called with double_dqn={key[0]}, dueling={key[1]}, seed={seed}: "
                f"expected one of the two models and a seed of {self.seeds}"
            )
        self.calls.append(key)
        return self.known[key]


def check_compare(compare: Callable[..., Any]) -> None:
    base = DQNConfig(total_steps=777)
    for seeds in ([0, 1, 2], [5, 9, 2, 7]):
        train = FakeTrain(seeds)
        result = compare(train, base, seeds)
        known = train.known
        expect_equal(
            sorted(train.calls),
            sorted(known),
            f"the (double_dqn, dueling, seed) runs for seeds {seeds}",
        )
        double = np.array([known[(True, False, seed)] for seed in seeds])
        dueling = np.array([known[(False, True, seed)] for seed in seeds])
        for name, expected in (("Double DQN", double), ("Dueling DQN", dueling)):
            expect_close(np.array(result.scores[name]), expected, f"scores[{name!r}], per seed")
        differences = dueling - double
        n = len(seeds)
        if np.isclose(result.mean_difference, -differences.mean()) and differences.mean() != 0:
            raise CheckFailed("mean_difference has the wrong sign: Dueling minus Double")
        expect_close(result.mean_difference, differences.mean(), "mean_difference")
        expected_error = differences.std(ddof=1) / np.sqrt(n)
        unpaired = np.sqrt(double.var(ddof=1) / n + dueling.var(ddof=1) / n)
        if np.isclose(result.standard_error, unpaired) and not np.isclose(unpaired, expected_error):
            raise CheckFailed(
                f"standard_error {result.standard_error:.3f} treats the models as unpaired; "
                "both ran on the same seeds, so take the standard error of the per-seed "
                f"differences, {expected_error:.3f}"
            )
        if np.isclose(result.standard_error, differences.std(ddof=0) / np.sqrt(n)):
            raise CheckFailed(
                "standard_error uses the population std (ddof=0) of the differences; a "
                "standard error uses the sample std (ddof=1)"
            )
        expect_close(result.standard_error, expected_error, "standard_error of the difference")


def check(module: ModuleType) -> None:
    check_configs(get_function(module, "model_configs"))
    check_compare(get_function(module, "compare"))
