"""Demo 5 (project): value estimates on FrozenLake-v1 next to the exact values."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro
from gymnasium.envs.toy_text.frozen_lake import FrozenLakeEnv
from matplotlib.axes import Axes
from matplotlib.patches import Rectangle
from tqdm import tqdm

from rlcourse.agents.prediction import (
    discounted_returns,
    mc_update,
    play_episode,
    td0_episode_update,
)
from rlcourse.agents.tabular import greedy_actions, table_shape
from rlcourse.dp import action_values, evaluate_policy, solve_policy_values, value_iteration
from rlcourse.episodes import Episode
from rlcourse.mdp import TabularMDP, deterministic_policy, tabular_mdp, uniform_policy
from rlcourse.seeding import seed_everything
from rlcourse.stats import mean_and_standard_error

ARROWS = ("←", "↓", "→", "↑")  # FrozenLake's actions: 0 left, 1 down, 2 right, 3 up
GAMMA = 1.0  # the only reward is 1 at the goal, so V(s) is a probability of success
# The three estimates: TD(0) and Monte Carlo with the same constant step size, and Monte
# Carlo with alpha = 1/n(s), the sample average of the returns seen from s.
METHODS = {"td": "TD(0), alpha", "mc": "MC, alpha", "mc_avg": "MC, 1/n"}


@dataclass(frozen=True)
class Config:
    episodes: int = 20_000  # random-policy episodes per estimate
    alpha: float = 0.01  # the same constant step size for MC and TD(0)
    seeds: int = 10  # independent estimates, to see how much the result varies
    sampled_episodes: int = 10_000  # episodes played to measure each success rate
    max_steps: int = 100  # FrozenLake-v1's time limit
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class PolicyScore:
    exact: float  # probability of reaching the goal within max_steps, by rlcourse.dp
    sampled: float  # fraction of sampled_episodes that reached the goal
    sampled_se: float  # its standard error, sqrt(p (1 - p) / n)


@dataclass(frozen=True)
class MethodScore:
    start_value: float  # the first seed's estimate of V(start)
    rms: float  # RMS error over the non-terminal states, mean over seeds ...
    rms_se: float  # ... and its standard error
    seed_success: list[float]  # per seed: exact P(goal) of the estimate's greedy policy
    success: float  # their mean and standard error over seeds, and the worst seed
    success_se: float
    success_min: float
    matches_exact_greedy: int  # seeds whose greedy actions all equal those of the exact V


@dataclass(frozen=True)
class Result:
    episodes: int
    seeds: int
    steps: int  # environment steps in the first seed's episodes
    start_value_exact: float  # V of the random policy at the start state
    methods: dict[str, MethodScore]  # "td", "mc", "mc_avg"
    rms_td: float  # methods["td"].rms, and the same for MC with the constant alpha
    rms_mc: float
    greedy_of_exact: PolicyScore  # greedy policy of the random policy's exact values
    greedy_of_td: PolicyScore  # greedy policy of the first seed's TD(0) estimate
    greedy_of_mc: PolicyScore  # ... and of its constant-alpha MC estimate
    optimal: PolicyScore  # value iteration's policy
    horizon_optimum: float  # the best any policy, even a time-varying one, can do in max_steps
    gap_to_optimum: float  # optimal.exact - greedy_of_exact.exact
    first_seed_td_same_actions: bool  # TD(0)'s first greedy policy = greedy of the exact V


def lake_model(env: gym.Env[Any, Any]) -> tuple[FrozenLakeEnv, TabularMDP]:
    lake = env.unwrapped
    if not isinstance(lake, FrozenLakeEnv):  # narrows the type, so .P and .desc are known
        raise TypeError(f"expected FrozenLake, got {type(lake).__name__}")
    return lake, tabular_mdp(lake.P, *table_shape(env))


# --8<-- [start:estimate]
def mc_average_update(values: np.ndarray, visits: np.ndarray, episode: Episode) -> None:
    """First-visit MC with alpha = 1/n(s): V(s) stays the mean of every return seen from s."""
    returns = discounted_returns(episode, GAMMA)
    seen: set[int] = set()
    for step, g in zip(episode, returns, strict=True):
        if step.state in seen:
            continue
        seen.add(step.state)
        visits[step.state] += 1
        values[step.state] += (g - values[step.state]) / visits[step.state]


def estimate(
    env: gym.Env[Any, Any], policy: np.ndarray, seed: int, cfg: Config
) -> tuple[dict[str, np.ndarray], int]:
    """The three estimates of V^policy from the same episodes, all from V = 0;
    also returns the number of environment steps played."""
    rng = np.random.default_rng(seed)
    env.reset(seed=seed)
    values = {method: np.zeros(policy.shape[0]) for method in METHODS}
    visits = np.zeros(policy.shape[0])  # n(s): episodes that have visited s
    steps = 0
    for _ in range(cfg.episodes):
        episode = play_episode(env, policy, rng)
        steps += len(episode)
        td0_episode_update(values["td"], episode, cfg.alpha, GAMMA)
        mc_update(values["mc"], episode, cfg.alpha, GAMMA)
        mc_average_update(values["mc_avg"], visits, episode)
    return values, steps


# --8<-- [end:estimate]


def exact_success(mdp: TabularMDP, actions: np.ndarray, start: np.ndarray, cfg: Config) -> float:
    """P(reach the goal within max_steps): the expected return, as the goal pays 1."""
    policy = deterministic_policy(actions, mdp.n_actions)
    return evaluate_policy(mdp, policy, start, cfg.max_steps).expected_return


def sampled_success(
    env: gym.Env[Any, Any], actions: np.ndarray, episodes: int, seed: int
) -> tuple[float, float]:
    """Fraction of ``episodes`` played episodes that reach the goal, and its standard error."""
    env.reset(seed=seed)
    env.action_space.seed(seed)
    successes = 0
    for _ in range(episodes):
        state, _ = env.reset()
        done, reward = False, 0.0
        while not done:
            state, reward, terminated, truncated, _ = env.step(int(actions[state]))
            done = terminated or truncated
        successes += reward == 1.0
    p = successes / episodes
    return p, float(np.sqrt(p * (1.0 - p) / episodes))


def horizon_optimum(mdp: TabularMDP, start: np.ndarray, max_steps: int) -> float:
    """max over all policies of P(goal within max_steps), by backward induction:
    V_h = max_a [r + P V_{h-1}] with h steps left, V_0 = 0. Time-varying policies count."""
    values = torch.zeros(mdp.n_states, dtype=torch.float64)
    for _ in range(max_steps):
        values = action_values(mdp, values, GAMMA).max(dim=1).values
    return float(start @ values.numpy())


def draw_lake(
    ax: Axes, values: np.ndarray, actions: np.ndarray, desc: list[str], title: str
) -> None:
    """A heatmap of ``values`` (16,) on the 4x4 lake, each cell with its value and greedy
    arrow; holes dark grey, the goal light grey."""
    size = len(desc)
    grid = values.reshape(size, size)
    ax.imshow(grid, cmap="Blues", vmin=0.0, vmax=0.5)
    for row in range(size):
        for col in range(size):
            cell = desc[row][col]
            if cell in "HG":
                shade = "0.25" if cell == "H" else "0.6"
                ax.add_patch(Rectangle((col - 0.5, row - 0.5), 1, 1, color=shade))
                label = "hole" if cell == "H" else "goal"
                ax.text(col, row, label, ha="center", va="center", color="white")
                continue
            colour = "white" if grid[row, col] > 0.3 else "black"
            value, arrow = f"{grid[row, col]:.3f}", ARROWS[actions[row * size + col]]
            ax.text(col, row - 0.18, value, ha="center", va="center", color=colour, fontsize=9)
            ax.text(col, row + 0.2, arrow, ha="center", va="center", color=colour, fontsize=13)
    ax.set(title=title, xticks=[], yticks=[])


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    seed_everything(cfg.seed)
    env = gym.make("FrozenLake-v1", max_episode_steps=cfg.max_steps)  # slippery 4x4 map
    lake, mdp = lake_model(env)
    start = lake.initial_state_distrib
    desc = ["".join(c.decode() for c in row) for row in lake.desc]
    acting = np.array([c not in "HG" for c in "".join(desc)])  # non-terminal states

    random_policy = uniform_policy(mdp.n_states, mdp.n_actions)
    exact_values = solve_policy_values(mdp, random_policy, GAMMA).numpy()
    exact_greedy = greedy_actions(action_values(mdp, exact_values, GAMMA))
    optimal_actions = greedy_actions(value_iteration(mdp, GAMMA).q_values)

    seeds = range(cfg.seed, cfg.seed + cfg.seeds)
    runs = [estimate(env, random_policy, seed, cfg) for seed in tqdm(seeds, desc="seeds")]
    first, steps = runs[0]

    def rms(values: np.ndarray) -> float:
        return float(np.sqrt(np.mean((values[acting] - exact_values[acting]) ** 2)))

    def method_score(method: str) -> MethodScore:
        greedy = [greedy_actions(action_values(mdp, values[method], GAMMA)) for values, _ in runs]
        success = [exact_success(mdp, actions, start, cfg) for actions in greedy]
        rms_mean, rms_se = mean_and_standard_error([rms(values[method]) for values, _ in runs])
        success_mean, success_se = mean_and_standard_error(success)
        return MethodScore(
            start_value=float(first[method][0]),
            rms=rms_mean,
            rms_se=rms_se,
            seed_success=success,
            success=success_mean,
            success_se=success_se,
            success_min=min(success),
            matches_exact_greedy=sum(
                bool(np.all(actions[acting] == exact_greedy[acting])) for actions in greedy
            ),
        )

    methods = {method: method_score(method) for method in METHODS}
    greedy = {m: greedy_actions(action_values(mdp, first[m], GAMMA)) for m in METHODS}

    def score(actions: np.ndarray) -> PolicyScore:
        rate, se = sampled_success(env, actions, cfg.sampled_episodes, cfg.seed + 1)
        return PolicyScore(exact_success(mdp, actions, start, cfg), rate, se)

    scores = {
        "greedy of exact V": score(exact_greedy),
        "greedy of TD(0) V, seed 0": score(greedy["td"]),
        "greedy of MC V, seed 0": score(greedy["mc"]),
        "optimal (value iteration)": score(optimal_actions),
    }
    best_possible = horizon_optimum(mdp, start, cfg.max_steps)

    print(f"random policy, {cfg.episodes} episodes per estimate, {cfg.seeds} seeds, ", end="")
    print(f"alpha = {cfg.alpha}; seed 0 played {steps} steps")
    print(f"P(goal within {cfg.max_steps} steps) of the random policy: {exact_values[0]:.4f}")
    print(f"\n{'estimate':18}{'V(start)':>9}{'RMS error':>18}{'greedy P(goal)':>17}", end="")
    print(f"{'worst':>7}{'= exact greedy':>16}")
    for method, label in METHODS.items():
        m = methods[method]
        label = label.replace("alpha", f"alpha {cfg.alpha}")
        print(
            f"{label:18}{m.start_value:9.4f}{m.rms:11.4f} ± {m.rms_se:.4f}"
            f"{m.success:10.3f} ± {m.success_se:.3f}{m.success_min:7.3f}"
            f"{m.matches_exact_greedy:9} of {cfg.seeds}"
        )
    print(f"(V(start) is seed 0's; the others are mean ± s.e. over {cfg.seeds} seeds)")
    print(
        f"\nP(goal within {cfg.max_steps} steps)   exact   played, {cfg.sampled_episodes} episodes"
    )
    for name, result in scores.items():
        print(f"{name:28}{result.exact:8.4f}   {result.sampled:.4f} ± {result.sampled_se:.4f}")
    print(f"best possible within {cfg.max_steps} steps (any policy): {best_possible:.4f}")

    fig, axes = plt.subplots(2, 2, figsize=(9, 9.4), dpi=100)
    draw_lake(axes[0, 0], exact_values, exact_greedy, desc, "exact V of the random policy (dp)")
    for ax, method in zip(axes.flat[1:], METHODS, strict=True):
        title = f"{METHODS[method].replace('alpha', f'alpha = {cfg.alpha}')}, seed 0"
        draw_lake(ax, first[method], greedy[method], desc, title)
    fig.suptitle(
        f"FrozenLake-v1: value of the uniform random policy, exact and from {cfg.episodes:,} "
        "episodes,\nwith the greedy action of each cell's one-step lookahead"
    )
    fig.tight_layout()
    fig.savefig(cfg.out_dir / "frozenlake_values.png")
    plt.close(fig)
    env.close()
    return Result(
        episodes=cfg.episodes,
        seeds=cfg.seeds,
        steps=steps,
        start_value_exact=float(exact_values[0]),
        methods=methods,
        rms_td=methods["td"].rms,
        rms_mc=methods["mc"].rms,
        greedy_of_exact=scores["greedy of exact V"],
        greedy_of_td=scores["greedy of TD(0) V, seed 0"],
        greedy_of_mc=scores["greedy of MC V, seed 0"],
        optimal=scores["optimal (value iteration)"],
        horizon_optimum=best_possible,
        gap_to_optimum=scores["optimal (value iteration)"].exact
        - scores["greedy of exact V"].exact,
        first_seed_td_same_actions=bool(np.all(greedy["td"][acting] == exact_greedy[acting])),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
