"""Nim for two players, written with PettingZoo's AEC API (Part 7.2).

Four piles of 1, 3, 5 and 7 objects. The players take turns; a move takes between 1 and
all of the objects of one pile. Whoever takes the last object wins (+1) and the other
loses (-1). Someone always takes the last object, so Nim has no draws.

Action ``a`` takes ``a % MAX_PILE + 1`` objects from pile ``a // MAX_PILE``. Each agent
observes the piles one-hot, ``obs[i, k] = 1`` when pile ``i`` holds ``k`` objects (the
same array for both: the game looks the same from either seat), and finds the legal
actions in ``infos[agent]["action_mask"]``, as PettingZoo's classic games do.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from gymnasium import spaces
from pettingzoo import AECEnv

START = (1, 3, 5, 7)  # the classic starting piles
MAX_PILE = max(START)
N_ACTIONS = len(START) * MAX_PILE  # (pile, count) pairs, legal or not
AGENTS = ("player_0", "player_1")  # player_0 moves first


# --8<-- [start:rules]
def legal_mask(piles: np.ndarray) -> np.ndarray:
    """(N_ACTIONS,) int8: 1 where action ``pile * MAX_PILE + count - 1`` takes at most
    what the pile holds."""
    counts = np.arange(1, MAX_PILE + 1)  # (MAX_PILE,)
    return (counts[None, :] <= piles[:, None]).astype(np.int8).reshape(-1)


def one_hot(piles: np.ndarray) -> np.ndarray:
    """(len(START), MAX_PILE + 1) int8 observation of the pile sizes; never all zeros, even
    when the piles are empty, so a network always sees which position it is in."""
    return np.eye(MAX_PILE + 1, dtype=np.int8)[piles]


def decode(action: int) -> tuple[int, int]:
    """The (pile, count) an action takes."""
    return action // MAX_PILE, action % MAX_PILE + 1


# --8<-- [end:rules]


class NimEnv(AECEnv[str, np.ndarray, int | None]):  # None: the step of a finished agent
    # PettingZoo reads metadata from the class.
    metadata = {"render_modes": ["ansi"], "name": "nim_v0", "is_parallelizable": False}  # noqa: RUF012

    def __init__(self, render_mode: str | None = None) -> None:
        super().__init__()
        if render_mode not in (None, "ansi"):
            raise ValueError(f"render_mode must be None or 'ansi', got {render_mode!r}")
        self.render_mode = render_mode
        self.possible_agents = list(AGENTS)
        # One space object per agent, returned every time (api_test checks identity).
        self._observation_space = spaces.Box(0, 1, (len(START), MAX_PILE + 1), np.int8)
        self._action_space = spaces.Discrete(N_ACTIONS)
        self.piles = np.array(START, dtype=np.int64)

    def observation_space(self, agent: str) -> spaces.Space[Any]:
        return self._observation_space

    def action_space(self, agent: str) -> spaces.Space[Any]:
        return self._action_space

    def observe(self, agent: str) -> np.ndarray:
        return one_hot(self.piles)

    # --8<-- [start:reset]
    def reset(self, seed: int | None = None, options: dict[str, Any] | None = None) -> None:
        # Nim has no randomness: the seed is accepted for the API and changes nothing.
        self.piles = np.array(START, dtype=np.int64)
        self.agents = list(self.possible_agents)
        self.rewards = dict.fromkeys(self.agents, 0.0)
        self._cumulative_rewards = dict.fromkeys(self.agents, 0.0)
        self.terminations = dict.fromkeys(self.agents, False)
        self.truncations = dict.fromkeys(self.agents, False)
        self.infos = {agent: {"action_mask": legal_mask(self.piles)} for agent in self.agents}
        self.agent_selection = self.agents[0]

    # --8<-- [end:reset]

    # --8<-- [start:step]
    def step(self, action: int | None) -> None:
        mover = self.agent_selection
        if self.terminations[mover] or self.truncations[mover]:
            self._was_dead_step(action)  # the game is over: this agent leaves
            return
        if action is None or not self.infos[mover]["action_mask"][action]:
            raise ValueError(f"illegal action {action} for piles {self.piles.tolist()}")
        pile, count = decode(int(action))
        self.piles[pile] -= count
        other = AGENTS[1 - AGENTS.index(mover)]
        self._cumulative_rewards[mover] = 0.0  # last() reports what came since its last move
        self.rewards = dict.fromkeys(self.agents, 0.0)
        if self.piles.sum() == 0:  # the mover took the last object
            self.rewards = {mover: 1.0, other: -1.0}
            self.terminations = dict.fromkeys(self.agents, True)
        mask = legal_mask(self.piles)
        self.infos = {agent: {"action_mask": mask.copy()} for agent in self.agents}
        self.agent_selection = other
        self._accumulate_rewards()  # add this step's rewards to what last() reports

    # --8<-- [end:step]

    def render(self) -> str | None:
        if self.render_mode != "ansi":
            return None
        return "  ".join(f"{size}:{'|' * int(size):<{MAX_PILE}}" for size in self.piles)

    def close(self) -> None:
        pass
