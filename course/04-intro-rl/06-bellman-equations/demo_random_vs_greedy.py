"""Demo 3: the random policy, the greedy policy built from its q_pi, and the optimum."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro
from tqdm import tqdm

from rlcourse.dp import (
    action_values,
    evaluate_policy,
    greedy_policy,
    policy_iteration,
    solve_policy_values,
)
from rlcourse.envs.gridworld import GridWorldEnv
from rlcourse.mdp import TabularMDP
from rlcourse.seeding import seed_everything
from room import GAMMA, acting_states, draw_room, make_room, start_state


@dataclass(frozen=True)
class Config:
    gamma: float = GAMMA
    episodes: int = 10_000  # sampled episodes per policy
    max_episode_steps: int = 1000  # the time limit, in the env and in the exact evaluation
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class PolicyReport:
    start_value: float  # v_pi(start), exact: the expected discounted return
    sampled_value: float  # mean discounted return of the sampled episodes
    standard_error: float
    z_score: float  # (sampled - exact) / standard error
    expected_return: float  # undiscounted, exact (rlcourse.dp.evaluate_policy)
    sampled_return: float
    return_standard_error: float
    return_z_score: float
    expected_length: float
    sampled_length: float
    goal_probability: float  # exact probability of ending the episode in G
    trap_probability: float  # ... in a trap
    truncation_probability: float  # ... by the time limit


@dataclass(frozen=True)
class Result:
    episodes: int
    policies: dict[str, PolicyReport]  # "random", "greedy", "optimal"
    acting_states: int
    improved_states: int  # acting states where v_greedy > v_random (by more than 1e-9)
    min_improvement: float  # min_s v_greedy(s) - v_random(s), acting states
    rounds: int  # policy iterations from the random policy until no state improves
    round_start_values: list[float]  # v(start) of each policy that policy iteration evaluated


@dataclass(frozen=True)
class Samples:
    discounted: np.ndarray  # G_0 = sum_t gamma^t R_{t+1} per episode, shape (episodes,)
    undiscounted: np.ndarray  # sum_t R_{t+1}
    lengths: np.ndarray


def sample_episodes(
    env: gym.Env[Any, Any],
    policy: np.ndarray,
    episodes: int,
    gamma: float,
    rng: np.random.Generator,
    label: str,
) -> Samples:
    """Play ``episodes`` episodes, drawing each action from the row policy[s] (S, A)."""
    discounted, undiscounted, lengths = np.zeros(episodes), np.zeros(episodes), np.zeros(episodes)
    for i in tqdm(range(episodes), desc=label, leave=False):
        state, _ = env.reset()
        discount, done = 1.0, False
        while not done:
            action = int(rng.choice(policy.shape[1], p=policy[state]))
            state, reward, terminated, truncated, _ = env.step(action)
            discounted[i] += discount * float(reward)
            undiscounted[i] += float(reward)
            lengths[i] += 1
            discount *= gamma
            done = terminated or truncated
    return Samples(discounted, undiscounted, lengths)


def ending_probabilities(grid: GridWorldEnv, mdp: TabularMDP, cell: str) -> TabularMDP:
    """The same dynamics with reward 1 for entering a ``cell`` ("G" or "T") and 0 otherwise:
    its undiscounted expected return is the probability of ending the episode there."""
    entering = np.zeros_like(mdp.expected_rewards)
    for state, by_action in grid.P.items():
        for action, outcomes in by_action.items():
            for probability, next_state, _, terminated in outcomes:
                # next_state != state skips the absorbing entries of the terminal cells
                # themselves, which no episode ever uses (it has ended there).
                if terminated and next_state != state and grid.cell(next_state) == cell:
                    entering[state, action] += probability
    return TabularMDP(mdp.continue_probs, entering)


def report(
    grid: GridWorldEnv, mdp: TabularMDP, policy: torch.Tensor, samples: Samples, cfg: Config
) -> PolicyReport:
    start = start_state(grid)
    exact_value = float(solve_policy_values(mdp, policy, cfg.gamma)[start])
    table = policy.numpy()
    mu = grid.initial_state_distrib
    steps = cfg.max_episode_steps
    undiscounted = evaluate_policy(mdp, table, mu, steps)
    goal = evaluate_policy(ending_probabilities(grid, mdp, "G"), table, mu, steps)
    trap = evaluate_policy(ending_probabilities(grid, mdp, "T"), table, mu, steps)
    n = len(samples.discounted)
    error = float(samples.discounted.std(ddof=1) / np.sqrt(n))
    return_error = float(samples.undiscounted.std(ddof=1) / np.sqrt(n))
    return PolicyReport(
        start_value=exact_value,
        sampled_value=float(samples.discounted.mean()),
        standard_error=error,
        z_score=(float(samples.discounted.mean()) - exact_value) / error,
        expected_return=undiscounted.expected_return,
        sampled_return=float(samples.undiscounted.mean()),
        return_standard_error=return_error,
        return_z_score=(float(samples.undiscounted.mean()) - undiscounted.expected_return)
        / return_error,
        expected_length=undiscounted.expected_length,
        sampled_length=float(samples.lengths.mean()),
        goal_probability=goal.expected_return,
        trap_probability=trap.expected_return,
        truncation_probability=undiscounted.truncation_probability,
    )


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    rng = seed_everything(cfg.seed)
    env, grid, mdp = make_room(cfg.max_episode_steps)
    env.reset(seed=cfg.seed)  # seeds the env's generator; later resets continue its stream
    env.action_space.seed(cfg.seed)

    # --8<-- [start:improve]
    random_policy = torch.full((mdp.n_states, mdp.n_actions), 0.25, dtype=torch.float64)
    v_random = solve_policy_values(mdp, random_policy, cfg.gamma)  # (S,)
    greedy = greedy_policy(action_values(mdp, v_random, cfg.gamma))  # improve once, (S, A)
    v_greedy = solve_policy_values(mdp, greedy, cfg.gamma)
    acting = acting_states(grid)
    gain = (v_greedy - v_random)[acting]  # never negative: policy improvement
    iteration = policy_iteration(mdp, cfg.gamma, random_policy)  # improve until stable
    # --8<-- [end:improve]
    policies = {"random": random_policy, "greedy": greedy, "optimal": iteration.policy}

    reports: dict[str, PolicyReport] = {}
    for name, policy in policies.items():
        samples = sample_episodes(env, policy.numpy(), cfg.episodes, cfg.gamma, rng, name)
        reports[name] = report(grid, mdp, policy, samples, cfg)

    print(f"from the start cell, exact and from {cfg.episodes:,} sampled episodes per policy:")
    print("          discounted return G_0          undiscounted return          length")
    print("policy    exact  sampled ± s.e.     z   exact  sampled ± s.e.     z   exact sampled")
    for name, r in reports.items():
        print(
            f"{name:<8} {r.start_value:6.2f}  {r.sampled_value:6.2f} ± {r.standard_error:.2f}"
            f"  {r.z_score:+4.1f}  {r.expected_return:6.2f}  {r.sampled_return:6.2f} ± "
            f"{r.return_standard_error:.2f}  {r.return_z_score:+4.1f}  {r.expected_length:6.2f}"
            f"  {r.sampled_length:6.2f}"
        )
    print("\npolicy    P(goal)  P(trap)  P(time limit)   (exact)")
    for name, r in reports.items():
        print(
            f"{name:<8} {r.goal_probability:7.3f}  {r.trap_probability:7.3f}  "
            f"{r.truncation_probability:13.2e}"
        )
    improved = int((gain > 1e-9).sum())
    print(f"\ngreedy vs random: v higher in {improved} of {len(acting)} acting states,")
    print(f"smallest gain {float(gain.min()):.2f} (never negative: policy improvement)")
    start_values = [float(v[start_state(grid)]) for v in iteration.value_history]
    print(f"policy iteration: {len(start_values) - 1} improvements, v(start) per round:")
    print("  " + " -> ".join(f"{v:.2f}" for v in start_values))

    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.6), dpi=100, layout="constrained")
    x = v_random[acting].numpy()
    left.scatter(x, v_greedy[acting].numpy(), s=18, label="greedy (one improvement)")
    left.scatter(x, iteration.values[acting].numpy(), s=18, marker="x", label="optimal")
    diagonal = [float(x.min()), float(iteration.values.max())]
    left.plot(diagonal, diagonal, color="gray", lw=0.8, label="no change")
    left.set_xlabel("value under the random policy")
    left.set_ylabel("value under the improved policy")
    left.set_title("every state gains")
    left.legend(fontsize=8)
    image = draw_room(right, grid, v_random.numpy(), greedy.argmax(dim=1).numpy())
    fig.colorbar(image, ax=right, label="value under the random policy")
    right.set_title("arrows: greedy with respect to q_random")
    fig.savefig(cfg.out_dir / "random_vs_greedy.png")
    plt.close(fig)
    env.close()
    return Result(
        episodes=cfg.episodes,
        policies=reports,
        acting_states=len(acting),
        improved_states=improved,
        min_improvement=float(gain.min()),
        rounds=len(start_values) - 1,
        round_start_values=start_values,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
