"""Demo 4: simple policies in the hiking MDP, their expected return exactly and by simulation."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro
from tqdm import tqdm

from rlcourse.dp import policy_dynamics, solve_policy_values
from rlcourse.mdp import (
    MDP,
    TabularMDP,
    discounted_return,
    hiking_trip,
    policy_from_choices,
    sample_episode,
    to_tabular,
    uniform_policy,
)
from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    episodes: int = 100_000  # simulated episodes per policy
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class PolicyReport:
    choices: dict[str, str]  # the action in each state ("random": both with probability 1/2)
    values: dict[str, float]  # v_pi(s) from the linear solve
    exact_return: float  # v_pi(start state)
    simulated_return: float  # mean discounted return of the simulated episodes
    standard_error: float
    z_score: float  # (simulated - exact) / standard error
    within_3_standard_errors: bool
    truncated_episodes: int


@dataclass(frozen=True)
class Result:
    episodes: int
    policies: dict[str, PolicyReport]
    max_bellman_residual: float  # max_s |v(s) - (r_pi(s) + gamma sum_s' P_pi(s, s') v(s'))|
    figure: str


# --8<-- [start:policies]
def myopic_choices(mdp: MDP, arrays: TabularMDP) -> dict[str, str]:
    """In each state, the action with the highest expected immediate reward r(s, a)."""
    choices: dict[str, str] = {}
    for state in mdp.acting_states:
        row = arrays.expected_rewards[mdp.state_index(state)]  # r(s, .), shape (A,)
        best = int(np.argmax(row))
        choices[state] = mdp.actions[best]
    return choices


def simple_policies(mdp: MDP, arrays: TabularMDP) -> dict[str, np.ndarray]:
    """Three policies as (S, A) tables of pi(a | s)."""
    return {
        "random": uniform_policy(mdp.n_states, mdp.n_actions),
        "myopic": policy_from_choices(mdp, myopic_choices(mdp, arrays)),
        "always trail": policy_from_choices(mdp, dict.fromkeys(mdp.acting_states, "trail")),
    }


# --8<-- [end:policies]


def describe(mdp: MDP, policy: np.ndarray) -> dict[str, str]:
    """The action a deterministic policy takes in each state; "random" where it mixes."""
    described: dict[str, str] = {}
    for state in mdp.acting_states:
        row = policy[mdp.state_index(state)]
        described[state] = mdp.actions[int(row.argmax())] if row.max() == 1.0 else "random"
    return described


# --8<-- [start:simulate]
def simulated_returns(
    mdp: MDP, policy: np.ndarray, episodes: int, rng: np.random.Generator, name: str
) -> tuple[np.ndarray, int]:
    """G_0 of each of ``episodes`` simulated episodes, shape (episodes,), and how many were cut.

    An episode still running after sample_episode's 1000 steps is truncated, and its return
    misses the rest; the count says whether that happened at all.
    """
    returns = np.empty(episodes)
    truncated = 0
    for i in tqdm(range(episodes), desc=name, leave=False):
        episode = sample_episode(mdp, policy, rng)
        returns[i] = discounted_return([step.reward for step in episode], mdp.gamma)
        truncated += episode[-1].truncated
    return returns, truncated


# --8<-- [end:simulate]


def compare(
    mdp: MDP, policy: np.ndarray, values: torch.Tensor, returns: np.ndarray, truncated: int
) -> PolicyReport:
    """The exact v_pi(start) against the mean of the simulated returns, in standard errors."""
    exact = float(values[mdp.state_index(mdp.start_state)])
    standard_error = float(returns.std(ddof=1) / np.sqrt(len(returns)))  # s / sqrt(n)
    z = (float(returns.mean()) - exact) / standard_error
    return PolicyReport(
        choices=describe(mdp, policy),
        values={state: float(values[i]) for i, state in enumerate(mdp.states)},
        exact_return=exact,
        simulated_return=float(returns.mean()),
        standard_error=standard_error,
        z_score=z,
        within_3_standard_errors=abs(z) <= 3.0,
        truncated_episodes=truncated,
    )


def plot_running_means(samples: dict[str, np.ndarray], exact: dict[str, float], path: Path) -> None:
    """Running mean of the returns with a band of 3 standard errors, and the exact value."""
    fig, ax = plt.subplots(figsize=(7, 4), dpi=110)
    for (name, returns), colour in zip(
        samples.items(), ("tab:blue", "tab:orange", "tab:green"), strict=True
    ):
        n = np.arange(1, len(returns) + 1)
        mean = np.cumsum(returns) / n
        variance = np.maximum(np.cumsum(returns**2) / n - mean**2, 0.0)
        band = 3 * np.sqrt(variance / n)
        start = 10  # the first few means have no meaningful spread
        ax.plot(n[start:], mean[start:], color=colour, label=f"{name}: simulated")
        ax.fill_between(
            n[start:], (mean - band)[start:], (mean + band)[start:], color=colour, alpha=0.2
        )
        ax.axhline(exact[name], color=colour, ls="--", lw=1)
    ax.set_xscale("log")
    ax.set_xlabel("episodes simulated")
    ax.set_ylabel("mean discounted return from the trailhead")
    ax.set_title("simulation (band: ±3 standard errors) vs exact value (dashed)")
    ax.legend(loc="lower right")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    rng = seed_everything(cfg.seed)
    torch.set_num_threads(1)  # a 4 x 4 solve gains nothing from threads
    mdp = hiking_trip()
    arrays = to_tabular(mdp)  # continue_probs (S, A, S), expected_rewards (S, A)
    reports: dict[str, PolicyReport] = {}
    samples: dict[str, np.ndarray] = {}
    residuals: list[float] = []
    for name, policy in simple_policies(mdp, arrays).items():
        values = solve_policy_values(arrays, policy, mdp.gamma)  # (I - gamma P_pi) v = r_pi
        p_pi, r_pi = policy_dynamics(arrays, policy)
        residuals.append(float((values - (r_pi + mdp.gamma * p_pi @ values)).abs().max()))
        samples[name], truncated = simulated_returns(mdp, policy, cfg.episodes, rng, name)
        reports[name] = compare(mdp, policy, values, samples[name], truncated)

    for name, report in reports.items():
        print(f"{name:<13} " + ", ".join(f"{s}: {a}" for s, a in report.choices.items()))
    print(f"\n{'policy':<13} " + " ".join(f"{s:>10}" for s in mdp.states) + "   (v_pi, exact)")
    for name, report in reports.items():
        print(f"{name:<13} " + " ".join(f"{v:>10.4f}" for v in report.values.values()))
    print(f"\nBellman residual max |v - (r_pi + gamma P_pi v)| = {max(residuals):.1e}")
    print(f"\nexpected return from the trailhead, {cfg.episodes:,} simulated episodes per policy:")
    for name, r in reports.items():
        verdict = "agree" if r.within_3_standard_errors else "DISAGREE"
        print(
            f"{name:<13} exact {r.exact_return:.4f}   simulated {r.simulated_return:.4f} "
            f"± {r.standard_error:.4f}   z = {r.z_score:+.2f}: {verdict} within 3 standard errors"
        )
    print(f"truncated episodes: {sum(r.truncated_episodes for r in reports.values())}")

    figure = cfg.out_dir / "exact_vs_simulated.png"
    plot_running_means(samples, {n: r.exact_return for n, r in reports.items()}, figure)
    return Result(
        episodes=cfg.episodes,
        policies=reports,
        max_bellman_residual=max(residuals),
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
