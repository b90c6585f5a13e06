"""Demo 1: a boat race whose points can be farmed, solved exactly by value iteration."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import tyro
from gymnasium.utils.env_checker import check_env

# The race and the tools the four demos share, in race.py beside this file.
import race
from rlcourse.agents.tabular import greedy_actions
from rlcourse.dp import value_iteration


@dataclass(frozen=True)
class Config:
    slip_probability: float = 0.1  # a move goes sideways with this probability
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    n_states: int
    checker_warnings: int
    loop_value: float  # b / (1 - gamma^2): circling the buoy forever, from beside it
    finish_value: float  # gamma^8 * 10: the finish, nine moves from the start
    start_value: float  # v_*(start) for the points, by value iteration
    points_optimal: dict[str, float]  # points, finish, reeds, checkpoint of each policy
    finish_optimal: dict[str, float]


def main(cfg: Config) -> Result:
    env = race.make(slip_probability=cfg.slip_probability)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_env(env.unwrapped)
    boat = race.race_of(env)

    # --8<-- [start:solve]
    # The optimal policy for the organiser's points, and for the finish alone.
    points = value_iteration(race.model_of(boat), race.GAMMA)
    finish_only = race.with_rewards(boat, race.Rewards(finish=10.0))
    finish = value_iteration(race.model_of(finish_only), race.GAMMA)
    policies = {
        "optimal for the points": greedy_actions(points.q_values),
        "optimal for the finish": greedy_actions(finish.q_values),
    }
    # What each does in a 100-step episode, exactly: the points it scores, the chance
    # that it finishes, the reed cells and checkpoint passes it makes.
    reports = {name: race.report(boat, actions) for name, actions in policies.items()}
    # --8<-- [end:solve]
    gamma, bonus = race.GAMMA, race.POINTS.checkpoint
    loop_value = bonus / (1 - gamma**2)
    finish_value = gamma**8 * race.POINTS.finish
    print(f"{boat.n_states} states, check_env warnings: {len(caught)}")
    print(f"circling the buoy from beside it: b / (1 - gamma^2) = {loop_value:.2f}")
    print(f"finishing, nine moves from the start: gamma^8 * 10 = {finish_value:.2f}")
    print(f"v_*(start) for the points (value iteration): {points.values[boat.start]:.2f}\n")
    print(f"{'policy':<24}{'points':>8}{'P(finish)':>11}{'reeds':>7}{'passes of C':>13}")
    for name, report in reports.items():
        print(
            f"{name:<24}{report.points:>8.2f}{report.finish:>11.3f}"
            f"{report.reeds:>7.2f}{report.checkpoint:>13.2f}"
        )

    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, axes = plt.subplots(2, 1, figsize=(7, 4.2), dpi=100, layout="constrained")
    for ax, (name, actions) in zip(axes, policies.items(), strict=True):
        race.draw(ax, boat, actions)
        ax.set_title(f"{name}: arrows are argmax_a q*(s, a)")
    fig.suptitle("The boat race: S start, C checkpoint buoy, R reeds, F finish")
    fig.savefig(cfg.out_dir / "race_policies.png")
    plt.close(fig)
    env.close()
    return Result(
        n_states=boat.n_states,
        checker_warnings=len(caught),
        loop_value=loop_value,
        finish_value=finish_value,
        start_value=float(points.values[boat.start]),
        points_optimal=reports["optimal for the points"].numbers(),
        finish_optimal=reports["optimal for the finish"].numbers(),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
