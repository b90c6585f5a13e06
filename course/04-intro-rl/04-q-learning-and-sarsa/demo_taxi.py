"""Demo 5 (project): Q-learning on Taxi-v4, its greedy policy evaluated exactly."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro
from gymnasium.envs.toy_text.taxi import TaxiEnv

from rlcourse.agents.tabular import greedy_actions, table_shape, train
from rlcourse.curves import moving_average
from rlcourse.dp import PolicyEvaluation, evaluate_policy, value_iteration
from rlcourse.mdp import TabularMDP, deterministic_policy, tabular_mdp
from rlcourse.schedules import LinearSchedule
from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    episodes: int = 5000
    alpha: float = 0.2
    gamma: float = 0.99
    epsilon_start: float = 1.0  # explore widely at first ...
    epsilon_end: float = 0.05  # ... then mostly exploit
    decay_episodes: int = 2500  # epsilon falls linearly over these first episodes
    max_steps: int = 200  # Taxi-v4's time limit
    eval_every: int = 100  # exact evaluation of the greedy policy every this many episodes
    sampled_episodes: int = 1000  # greedy episodes played as a cross-check
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    n_states: int
    n_actions: int
    start_states: int  # states with a positive initial probability
    value_iteration_sweeps: int
    training_episodes: int
    training_steps: int
    training_seconds: float  # wall-clock of the training loop, evaluations excluded
    greedy_return: float  # exact expected return over Taxi's initial-state distribution
    greedy_length: float  # exact expected episode length
    greedy_truncation: float  # probability of hitting the step limit
    optimal_return: float  # the same numbers for an optimal policy (value iteration)
    optimal_length: float
    sampled_return: float  # mean over sampled_episodes greedy episodes
    sampled_length: float
    first_optimal_episode: int  # first evaluation at which greedy = optimal; 0 if none


def taxi_model(env: gym.Env[Any, Any]) -> tuple[TabularMDP, np.ndarray]:
    """Taxi's transition table as arrays, and its initial-state distribution (500,)."""
    taxi = env.unwrapped
    if not isinstance(taxi, TaxiEnv):
        raise TypeError(f"expected Taxi, got {type(taxi).__name__}")
    return tabular_mdp(taxi.P, *table_shape(env)), taxi.initial_state_distrib


def evaluate_greedy(
    mdp: TabularMDP, q: np.ndarray, start: np.ndarray, max_steps: int
) -> PolicyEvaluation:
    """Exact return and length of the greedy policy of ``q``: Taxi is deterministic given
    the start state, so weighting every start state by its probability is exact."""
    policy = deterministic_policy(greedy_actions(q), mdp.n_actions)
    return evaluate_policy(mdp, policy, start, max_steps)


def play_greedy(
    env: gym.Env[Any, Any], q: np.ndarray, episodes: int, seed: int
) -> tuple[float, float]:
    """Mean return and mean length of ``episodes`` greedy episodes, actually played."""
    env.reset(seed=seed)
    env.action_space.seed(seed)
    returns, lengths = [], []
    for _ in range(episodes):
        state, _ = env.reset()
        total, steps, done = 0.0, 0, False
        while not done:
            state, reward, terminated, truncated, _ = env.step(int(np.argmax(q[state])))
            total += float(reward)
            steps += 1
            done = terminated or truncated
        returns.append(total)
        lengths.append(steps)
    return float(np.mean(returns)), float(np.mean(lengths))


def plot_training(
    cfg: Config, episode_lengths: list[int], curve: list[float], optimal_return: float
) -> None:
    """Training episode lengths, and the greedy policy's exact return every eval_every."""
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, (ax_length, ax_return) = plt.subplots(1, 2, figsize=(10, 4), dpi=100)
    lengths = np.array(episode_lengths, dtype=np.float64)
    window = min(100, len(lengths))
    smoothed = moving_average(lengths, window)
    ax_length.plot(np.arange(window, len(lengths) + 1), smoothed)
    ax_length.set(title=f"Training episode length ({window}-episode mean)", xlabel="episode")
    ax_length.set_ylabel("steps")
    evaluations = np.arange(1, len(curve) + 1) * cfg.eval_every
    ax_return.plot(evaluations, curve, marker=".", label="greedy policy")
    ax_return.axhline(optimal_return, color="black", linestyle="--", label="optimum")
    ax_return.set(title="Exact expected return of the greedy policy", xlabel="episode")
    ax_return.set_ylim(-50, 15)  # early greedy policies fall far below; the axis is cut
    ax_return.set_ylabel("return")
    ax_return.legend(loc="lower right")
    fig.tight_layout()
    fig.savefig(cfg.out_dir / "taxi_training.png")
    plt.close(fig)


