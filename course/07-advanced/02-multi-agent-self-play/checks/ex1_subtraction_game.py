"""Check of exercise 1: the rules on seeded random games, compared with a reference
computed here, then PettingZoo's api_test."""

from __future__ import annotations

import warnings
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import CheckFailed, expect_array_equal, expect_equal, random_cases


def run_api_test(game_class: Any) -> None:
    from pettingzoo.test import api_test  # imported here: importing it warns about old APIs

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            api_test(game_class(pile=7, max_take=3), num_cycles=50)
        except (AssertionError, KeyError, ValueError) as error:
            raise CheckFailed(f"pettingzoo.test.api_test failed: {error!r}") from None
    if caught:
        raise CheckFailed(f"pettingzoo.test.api_test warned: {caught[0].message}")


def play_random_game(game: Any, rng: np.random.Generator, pile: int, max_take: int) -> None:
    """Plays legal random moves and compares every step with the rules."""
    game.reset()
    left, turn = pile, 0
    while left > 0:
        mover, other = f"player_{turn}", f"player_{1 - turn}"
        expect_equal(game.agent_selection, mover, f"pile {left}: agent_selection")
        take = int(rng.integers(1, min(max_take, left) + 1))
        game.step(take - 1)
        left -= take
        mask = (np.arange(1, max_take + 1) <= left).astype(np.int8)
        for agent in (mover, other):
            expect_array_equal(
                np.asarray(game.infos[agent]["action_mask"]),
                mask,
                f"after taking {take} ({left} left): infos['{agent}']['action_mask']",
            )
        expect_array_equal(
            np.asarray(game.observe(other)),
            np.eye(pile + 1, dtype=np.int8)[left],
            f"after taking {take}: observation (one-hot of {left})",
        )
        turn = 1 - turn
    loser, winner = f"player_{1 - turn}", f"player_{turn}"  # the last mover lost
    expect_equal(
        dict(game.terminations),
        {loser: True, winner: True},
        "terminations after the last object is taken",
    )
    for agent, expected in ((winner, 1.0), (loser, -1.0)):
        if game.agent_selection != agent:
            raise CheckFailed(
                f"after the game, agent_selection should be {agent}, got {game.agent_selection}"
            )
        reward = float(game.last()[1])
        if reward == -expected:
            raise CheckFailed(
                f"{agent} got {reward:+.0f}: in this game the player who takes the last object "
                "loses (-1), and the other wins (+1)"
            )
        expect_equal(reward, expected, f"last() reward of {agent} at the end")
        game.step(None)


def check(module: ModuleType) -> None:
    game_class = getattr(module, "SubtractionGame", None)
    if game_class is None:
        raise CheckFailed(
            "your file defines no `SubtractionGame`: keep the class name from the stub"
        )
    cases = random_cases(72, 12, lambda rng: (int(rng.integers(4, 13)), int(rng.integers(2, 5))))
    rng = np.random.default_rng(720)
    for pile, max_take in cases:
        play_random_game(game_class(pile=pile, max_take=max_take), rng, pile, max_take)
    game = game_class(pile=2, max_take=3)
    game.reset()
    try:
        game.step(2)  # takes 3 of 2
    except ValueError:
        run_api_test(game_class)  # the rules hold: now PettingZoo's own test of the API
        return
    raise CheckFailed(
        "step(2) with 2 objects left takes 3: it should raise ValueError (illegal action)"
    )
