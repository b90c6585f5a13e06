"""The random-walk chain (Part 4.5, Monte Carlo and TD learning, introduces it).

A row of ``n_states`` non-terminal states between two terminal ends::

    [L]  A  B  C  D  E  [R]        n_states = 5: observations 0 .. 6
     0   1  2  3  4  5   6

Every episode starts in the middle state. Action 0 moves one state left, action 1 one
state right, always successfully. Stepping into the right end pays ``right_reward``,
into the left end ``left_reward``; every other step pays 0. Both ends terminate the
episode.

Played with the uniform random policy (left or right with probability 1/2 each), the
chain is the classic test bed for value prediction because its true values are known
in closed form: with discount 1, V(s) satisfies V(s) = (V(s - 1) + V(s + 1)) / 2, so
it is a straight line between the two end rewards (:func:`true_values`). With the
defaults, V = 1/6, 2/6, ..., 5/6 for A..E: the probability of leaving on the right.

Like :class:`rlcourse.envs.gridworld.GridWorldEnv`, the environment exposes its model
as ``env.P[state][action]``, a list of ``(probability, next_state, reward,
terminated)`` tuples, so :mod:`rlcourse.dp` can compute the same values exactly.
"""

from __future__ import annotations

from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces

from rlcourse.mdp import ToyTextOutcome

LEFT, RIGHT = 0, 1


# Env[Any, Any]: Gymnasium types Discrete spaces as holding np.int64, while reset() and
# step() return plain ints, as its toy-text environments do (see GridWorldEnv).
class RandomWalkEnv(gym.Env[Any, Any]):
    """A chain of ``n_states`` states between two terminal ends; actions 0 left, 1 right."""

    metadata = {"render_modes": ["ansi"], "render_fps": 4}  # noqa: RUF012

    def __init__(
        self,
        n_states: int = 5,
        left_reward: float = 0.0,
        right_reward: float = 1.0,
        render_mode: str | None = None,
    ) -> None:
        if n_states < 1 or n_states % 2 == 0:
            raise ValueError(
                f"n_states must be odd and positive (one middle state), got {n_states}"
            )
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode must be one of {self.metadata['render_modes']}")
        self.n_states = n_states
        self.left_reward = left_reward
        self.right_reward = right_reward
        self.render_mode = render_mode
        self.observation_space = spaces.Discrete(n_states + 2)  # both ends included
        self.action_space = spaces.Discrete(2)
        self.start_state = (n_states + 1) // 2
        self.initial_state_distrib = np.zeros(n_states + 2)
        self.initial_state_distrib[self.start_state] = 1.0
        self.P: dict[int, dict[int, list[ToyTextOutcome]]] = {
            state: {action: [self._outcome(state, action)] for action in (LEFT, RIGHT)}
            for state in range(n_states + 2)
        }
        self.state = self.start_state

    def is_terminal(self, state: int) -> bool:
        return state in (0, self.n_states + 1)

    # --8<-- [start:model]
    def _outcome(self, state: int, action: int) -> ToyTextOutcome:
        if self.is_terminal(state):
            return (1.0, state, 0.0, True)  # absorbing: the agent never acts here
        next_state = state + (1 if action == RIGHT else -1)
        if next_state == 0:
            return (1.0, next_state, self.left_reward, True)
        if next_state == self.n_states + 1:
            return (1.0, next_state, self.right_reward, True)
        return (1.0, next_state, 0.0, False)

    # --8<-- [end:model]

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[int, dict[str, Any]]:
        super().reset(seed=seed)  # the walk itself is deterministic; the policy is random
        self.state = self.start_state
        return self.state, {}

    def step(self, action: int) -> tuple[int, float, bool, bool, dict[str, Any]]:
        _, next_state, reward, terminated = self.P[self.state][int(action)][0]
        self.state = next_state
        return next_state, reward, terminated, False, {}

    def render(self) -> str | None:
        if self.render_mode != "ansi":
            return None
        cells = [" o " if s == self.state else " . " for s in range(1, self.n_states + 1)]
        return "[L]" + "".join(cells) + "[R]\n"


def state_names(n_states: int) -> list[str]:
    """Letters for the non-terminal states, "A", "B", ... (states 1 .. n_states)."""
    if n_states > 26:
        return [f"s{s}" for s in range(1, n_states + 1)]
    return [chr(ord("A") + i) for i in range(n_states)]


def true_values(
    n_states: int = 5, left_reward: float = 0.0, right_reward: float = 1.0
) -> np.ndarray:
    """V of the uniform random policy with discount 1, shape (n_states + 2,), 0 at the ends.

    V(s) = (V(s - 1) + V(s + 1)) / 2 makes V linear in s between the end rewards:
    V(s) = left_reward + (right_reward - left_reward) * s / (n_states + 1).
    """
    states = np.arange(n_states + 2)
    values = left_reward + (right_reward - left_reward) * states / (n_states + 1)
    values[[0, -1]] = 0.0  # nothing follows a terminal state
    return values
