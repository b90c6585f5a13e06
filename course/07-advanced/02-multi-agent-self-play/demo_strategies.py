"""Demo 3: what the self-play agents learned, compared move by move with Bouton's rule."""

from __future__ import annotations

from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np
import tyro

import nim
import selfplay
from rlcourse.stats import mean_and_standard_error

Config = selfplay.DemoConfig  # the settings of the self-play runs, shared with Demos 2 to 4


@dataclass(frozen=True)
class Result:
    winning_positions: int  # positions with nim-sum != 0, where a winning move exists
    # agent -> [mean, standard error] over seeds: share of winning positions whose greedy move wins
    correct_share: dict[str, list[float]]
    replies_correct: list[
        float
    ]  # player_1's correct replies to the 16 openings: [mean, standard error]
    openings: list[str]  # player_0's greedy opening per seed, "take k from pile p"
    opening_values: list[float]  # player_0's Q of that opening per seed


# --8<-- [start:analyse]
def greedy_wins(q: np.ndarray, state: int) -> bool:
    """Does every greedy (highest-Q legal) move of this table lead to nim-sum 0?"""
    piles = selfplay.piles_of(state)
    legal = np.flatnonzero(nim.legal_mask(piles))
    best = legal[q[state, legal] == q[state, legal].max()]
    return all(selfplay.nim_sum(selfplay.after(piles, int(a))) == 0 for a in best)


def winning_states() -> list[int]:
    """Positions whose player to move can win: some objects left and nim-sum != 0."""
    return [s for s in range(selfplay.N_STATES) if selfplay.nim_sum(selfplay.piles_of(s)) != 0]


def opening_states() -> list[int]:
    """The 16 positions player_1 can face after player_0's first move."""
    start = np.array(nim.START)
    legal = np.flatnonzero(nim.legal_mask(start))
    return [int(selfplay.after(start, int(a)) @ selfplay.PLACE) for a in legal]


# --8<-- [end:analyse]


def main(cfg: Config) -> Result:
    runs = selfplay.train_seeds(cfg)
    states, openings_after = winning_states(), opening_states()
    start = int(np.array(nim.START) @ selfplay.PLACE)
    # --8<-- [start:measure]
    correct = {  # agent -> (seeds, winning positions) booleans
        agent: np.array([[greedy_wins(run.tables[agent], s) for s in states] for run in runs])
        for agent in nim.AGENTS
    }
    replies = np.array(
        [[greedy_wins(run.tables["player_1"], s) for s in openings_after] for run in runs]
    )
    first_moves = [int(run.tables["player_0"][start].argmax()) for run in runs]
    # --8<-- [end:measure]
    correct_share = {
        agent: list(mean_and_standard_error(c.mean(axis=1))) for agent, c in correct.items()
    }
    replies_correct = list(mean_and_standard_error(replies.sum(axis=1)))
    openings = [f"take {nim.decode(a)[1]} from pile {nim.decode(a)[0]}" for a in first_moves]
    opening_values = [
        float(run.tables["player_0"][start, a]) for run, a in zip(runs, first_moves, strict=True)
    ]
    print(f"{len(states)} of {selfplay.N_STATES} positions have a winning move (nim-sum != 0)")
    for agent, (mean, error) in correct_share.items():
        print(f"{agent}: greedy move wins in {mean:.3f} ± {error:.3f} of them")
    print(
        f"player_1 answers {replies_correct[0]:.1f} ± {replies_correct[1]:.1f} of the 16 openings "
        "with a winning reply"
    )
    for seed, (opening, value) in enumerate(zip(openings, opening_values, strict=True)):
        print(f"seed {seed}: player_0 opens with '{opening}', Q = {value:+.2f}")

    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    left = np.array([int(selfplay.piles_of(s).sum()) for s in states])  # objects left per position
    sizes = np.unique(left)
    fig, ax = plt.subplots(figsize=(7, 3.6), dpi=100, layout="constrained")
    for agent, c in correct.items():
        share = np.array([c[:, left == n].mean(axis=1) for n in sizes])  # (sizes, seeds)
        error = share.std(axis=1, ddof=1) / np.sqrt(len(runs)) if len(runs) > 1 else 0 * share[:, 0]
        ax.errorbar(sizes, share.mean(axis=1), yerr=error, marker="o", capsize=3, label=agent)
    ax.set_xlabel("objects left in the position")
    ax.set_ylabel("share of winning positions played right")
    ax.set_title(f"Greedy moves that follow Bouton's rule (mean ± s.e., {len(runs)} seeds)")
    ax.set_ylim(0, 1.05)
    ax.legend()
    fig.savefig(cfg.out_dir / "strategies.png")
    plt.close(fig)
    return Result(
        winning_positions=len(states),
        correct_share=correct_share,
        replies_correct=replies_correct,
        openings=openings,
        opening_values=opening_values,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
