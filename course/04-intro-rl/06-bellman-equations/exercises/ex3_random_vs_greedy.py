"""Exercise 3: a random and a greedy policy on FrozenLake, exactly and by sampling.

Fill in the two functions, then run this file and `rlcourse check 4.6`.
"""

from __future__ import annotations

from typing import Any

import gymnasium as gym
import torch
from gymnasium.envs.toy_text.frozen_lake import FrozenLakeEnv

from rlcourse.dp import action_values, solve_policy_values
from rlcourse.mdp import tabular_mdp

TIE_TOLERANCE = 1e-9


def greedy_policy(q_values: torch.Tensor) -> torch.Tensor:
    """The greedy policy of q_values (S, A), as a float64 table (S, A) that shares the
    probability equally among tied actions: 1/k for each of the k actions whose value is
    within TIE_TOLERANCE of the row's maximum, 0 for the others."""
    raise NotImplementedError("greedy_policy")


def sampled_value(
    env: gym.Env[Any, Any], policy: torch.Tensor, episodes: int, gamma: float, seed: int
) -> tuple[float, float]:
    """The mean discounted return G_0 = sum_t gamma^t R_{t+1} of ``episodes`` episodes
    that start at env.reset() and draw each action from policy[s] (S, A), and the
    standard error of that mean, s / sqrt(n).

    Seed env.reset(seed=seed) and env.action_space.seed(seed) once, and draw the actions
    with a generator np.random.default_rng(seed). An episode ends when the environment
    reports terminated or truncated.
    """
    raise NotImplementedError("sampled_value")


if __name__ == "__main__":
    gamma = 0.99
    # The default limit of 100 steps would cut the sum where gamma^100 = 0.37 still
    # counts; with 1000 steps the missing tail is below gamma^1000 = 4e-5.
    env = gym.make("FrozenLake-v1", max_episode_steps=1000)
    lake = env.unwrapped
    assert isinstance(lake, FrozenLakeEnv)
    mdp = tabular_mdp(lake.P, 16, 4)
    random_policy = torch.full((16, 4), 0.25, dtype=torch.float64)
    v_random = solve_policy_values(mdp, random_policy, gamma)
    greedy = greedy_policy(action_values(mdp, v_random, gamma))
    v_greedy = solve_policy_values(mdp, greedy, gamma)
    for name, policy, values in (("random", random_policy, v_random), ("greedy", greedy, v_greedy)):
        mean, error = sampled_value(env, policy, 2000, gamma, seed=0)
        print(f"{name}: v(start) = {float(values[0]):.4f}, sampled {mean:.4f} ± {error:.4f}")
    print(f"greedy >= random in all 16 states: {bool(torch.all(v_greedy >= v_random - 1e-12))}")
    shared = torch.nonzero(greedy.max(dim=1).values < 1).flatten().tolist()
    print(f"states where greedy shares its probability (holes and goal included): {shared}")