def main(cfg: Config) -> Result:
    seed_everything(cfg.seed)
    torch.set_num_threads(1)  # 500-state dynamic programming: threads only add overhead
    env = gym.make("Taxi-v4", max_episode_steps=cfg.max_steps)
    mdp, start = taxi_model(env)
    optimal = value_iteration(mdp, gamma=1.0)  # the undiscounted optimum: what returns measure
    best = evaluate_policy(
        mdp,
        deterministic_policy(greedy_actions(optimal.q_values), mdp.n_actions),
        start,
        cfg.max_steps,
    )

    # --8<-- [start:train]
    curve: list[float] = []  # exact greedy return every eval_every episodes
    evaluation_seconds = 0.0

    def record(episode: int, q: np.ndarray) -> None:
        nonlocal evaluation_seconds
        if (episode + 1) % cfg.eval_every == 0:
            tic = time.perf_counter()
            curve.append(evaluate_greedy(mdp, q, start, cfg.max_steps).expected_return)
            evaluation_seconds += time.perf_counter() - tic

    epsilon = LinearSchedule(cfg.epsilon_start, cfg.epsilon_end, cfg.decay_episodes)
    tic = time.perf_counter()
    q, history = train(
        env,
        "q_learning",
        cfg.episodes,
        cfg.alpha,
        cfg.gamma,
        epsilon,
        cfg.seed,
        on_episode_end=record,
    )
    training_seconds = time.perf_counter() - tic - evaluation_seconds

    greedy = evaluate_greedy(mdp, q, start, cfg.max_steps)
    sampled_return, sampled_length = play_greedy(env, q, cfg.sampled_episodes, cfg.seed + 1)
    # --8<-- [end:train]

    reached = [i for i, value in enumerate(curve) if np.isclose(value, best.expected_return)]
    first_optimal = (reached[0] + 1) * cfg.eval_every if reached else 0
    print(
        f"training: {cfg.episodes} episodes, {history.total_steps} steps, {training_seconds:.1f} s"
    )
    print(f"{mdp.n_states} states, {mdp.n_actions} actions, {np.count_nonzero(start)} start states")
    print(f"value iteration on env.unwrapped.P: {optimal.sweeps} sweeps")
    print("                      expected return   expected length   P(time limit)")
    for name, evaluation in (("greedy (exact)", greedy), ("optimal (exact)", best)):
        print(
            f"{name:22}{evaluation.expected_return:15.3f}{evaluation.expected_length:18.3f}"
            f"{evaluation.truncation_probability:16.3f}"
        )
    print(f"{'greedy (sampled)':22}{sampled_return:15.3f}{sampled_length:18.3f}")
    print(f"  ({cfg.sampled_episodes} episodes played)")
    if first_optimal:
        print(f"greedy policy first optimal after {first_optimal} episodes", end=" ")
        print(f"(checked every {cfg.eval_every})")
    else:
        print("the greedy policy was not optimal at any evaluation")

    plot_training(cfg, history.lengths, curve, best.expected_return)
    env.close()
    return Result(
        n_states=mdp.n_states,
        n_actions=mdp.n_actions,
        start_states=int(np.count_nonzero(start)),
        value_iteration_sweeps=optimal.sweeps,
        training_episodes=cfg.episodes,
        training_steps=history.total_steps,
        training_seconds=training_seconds,
        greedy_return=greedy.expected_return,
        greedy_length=greedy.expected_length,
        greedy_truncation=greedy.truncation_probability,
        optimal_return=best.expected_return,
        optimal_length=best.expected_length,
        sampled_return=sampled_return,
        sampled_length=sampled_length,
        first_optimal_episode=first_optimal,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
