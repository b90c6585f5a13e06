"""Exercise 1 of Part 7.2: a two-agent environment written with PettingZoo's AEC API.

The subtraction game: one pile of ``pile`` objects; the players take turns taking 1 to
``max_take`` objects (action ``a`` takes ``a + 1``); whoever takes the LAST object LOSES
(-1) and the other player wins (+1). Write ``step``: it must

- raise ``ValueError`` for an illegal action (more than the pile holds);
- let a finished agent leave with ``self._was_dead_step(action)``;
- set ``self._cumulative_rewards`` of the mover to 0, then this step's ``self.rewards``
  (0 for both unless the game ends), ``self.terminations`` (both True at the end) and
  each agent's ``infos[agent]["action_mask"]`` for the new pile;
- pass the turn to the other agent and call ``self._accumulate_rewards()``, so that
  ``last()`` reports what each agent received since its last move.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from gymnasium import spaces
from pettingzoo import AECEnv
from pettingzoo.test import api_test

AGENTS = ("player_0", "player_1")


class SubtractionGame(AECEnv[str, np.ndarray, int | None]):
    metadata = {"render_modes": [], "name": "subtraction_v0", "is_parallelizable": False}  # noqa: RUF012

    def __init__(self, pile: int = 10, max_take: int = 3) -> None:
        super().__init__()
        if pile < 1 or max_take < 1:
            raise ValueError(f"pile and max_take must be at least 1, got {pile} and {max_take}")
        self.start, self.max_take = pile, max_take
        self.possible_agents = list(AGENTS)
        self._observation_space = spaces.Box(0, 1, (pile + 1,), np.int8)  # one-hot pile size
        self._action_space = spaces.Discrete(max_take)
        self.pile = pile

    def observation_space(self, agent: str) -> spaces.Space[Any]:
        return self._observation_space

    def action_space(self, agent: str) -> spaces.Space[Any]:
        return self._action_space

    def observe(self, agent: str) -> np.ndarray:
        return np.eye(self.start + 1, dtype=np.int8)[self.pile]

    def legal_mask(self) -> np.ndarray:
        """(max_take,) int8: 1 where taking ``a + 1`` objects is possible."""
        return (np.arange(1, self.max_take + 1) <= self.pile).astype(np.int8)

    def reset(self, seed: int | None = None, options: dict[str, Any] | None = None) -> None:
        self.pile = self.start
        self.agents = list(self.possible_agents)
        self.rewards = dict.fromkeys(self.agents, 0.0)
        self._cumulative_rewards = dict.fromkeys(self.agents, 0.0)
        self.terminations = dict.fromkeys(self.agents, False)
        self.truncations = dict.fromkeys(self.agents, False)
        self.infos = {agent: {"action_mask": self.legal_mask()} for agent in self.agents}
        self.agent_selection = self.agents[0]

    def step(self, action: int | None) -> None:
        mover = self.agent_selection
        if self.terminations[mover] or self.truncations[mover]:
            self._was_dead_step(action)
            return
        if action is None or not 0 <= action < self.max_take or action + 1 > self.pile:
            raise ValueError(f"illegal action {action} with {self.pile} objects left")
        self.pile -= action + 1
        other = AGENTS[1 - AGENTS.index(mover)]
        self._cumulative_rewards[mover] = 0.0
        self.rewards = {mover: 0.0, other: 0.0}
        if self.pile == 0:  # the mover took the last object: it loses
            self.rewards = {mover: -1.0, other: 1.0}
            self.terminations = {mover: True, other: True}
        mask = self.legal_mask()  # for the new pile
        self.infos = {agent: {"action_mask": mask.copy()} for agent in self.agents}
        self.agent_selection = other
        self._accumulate_rewards()

    def render(self) -> None:
        return None  # nothing to draw; api_test asks every environment for render and close

    def close(self) -> None:
        pass


if __name__ == "__main__":
    api_test(SubtractionGame(pile=7, max_take=3), num_cycles=100)
    game = SubtractionGame(pile=5, max_take=3)
    game.reset()
    for move in (2, 0, 0):  # player_0 takes 3, player_1 takes 1, player_0 takes the last one
        game.step(move)
    print("terminations:", game.terminations, "rewards:", game.rewards)
