"""Exercise 2 of Part 7.2: self-play with ONE Q-table that plays both seats.

In a two-player zero-sum game that looks the same from either seat, what one player gains
the other loses, so one table can serve both: ``q[s, a]`` is the value of move ``a`` for
whoever is to move in position ``s``. After a move, the opponent moves from the new
position ``s'``; the best it can get there, ``max_a' q[s', a']``, is what the mover loses,
so the negamax target of the move is

    target = -(reward of the player now to move) - max over legal a' of q[s', a'],

without the max when the game has ended (``reward`` is what ``last()`` reports to the
player whose turn it now is). Write ``selfplay_episode``; ``train`` (given) calls it.
"""

from __future__ import annotations

import numpy as np
from gymnasium.spaces import Box, Discrete
from pettingzoo import AECEnv


def epsilon_greedy(
    q_row: np.ndarray, mask: np.ndarray, epsilon: float, rng: np.random.Generator
) -> int:
    """Given: a random legal action with probability epsilon, else a legal action of
    highest Q (ties broken at random)."""
    legal = np.flatnonzero(mask)
    if rng.random() < epsilon:
        return int(rng.choice(legal))
    return int(rng.choice(legal[q_row[legal] == q_row[legal].max()]))


def selfplay_episode(
    env: AECEnv[str, np.ndarray, int | None],
    q: np.ndarray,
    alpha: float,
    epsilon: float,
    rng: np.random.Generator,
) -> None:
    """Play one game in which both seats choose with ``epsilon_greedy`` on the same table
    ``q`` (rows: the observation's one-hot index, ``observation.argmax()``), updating each
    move once, with step size ``alpha``, when the next player's ``last()`` comes."""
    env.reset()
    previous: tuple[int, int] | None = None  # (state, action) of the move not yet updated
    for _agent in env.agent_iter():
        observation, reward, terminated, truncated, info = env.last()
        assert observation is not None  # last() observes unless told observe=False
        state = int(observation.argmax())
        if previous is not None:
            legal = np.flatnonzero(info["action_mask"])
            target = -reward - (0.0 if terminated else q[state, legal].max())
            last_state, last_action = previous
            q[last_state, last_action] += alpha * (target - q[last_state, last_action])
            previous = None  # each move is updated once
        if terminated or truncated:
            env.step(None)
            continue
        action = epsilon_greedy(q[state], info["action_mask"], epsilon, rng)
        previous = (state, action)
        env.step(action)


def train(
    env: AECEnv[str, np.ndarray, int | None],
    episodes: int,
    seed: int,
    alpha: float = 0.5,
    epsilon: float = 0.2,
) -> np.ndarray:
    """Given: a table of zeros, (observation size, actions), trained by ``episodes`` games."""
    agent = env.possible_agents[0]
    observations, actions = env.observation_space(agent), env.action_space(agent)
    if not isinstance(observations, Box) or not isinstance(actions, Discrete):
        raise ValueError("train needs one-hot Box observations and Discrete actions")
    q = np.zeros((observations.shape[0], int(actions.n)))
    rng = np.random.default_rng(seed)
    for _ in range(episodes):
        selfplay_episode(env, q, alpha, epsilon, rng)
    return q


if __name__ == "__main__":
    from ex1_subtraction_game import SubtractionGame  # your environment of Exercise 1

    pile, max_take = 13, 3
    q = train(SubtractionGame(pile, max_take), episodes=3000, seed=0)
    for left in range(1, pile + 1):
        legal = np.arange(min(max_take, left))
        best = int(legal[q[left, legal].argmax()]) + 1
        print(f"{left:2d} left: take {best}, value {q[left, best - 1]:+.2f}")
