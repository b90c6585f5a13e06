"""Monte Carlo and TD(0) value prediction, and policy improvement (Part 4.5 introduces them).

Prediction estimates V^pi, the expected return of a fixed policy pi from each state,
from episodes that pi plays. The values live in a NumPy vector of shape (n_states,),
``values[s]`` estimating V^pi(s); as in :mod:`rlcourse.agents.tabular`, each update
touches single entries, which NumPy does faster than PyTorch.

A policy is an array ``policy[s, a]`` of action probabilities, shape (n_states,
n_actions), the convention of :mod:`rlcourse.mdp`, so a policy can be played here and
evaluated exactly by :mod:`rlcourse.dp`. Improving a policy is one step of lookahead,
``greedy_actions(action_values(mdp, values, gamma))``.
"""

from __future__ import annotations

from typing import Any

import gymnasium as gym
import numpy as np

from rlcourse.episodes import Episode, Step


# --8<-- [start:episodes]
def play_episode(env: gym.Env[Any, Any], policy: np.ndarray, rng: np.random.Generator) -> Episode:
    """Play one episode, drawing each action from ``policy[state]`` with ``rng``.

    Seed the environment once beforehand (``env.reset(seed=...)``); this reset
    continues its random stream.
    """
    state, _ = env.reset()
    episode: Episode = []
    done = False
    while not done:
        action = int(rng.choice(policy.shape[1], p=policy[state]))
        next_state, reward, terminated, truncated, _ = env.step(action)
        episode.append(Step(state, action, float(reward), int(next_state), terminated, truncated))
        state = next_state
        done = terminated or truncated
    return episode


# --8<-- [end:episodes]


# --8<-- [start:returns]
def discounted_returns(episode: Episode, gamma: float) -> np.ndarray:
    """G_t = R_{t+1} + gamma * G_{t+1} for t = 0 .. T-1, shape (T,), computed backwards.

    G_T = 0: a terminated episode has no reward after its last step. A truncated one
    does, but Monte Carlo cannot see it, so its last returns are cut short.
    """
    returns = np.zeros(len(episode))
    following = 0.0
    for t in reversed(range(len(episode))):
        following = episode[t].reward + gamma * following
        returns[t] = following
    return returns


# --8<-- [end:returns]


# --8<-- [start:monte_carlo]
def mc_update(
    values: np.ndarray, episode: Episode, alpha: float, gamma: float, first_visit: bool = True
) -> None:
    """Constant-alpha Monte Carlo on ``values`` in place, after the episode has ended.

    V(S_t) <- V(S_t) + alpha * (G_t - V(S_t)) for each time t, or, with
    ``first_visit``, only for the first t at which each state occurs.
    """
    returns = discounted_returns(episode, gamma)
    seen: set[int] = set()
    for step, g in zip(episode, returns, strict=True):
        if first_visit and step.state in seen:
            continue
        seen.add(step.state)
        values[step.state] += alpha * (g - values[step.state])


# --8<-- [end:monte_carlo]


# --8<-- [start:td0]
def td0_update(values: np.ndarray, step: Step, alpha: float, gamma: float) -> float:
    """One TD(0) step on ``values`` in place; returns the TD error.

    delta = R_{t+1} + gamma * V(S_{t+1}) - V(S_t), with V(S_{t+1}) taken as 0 when
    the step terminated; V(S_t) <- V(S_t) + alpha * delta.
    """
    future = 0.0 if step.terminated else gamma * values[step.next_state]
    td_error = step.reward + future - values[step.state]
    values[step.state] += alpha * td_error
    return float(td_error)


def td0_episode_update(values: np.ndarray, episode: Episode, alpha: float, gamma: float) -> None:
    """TD(0) on every step of ``episode``, in order.

    The same as updating during play: in prediction the policy does not read
    ``values``, so the order of the updates is all that matters.
    """
    for step in episode:
        td0_update(values, step, alpha, gamma)


# --8<-- [end:td0]


def rms_error(values: np.ndarray, true_values: np.ndarray, states: np.ndarray) -> float:
    """sqrt(mean over ``states`` of (V(s) - v(s))^2): one number per value estimate."""
    difference = values[states] - true_values[states]
    return float(np.sqrt(np.mean(difference**2)))


# --8<-- [start:improve]
def epsilon_soft(actions: np.ndarray, n_actions: int, epsilon: float) -> np.ndarray:
    """pi(a|s) that takes ``actions[s]`` with probability 1 - epsilon + epsilon / n_actions
    and every other action with probability epsilon / n_actions, shape (n_states, n_actions).

    Exploration keeps every state's estimate fed with episodes.
    """
    policy = np.full((len(actions), n_actions), epsilon / n_actions)
    policy[np.arange(len(actions)), actions] += 1.0 - epsilon
    return policy


# --8<-- [end:improve]
