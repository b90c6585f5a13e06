"""Demo 1: Monte Carlo and TD(0) value updates on the five-state random walk."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import numpy as np
import tyro
from tqdm import tqdm

from rlcourse.agents.prediction import mc_update, play_episode, rms_error, td0_episode_update
from rlcourse.dp import solve_policy_values
from rlcourse.envs import RANDOM_WALK_ID
from rlcourse.envs.random_walk import RandomWalkEnv, state_names, true_values
from rlcourse.episodes import Episode
from rlcourse.mdp import tabular_mdp, uniform_policy
from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    episodes: int = 1000  # training episodes after the worked example
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
    mc_final: list[float]
    td_final: list[float]
    mc_final_rms: float
    td_final_rms: float
    recent_right_exits: int  # of the last 100 training episodes (50 expected)


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

    env.reset(seed=cfg.seed)
    env.action_space.seed(cfg.seed)
    first = play_episode(env, policy, rng)
    first_return = sum(step.reward for step in first)  # gamma = 1
    print(f"episode 1: {walk_text(first, names)}, {len(first)} steps, return {first_return:.0f}")

    mc_values = np.full(n, cfg.initial_value)
    mc_values[[0, -1]] = 0.0  # terminal states are worth 0 by definition
    td_values = mc_values.copy()
    print_values("before", mc_values)
    mc_update(mc_values, first, cfg.alpha, gamma=1.0)
    td0_episode_update(td_values, first, cfg.alpha, gamma=1.0)
    print_values("MC after episode 1", mc_values)
    print_values("TD(0) after episode 1", td_values)
    mc_after_first, td_after_first = mc_values[1:-1].tolist(), td_values[1:-1].tolist()

    # Both learners see the same episodes, so any difference comes from the update rule.
    right_exits: list[bool] = []
    for _ in tqdm(range(cfg.episodes - 1), desc="random walk", leave=False):
        episode = play_episode(env, policy, rng)
        mc_update(mc_values, episode, cfg.alpha, gamma=1.0)
        td0_episode_update(td_values, episode, cfg.alpha, gamma=1.0)
        right_exits.append(episode[-1].next_state == n - 1)
    recent_right = sum(right_exits[-100:])
    states = np.arange(1, n - 1)
    mc_rms = rms_error(mc_values, truth, states)
    td_rms = rms_error(td_values, truth, states)
    print(f"\nafter {cfg.episodes} episodes (alpha = {cfg.alpha}):")
    print_values("MC", mc_values)
    print_values("TD(0)", td_values)
    print_values("true V", truth)
    print(f"RMS error: MC {mc_rms:.4f}, TD(0) {td_rms:.4f}")
    print(f"episodes that ended on the right, of the last 100: {recent_right}")
    env.close()
    return Result(
        dp_closed_form_difference=difference,
        first_episode_steps=len(first),
        first_episode_return=first_return,
        mc_after_first=mc_after_first,
        td_after_first=td_after_first,
        mc_final=mc_values[1:-1].tolist(),
        td_final=td_values[1:-1].tolist(),
        mc_final_rms=mc_rms,
        td_final_rms=td_rms,
        recent_right_exits=recent_right,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
