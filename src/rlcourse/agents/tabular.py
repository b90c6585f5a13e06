"""Tabular Q-learning and SARSA on NumPy Q-tables (Part 4.4 introduces them).

A Q-table is a float64 array of shape (n_states, n_actions): ``q[s, a]`` estimates the
return of taking action ``a`` in state ``s`` and acting well afterwards. The updates
touch one entry per environment step, so the table lives in NumPy: updating a single
element of a NumPy array is several times cheaper than the same PyTorch tensor
operation, and nothing here needs gradients. PyTorch takes over when a network replaces
the table (Module 5).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import gymnasium as gym
import numpy as np
import numpy.typing as npt
from gymnasium.spaces import Discrete
from tqdm import tqdm

from rlcourse.schedules import Schedule

Algorithm = Literal["q_learning", "sarsa"]


@dataclass(frozen=True)
class EpisodeStats:
    total_reward: float
    length: int


@dataclass(frozen=True)
class TrainingHistory:
    returns: list[float]  # undiscounted return of each training episode
    lengths: list[int]  # steps of each training episode

    @property
    def total_steps(self) -> int:
        return sum(self.lengths)


# --8<-- [start:q_table]
def table_shape(env: gym.Env[Any, Any]) -> tuple[int, int]:
    """(n_states, n_actions) of an environment whose spaces are both Discrete."""
    observation_space, action_space = env.observation_space, env.action_space
    # The spaces are typed as the generic Space; isinstance narrows them so .n exists.
    if not isinstance(observation_space, Discrete) or not isinstance(action_space, Discrete):
        raise TypeError(
            "a Q-table needs Discrete observation and action spaces, got "
            f"{observation_space} and {action_space}"
        )
    return int(observation_space.n), int(action_space.n)


def make_q_table(env: gym.Env[Any, Any], initial_value: float = 0.0) -> np.ndarray:
    """A Q-table of shape (n_states, n_actions), every entry ``initial_value``."""
    return np.full(table_shape(env), initial_value, dtype=np.float64)


# --8<-- [end:q_table]


# --8<-- [start:policies]
def epsilon_greedy_action(q_row: np.ndarray, epsilon: float, rng: np.random.Generator) -> int:
    """With probability epsilon a uniformly random action, otherwise a greedy one.

    ``q_row`` is q[s], shape (n_actions,). Ties between greedy actions are broken at
    random: with a table of zeros, argmax alone would always pick action 0.
    """
    if rng.random() < epsilon:
        return int(rng.integers(len(q_row)))
    best = np.flatnonzero(q_row == q_row.max())
    return int(rng.choice(best))


def greedy_actions(q: npt.ArrayLike) -> np.ndarray:
    """argmax_a q[s, a] for every state, shape (n_states,); ties go to the lowest action.

    ``q`` is a Q-table, or the (S, A) action values of :mod:`rlcourse.dp` (a tensor).
    """
    return np.asarray(q).argmax(axis=1)


def epsilon_greedy_probabilities(q: np.ndarray, epsilon: float) -> np.ndarray:
    """pi(a|s) of :func:`epsilon_greedy_action` for every state, shape (n_states, n_actions).

    epsilon / n_actions on every action, plus (1 - epsilon) shared by the greedy ones.
    """
    n_actions = q.shape[1]
    is_best = q == q.max(axis=1, keepdims=True)
    greedy_share = is_best / is_best.sum(axis=1, keepdims=True)
    return epsilon / n_actions + (1.0 - epsilon) * greedy_share


# --8<-- [end:policies]


# --8<-- [start:q_learning_update]
def q_learning_update(
    q: np.ndarray,
    state: int,
    action: int,
    reward: float,
    next_state: int,
    terminated: bool,
    alpha: float,
    gamma: float,
) -> float:
    """One Q-learning step on ``q`` in place; returns the TD error.

    target = r + gamma * max_a' Q(s', a'), or just r when s' is terminal.
    Q(s, a) <- Q(s, a) + alpha * (target - Q(s, a)).
    """
    future = 0.0 if terminated else gamma * float(np.max(q[next_state]))
    td_error = reward + future - q[state, action]
    q[state, action] += alpha * td_error
    return float(td_error)


# --8<-- [end:q_learning_update]


# --8<-- [start:sarsa_update]
def sarsa_update(
    q: np.ndarray,
    state: int,
    action: int,
    reward: float,
    next_state: int,
    next_action: int,
    terminated: bool,
    alpha: float,
    gamma: float,
) -> float:
    """One SARSA step on ``q`` in place; returns the TD error.

    target = r + gamma * Q(s', a') with a' the action the agent will really take next,
    or just r when s' is terminal.
    """
    future = 0.0 if terminated else gamma * float(q[next_state, next_action])
    td_error = reward + future - q[state, action]
    q[state, action] += alpha * td_error
    return float(td_error)


# --8<-- [end:sarsa_update]


# --8<-- [start:q_learning_episode]
def q_learning_episode(
    env: gym.Env[Any, Any],
    q: np.ndarray,
    alpha: float,
    gamma: float,
    epsilon: float,
    rng: np.random.Generator,
) -> EpisodeStats:
    """Play one episode with an epsilon-greedy behaviour policy, updating ``q`` each step."""
    state, _ = env.reset()
    total_reward, length, done = 0.0, 0, False
    while not done:
        action = epsilon_greedy_action(q[state], epsilon, rng)
        next_state, reward, terminated, truncated, _ = env.step(action)
        q_learning_update(q, state, action, float(reward), next_state, terminated, alpha, gamma)
        state = next_state
        total_reward += float(reward)
        length += 1
        # A time limit (truncated) ends the episode, but the update above still
        # bootstrapped: only terminated removes the future value.
        done = terminated or truncated
    return EpisodeStats(total_reward, length)


# --8<-- [end:q_learning_episode]


# --8<-- [start:sarsa_episode]
def sarsa_episode(
    env: gym.Env[Any, Any],
    q: np.ndarray,
    alpha: float,
    gamma: float,
    epsilon: float,
    rng: np.random.Generator,
) -> EpisodeStats:
    """Like :func:`q_learning_episode`, but the next action is chosen before the update.

    The update then uses Q(s', a') for the a' that will actually be played.
    """
    state, _ = env.reset()
    action = epsilon_greedy_action(q[state], epsilon, rng)
    total_reward, length, done = 0.0, 0, False
    while not done:
        next_state, reward, terminated, truncated, _ = env.step(action)
        next_action = epsilon_greedy_action(q[next_state], epsilon, rng)
        sarsa_update(
            q, state, action, float(reward), next_state, next_action, terminated, alpha, gamma
        )
        state, action = next_state, next_action
        total_reward += float(reward)
        length += 1
        done = terminated or truncated
    return EpisodeStats(total_reward, length)


# --8<-- [end:sarsa_episode]

EpisodeFunction = Callable[
    [gym.Env[Any, Any], np.ndarray, float, float, float, np.random.Generator], EpisodeStats
]
EPISODE_FUNCTIONS: dict[Algorithm, EpisodeFunction] = {
    "q_learning": q_learning_episode,
    "sarsa": sarsa_episode,
}


# --8<-- [start:train]
def train(
    env: gym.Env[Any, Any],
    algorithm: Algorithm,
    episodes: int,
    alpha: float,
    gamma: float,
    epsilon: float | Schedule,
    seed: int,
    progress: bool = True,
    on_episode_end: Callable[[int, np.ndarray], None] | None = None,
) -> tuple[np.ndarray, TrainingHistory]:
    """Train a zero-initialised Q-table for ``episodes`` episodes; returns it and the history.

    ``epsilon`` is a constant or a schedule (episode index -> epsilon), such as a
    :class:`~rlcourse.schedules.LinearSchedule`. The environment
    is seeded once, on the first reset; later resets continue its random stream, and
    ``rng`` drives exploration. ``on_episode_end(episode, q)``, if given, runs after
    each episode (to record how the table evolves).
    """
    q = make_q_table(env)
    rng = np.random.default_rng(seed)
    env.reset(seed=seed)
    env.action_space.seed(seed)
    play_episode = EPISODE_FUNCTIONS[algorithm]
    returns: list[float] = []
    lengths: list[int] = []
    for episode in tqdm(range(episodes), desc=algorithm, disable=not progress, leave=False):
        episode_epsilon = epsilon(episode) if callable(epsilon) else epsilon
        stats = play_episode(env, q, alpha, gamma, episode_epsilon, rng)
        if on_episode_end is not None:
            on_episode_end(episode, q)
        returns.append(stats.total_reward)
        lengths.append(stats.length)
    return q, TrainingHistory(returns, lengths)


# --8<-- [end:train]
