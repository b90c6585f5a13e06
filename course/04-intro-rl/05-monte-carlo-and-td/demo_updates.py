"""Demo 1: one Monte Carlo update and one episode of TD(0) updates on the random walk."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import numpy as np
import tyro

from rlcourse.agents.prediction import mc_update, play_episode, td0_episode_update
from rlcourse.dp import solve_policy_values
from rlcourse.envs import RANDOM_WALK_ID
from rlcourse.envs.random_walk import RandomWalkEnv, state_names, true_values
from rlcourse.episodes import Episode
from rlcourse.mdp import tabular_mdp, uniform_policy
from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    alpha: float = 0.02  # the same step size for both methods
    initial_value: float = 0.5  # V(s) before any episode, every non-terminal state
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    dp_closed_form_difference: float  # max |V from rlcourse.dp - closed form|
    first_episode_steps: int
    first_episode_return: float
    mc_after_first: list[float]  # V(A) .. V(E) after one MC update
    td_after_first: list[float]  # V(A) .. V(E) after one episode of TD(0) updates


def walk_text(episode: Episode, names: list[str]) -> str:
    """The visited states as letters, e.g. "C B C D E -> right end"."""
    letters = [names[step.state - 1] for step in episode]
    end = "left" if episode[-1].next_state == 0 else "right"
    return " ".join(letters) + f" -> {end} end"


def print_values(label: str, values: np.ndarray) -> None:
    print(f"{label:24}" + "".join(f"{v:8.3f}" for v in values[1:-1]))


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    rng = seed_everything(cfg.seed)
    env = gym.make(RANDOM_WALK_ID)
    walk = env.unwrapped
    if not isinstance(walk, RandomWalkEnv):
        raise TypeError(f"expected a RandomWalkEnv, got {type(walk).__name__}")
    n = walk.n_states + 2  # observations include both terminal ends
    policy = uniform_policy(n, 2)
    names = state_names(walk.n_states)

    # The truth twice: the closed form, and the linear Bellman equation solved by dp.
    truth = true_values(walk.n_states)
    from_dp = solve_policy_values(tabular_mdp(walk.P, n, 2), policy, gamma=1.0).numpy()
    difference = float(np.max(np.abs(truth - from_dp)))
    print(f"{'state':24}" + "".join(f"{name:>8}" for name in names))
    print_values("true V (closed form)", truth)
    print_values("true V (rlcourse.dp)", from_dp)
    print(f"largest difference: {difference:.1e}\n")

    # --8<-- [start:one_episode]
    env.reset(seed=cfg.seed)
    episode = play_episode(env, policy, rng)  # a list of Steps: state, reward, next_state, ...
    episode_return = sum(step.reward for step in episode)  # gamma = 1
    print(
        f"episode: {walk_text(episode, names)}, {len(episode)} steps, return {episode_return:.0f}"
    )

    mc_values = np.full(n, cfg.initial_value)
    mc_values[[0, -1]] = 0.0  # terminal states are worth 0 by definition
    td_values = mc_values.copy()
    print_values("before", mc_values)
    mc_update(mc_values, episode, cfg.alpha, gamma=1.0)  # after the episode, towards G_t
    td0_episode_update(td_values, episode, cfg.alpha, gamma=1.0)  # step by step, towards R + V(S')
    print_values("MC after the episode", mc_values)
    print_values("TD(0) after the episode", td_values)
    # --8<-- [end:one_episode]
    env.close()
    return Result(
        dp_closed_form_difference=difference,
        first_episode_steps=len(episode),
        first_episode_return=episode_return,
        mc_after_first=mc_values[1:-1].tolist(),
        td_after_first=td_values[1:-1].tolist(),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
