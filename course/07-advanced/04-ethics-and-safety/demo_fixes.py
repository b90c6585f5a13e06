"""Demo 3: fixes tested. Potential-based shaping keeps the optimal policy, exactly; a bonus
per pass changes it; a step penalty or a buoy paid as a potential removes the loop."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro
from tqdm import tqdm

import race
from rlcourse.agents.tabular import greedy_actions
from rlcourse.seeding import seed_everything
from rlcourse.stats import mean_and_standard_error

STEP_PENALTY = -0.6  # below -1 / (1 + gamma) = -0.5025, a pass of the buoy loses points


@dataclass(frozen=True)
class Config:
    episodes: int = 1000  # Q-learning episodes per seed and per fix
    seeds: int = 5
    eval_episodes: int = 100  # fresh greedy episodes per seed
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    changed_states: dict[str, int]  # states whose set of optimal actions differs from the base
    shift_error: dict[str, float]  # max_s |v'_*(s) - (v_*(s) - Phi(s))|, potentials only
    finish: dict[str, float]  # exact P(finish) of each reward's optimal policy
    loop_breakeven: float  # b / (1 + gamma): above this step cost a lap of the buoy loses
    smallest_penalty: float  # the smallest step cost whose optimal policy finishes
    learned: dict[str, dict[str, list[float]]]  # fix -> points/finish/reeds: [mean, error]


# --8<-- [start:compare]
def optimal_action_sets(q: torch.Tensor, tolerance: float = 1e-9) -> torch.Tensor:
    """(S, A) booleans: a is optimal in s when q*(s, a) is within tolerance of the best."""
    return q >= q.max(dim=1, keepdim=True).values - tolerance


# --8<-- [end:compare]


def optimal_policy_finishes(boat: race.RaceEnv, step_cost: float) -> bool:
    """Does the optimal policy for the points minus ``step_cost`` per step finish?"""
    rewards = race.Rewards(finish=10.0, checkpoint=1.0, step=-step_cost)
    return race.report(boat, greedy_actions(race.solve(boat, rewards).q_values)).finish > 0.5


def main(cfg: Config) -> Result:
    seed_everything(0)
    torch.set_num_threads(1)  # 30 states: thread start-up costs more than the sums
    boat = race.race_of(race.make())
    base = race.Rewards(finish=10.0)
    # --8<-- [start:shaping]
    progress = -race.distance_to_finish(boat)  # Phi(s) = -(moves left to the finish)
    buoy = np.eye(boat.n_states)["".join(boat.layout).index("C")]  # Phi = 1 on C
    variants = {
        "finish + progress potential": (base, progress),
        "finish + buoy as a potential": (base, buoy),
        "finish + 1 per pass (points)": (race.POINTS, None),
        "points + step penalty": (race.Rewards(10.0, 1.0, step=STEP_PENALTY), None),
    }
    reference = race.solve(boat, base)  # the designer's reward: the finish alone
    best = optimal_action_sets(reference.q_values)
    changed: dict[str, int] = {}
    shift_error: dict[str, float] = {}
    finish: dict[str, float] = {}
    for name, (rewards, potential) in variants.items():
        shaped = race.solve(boat, rewards, potential)
        changed[name] = int((optimal_action_sets(shaped.q_values) != best).any(dim=1).sum())
        if potential is not None:  # the theorem: v'_* = v_* - Phi, state by state
            expected = reference.values - torch.as_tensor(potential)
            shift_error[name] = float((shaped.values - expected).abs().max())
        finish[name] = race.report(boat, greedy_actions(shaped.q_values)).finish
    # --8<-- [end:shaping]
    print("value iteration, each reward against the finish alone:")
    for name in variants:
        error = f", max |v' - (v - Phi)| = {shift_error[name]:.1e}" if name in shift_error else ""
        print(f"  {name:<30} optimal actions differ in {changed[name]:>2} states{error}")
        print(f"  {'':<30} its optimal policy finishes with probability {finish[name]:.3f}")
    smallest = race.bisect(lambda cost: optimal_policy_finishes(boat, cost), 0.0, -STEP_PENALTY)
    breakeven = race.POINTS.checkpoint / (1 + race.GAMMA)
    print(
        f"a lap of the buoy loses points for a step penalty above b / (1 + gamma) = {breakeven:.4f}"
    )
    print(f"smallest step penalty whose optimal policy finishes: {smallest:.4f}\n")

    fixes = {
        "points + step penalty": {"rewards": variants["points + step penalty"][0]},
        "finish + buoy as a potential": {"rewards": base, "potential": buoy},
    }
    learned: dict[str, dict[str, list[float]]] = {}
    for name, settings in fixes.items():
        reports: list[race.Report] = []
        for seed in tqdm(range(cfg.seeds), desc=name):
            env = race.make(**settings)
            q, _ = race.learn(env, cfg.episodes, seed)
            reports.append(race.rollouts(env, q, cfg.eval_episodes, seed=1000 * seed)[0])
            env.close()
        learned[name] = {
            field: list(mean_and_standard_error([getattr(r, field) for r in reports]))
            for field in ("points", "finish", "reeds")
        }
        print(f"Q-learning with {name}, {cfg.seeds} seeds x {cfg.eval_episodes} greedy episodes:")
        for field, (mean, error) in learned[name].items():
            print(f"  {field:<8}{mean:7.2f} ± {error:.2f}")

    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(7, 3.2), dpi=100, layout="constrained")
    names = list(variants)
    ax.barh(names, [changed[n] for n in names], color="tab:blue")
    for row, name in enumerate(names):
        ax.text(changed[name] + 0.2, row, str(changed[name]), va="center")
    ax.set_xlim(0, max(changed.values()) + 2)
    ax.set_xlabel("states whose optimal actions differ from those for the finish alone")
    ax.set_title("Optimal actions changed by each reward (value iteration)")
    ax.invert_yaxis()
    fig.savefig(cfg.out_dir / "shaping.png")
    plt.close(fig)
    return Result(
        changed_states=changed,
        shift_error=shift_error,
        finish=finish,
        loop_breakeven=breakeven,
        smallest_penalty=smallest,
        learned=learned,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
