"""Demo 1: a small Bellman system solved by hand (with exact fractions) and with PyTorch."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import torch
import tyro

from rlcourse.dp import (
    action_values,
    greedy_policy,
    iterative_policy_evaluation,
    policy_dynamics,
    solve_policy_values,
    value_iteration,
)
from rlcourse.mdp import MDP, Outcome, to_tabular, uniform_policy


def rover(gamma: float) -> MDP:
    """A solar-powered rover. Exploring pays +2 in sunshine; under clouds it pays +1 but
    gets the rover stuck (-10, the episode ends) with probability 0.2. Waiting pays 0.
    The weather changes on its own: the rover's choice only matters through rewards and
    the risk of getting stuck."""
    return MDP(
        states=("sunny", "cloudy", "stuck"),
        actions=("explore", "wait"),
        transitions={
            "sunny": {
                "explore": (Outcome("sunny", 0.8, 2.0), Outcome("cloudy", 0.2, 2.0)),
                "wait": (Outcome("sunny", 0.8, 0.0), Outcome("cloudy", 0.2, 0.0)),
            },
            "cloudy": {
                "explore": (
                    Outcome("sunny", 0.4, 1.0),
                    Outcome("cloudy", 0.4, 1.0),
                    Outcome("stuck", 0.2, -10.0),
                ),
                "wait": (Outcome("sunny", 0.5, 0.0), Outcome("cloudy", 0.5, 0.0)),
            },
        },
        terminal_states=frozenset({"stuck"}),
        start_state="sunny",
        gamma=gamma,
    )


@dataclass(frozen=True)
class Config:
    gamma: float = 0.9
    tolerance: float = 1e-10  # iterative evaluation stops when no value moves this much
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    alpha: str  # v(sunny) = alpha + beta v(cloudy), as fractions
    beta: str
    sunny_fraction: str
    cloudy_fraction: str
    sunny_value: float  # v_pi(sunny) by torch.linalg.solve
    cloudy_value: float
    torch_agrees: bool  # torch.allclose(by hand, torch.linalg.solve)
    max_difference: float  # largest |by hand - torch|
    sweeps: int  # iterative policy evaluation
    iterative_difference: float  # largest |iterative - torch|
    error_bound: float  # gamma * tolerance / (1 - gamma)
    q_explore_fraction: str  # q_pi(cloudy, explore) by hand
    q_wait_fraction: str
    q_explore: float  # the same two by torch
    q_wait: float
    greedy_sunny_value: float  # the greedy policy's values
    greedy_cloudy_value: float
    greedy_is_optimal: bool  # equal to v* from value iteration, to 1e-8


def exact(x: float) -> Fraction:
    """The fraction that a short decimal such as 0.45 stands for. Floats store 0.45 only
    approximately; the closest fraction with a small denominator recovers 9/20."""
    return Fraction(x).limit_denominator(10_000)


@dataclass(frozen=True)
class HandSolution:
    alpha: Fraction  # step 1: v_s = alpha + beta v_c
    beta: Fraction
    sunny: Fraction  # step 3
    cloudy: Fraction  # step 2


# --8<-- [start:by_hand]
def solve_by_substitution(p_pi: torch.Tensor, r_pi: torch.Tensor, gamma: float) -> HandSolution:
    """Solve the two equations of the acting states, sunny (0) and cloudy (1),
        v_s = r_s + gamma (P_ss v_s + P_sc v_c)
        v_c = r_c + gamma (P_cs v_s + P_cc v_c),
    by substitution, in exact fractions. Stuck is terminal: v(stuck) = 0 drops out."""
    g = exact(gamma)
    p = [[exact(float(p_pi[i, j])) for j in range(2)] for i in range(2)]
    r = [exact(float(r_pi[i])) for i in range(2)]
    # Step 1: the sunny equation, solved for v_s.
    alpha = r[0] / (1 - g * p[0][0])
    beta = g * p[0][1] / (1 - g * p[0][0])
    # Step 2: put v_s = alpha + beta v_c into the cloudy equation, solve for v_c.
    cloudy = (r[1] + g * p[1][0] * alpha) / (1 - g * p[1][1] - g * p[1][0] * beta)
    # Step 3: back to step 1.
    sunny = alpha + beta * cloudy
    return HandSolution(alpha, beta, sunny, cloudy)


# --8<-- [end:by_hand]


def q_by_hand(
    continue_probs: torch.Tensor,
    expected_rewards: torch.Tensor,
    gamma: float,
    values: list[Fraction],
    state: int,
) -> list[Fraction]:
    """q(s, a) = r(s, a) + gamma sum_s' p(s'|s, a) v(s') for one state, every action."""
    n_actions = expected_rewards.shape[1]
    return [
        exact(float(expected_rewards[state, a]))
        + exact(gamma)
        * sum(
            (exact(float(p)) * v for p, v in zip(continue_probs[state, a], values, strict=True)),
            Fraction(0),
        )
        for a in range(n_actions)
    ]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    # --8<-- [start:compare]
    mdp = rover(cfg.gamma)
    model = to_tabular(mdp)  # p(s'|s, a) as continue_probs (3, 2, 3), r(s, a) (3, 2)
    policy = torch.from_numpy(uniform_policy(mdp.n_states, mdp.n_actions))  # 1/2 each, (3, 2)
    p_pi, r_pi = policy_dynamics(model, policy)  # (3, 3) and (3,)

    hand = solve_by_substitution(p_pi, r_pi, cfg.gamma)  # by hand, in exact fractions
    by_hand = torch.tensor([float(hand.sunny), float(hand.cloudy), 0.0], dtype=torch.float64)
    values = solve_policy_values(model, policy, cfg.gamma)  # torch.linalg.solve, (3,)
    agrees = torch.allclose(by_hand, values)
    iterative = iterative_policy_evaluation(model, policy, cfg.gamma, cfg.tolerance)
    # --8<-- [end:compare]

    print(f"P_pi, shape {tuple(p_pi.shape)} (rows and columns: {', '.join(mdp.states)}):")
    print(p_pi.numpy())
    print(f"r_pi, shape {tuple(r_pi.shape)}: {r_pi.numpy()}")
    print("\nby hand (exact fractions):")
    print(f"  step 1: v(sunny) = {hand.alpha} + {hand.beta} v(cloudy)")
    print(f"  step 2: v(cloudy) = {hand.cloudy} = {float(hand.cloudy):.6f}")
    print(f"  step 3: v(sunny) = {hand.sunny} = {float(hand.sunny):.6f}")
    difference = float((by_hand - values).abs().max())
    print(f"torch.linalg.solve:  v = {values.numpy()}")
    print(f"torch.allclose(by_hand, v) = {agrees} (largest difference {difference:.1e})")
    iterative_difference = float((iterative.values - values).abs().max())
    bound = cfg.gamma * cfg.tolerance / (1 - cfg.gamma)
    print(
        f"\niterative policy evaluation: {iterative.sweeps} sweeps to a change below "
        f"{cfg.tolerance:.0e}; largest difference from the solve {iterative_difference:.1e} "
        f"(bound gamma * tolerance / (1 - gamma) = {bound:.1e})"
    )

    continue_probs = torch.from_numpy(model.continue_probs)
    expected_rewards = torch.from_numpy(model.expected_rewards)
    cloudy = mdp.state_index("cloudy")
    hand_values = [hand.sunny, hand.cloudy, Fraction(0)]
    q_hand = q_by_hand(continue_probs, expected_rewards, cfg.gamma, hand_values, cloudy)
    q = action_values(model, values, cfg.gamma)  # (3, 2)
    print("\nq_pi(cloudy, a) by hand and by torch:")
    for a, action in enumerate(mdp.actions):
        print(
            f"  {action:<8} {q_hand[a]} = {float(q_hand[a]):.6f}   torch: {float(q[cloudy, a]):.6f}"
        )
    print(f"  v_pi(cloudy) = average over pi = {float((policy[cloudy] * q[cloudy]).sum()):.6f}")

    greedy = greedy_policy(q)
    greedy_values = solve_policy_values(model, greedy, cfg.gamma)
    optimal = value_iteration(model, cfg.gamma).values
    is_optimal = torch.allclose(greedy_values, optimal, atol=1e-8)
    choices = {s: mdp.actions[int(greedy[i].argmax())] for i, s in enumerate(mdp.acting_states)}
    print(f"\ngreedy policy with respect to q_pi: {choices}")
    print(f"its values: {greedy_values.numpy()}; value iteration's v*: {optimal.numpy()}")
    print(f"greedy policy optimal: {is_optimal}")
    return Result(
        alpha=str(hand.alpha),
        beta=str(hand.beta),
        sunny_fraction=str(hand.sunny),
        cloudy_fraction=str(hand.cloudy),
        sunny_value=float(values[0]),
        cloudy_value=float(values[1]),
        torch_agrees=agrees,
        max_difference=difference,
        sweeps=iterative.sweeps,
        iterative_difference=iterative_difference,
        error_bound=bound,
        q_explore_fraction=str(q_hand[0]),
        q_wait_fraction=str(q_hand[1]),
        q_explore=float(q[cloudy, 0]),
        q_wait=float(q[cloudy, 1]),
        greedy_sunny_value=float(greedy_values[0]),
        greedy_cloudy_value=float(greedy_values[1]),
        greedy_is_optimal=is_optimal,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
