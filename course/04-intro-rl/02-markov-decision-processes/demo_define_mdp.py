"""Demo 1: a small MDP as Python data structures, and the arrays built from it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import tyro

from rlcourse.mdp import MDP, Outcome, hiking_trip, to_tabular, to_toy_text


@dataclass(frozen=True)
class Config:
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    n_states: int
    n_actions: int
    n_outcomes: int
    expected_rewards: dict[str, dict[str, float]]  # r(s, a) for the non-terminal states
    validation_error: str


def print_transitions(mdp: MDP) -> int:
    """Print one line per outcome (s, a, s', p, r); return how many there are."""
    print(f"{'state':<10} {'action':<9} {'next state':<11} {'probability':>11} {'reward':>7}")
    count = 0
    for state in mdp.acting_states:
        for action in mdp.actions:
            for outcome in mdp.transitions[state][action]:
                print(
                    f"{state:<10} {action:<9} {outcome.next_state:<11} "
                    f"{outcome.probability:>11.2f} {outcome.reward:>7.1f}"
                )
                count += 1
    return count


def print_matrix(
    title: str, matrix: np.ndarray, rows: tuple[str, ...], columns: tuple[str, ...]
) -> None:
    """Print a 2-D array with its row and column names."""
    print(title)
    print(" " * 10 + "".join(f"{name:>10}" for name in columns))
    for name, row in zip(rows, matrix, strict=True):
        print(f"{name:<10}" + "".join(f"{value:>10.2f}" for value in row))


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    mdp = hiking_trip()
    print(f"S = {mdp.states}, terminal: {sorted(mdp.terminal_states)}")
    print(f"A = {mdp.actions}, gamma = {mdp.gamma}, start: {mdp.start_state}\n")
    n_outcomes = print_transitions(mdp)

    forest = mdp.state_index("forest")
    print(f"\nGymnasium toy-text format, P[{forest}] (state 'forest'):")
    for a, outcomes in to_toy_text(mdp)[forest].items():
        print(f"  action {a} ({mdp.actions[a]}): {outcomes}")

    arrays = to_tabular(mdp)  # continue_probs (4, 2, 4), expected_rewards (4, 2)
    for a, action in enumerate(mdp.actions):
        print_matrix(
            f"\ncontinue_probs[s, {action!r}, s'] = p(s' | s, a), terminal s' left out",
            arrays.continue_probs[:, a],
            mdp.states,
            mdp.states,
        )
    rewards = arrays.expected_rewards
    print_matrix("\nexpected reward r(s, a)", rewards, mdp.states, mdp.actions)

    # A typo in the probabilities: 0.8 + 0.1 does not sum to 1, and the MDP refuses it.
    typo = (Outcome("ridge", 0.8, -1.0), Outcome("forest", 0.1, -1.0))
    forest_with_typo = {**mdp.transitions["forest"], "trail": typo}
    try:
        dataclasses.replace(mdp, transitions={**mdp.transitions, "forest": forest_with_typo})
        message = "no error"
    except ValueError as error:
        message = str(error)
    print(f"\nwith a typo: ValueError: {message}")

    return Result(
        n_states=mdp.n_states,
        n_actions=mdp.n_actions,
        n_outcomes=n_outcomes,
        expected_rewards={
            state: {
                action: float(rewards[mdp.state_index(state), a])
                for a, action in enumerate(mdp.actions)
            }
            for state in mdp.acting_states
        },
        validation_error=message,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
