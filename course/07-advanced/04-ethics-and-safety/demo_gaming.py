"""Demo 2: Q-learning paid in points learns to circle the buoy, over several seeds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tyro
from tqdm import tqdm

import race
from rlcourse.agents.tabular import greedy_actions
from rlcourse.curves import moving_average
from rlcourse.seeding import seed_everything
from rlcourse.stats import mean_and_standard_error


@dataclass(frozen=True)
class Config:
    episodes: int = 1000  # training episodes per seed, each at most 100 steps
    seeds: int = 5
    eval_episodes: int = 100  # fresh greedy episodes per seed
    window: int = 25  # episodes in the moving average of the learning curve
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    seeds: int
    eval_episodes: int
    sampled: dict[str, list[float]]  # points, finish, reeds, checkpoint: [mean, standard error]
    never_finishing_seeds: int  # seeds whose greedy policy finishes with probability 0, exactly
    loop_share: float  # share of the greedy steps taken on C or beside it


def main(cfg: Config) -> Result:
    seed_everything(0)
    per_seed: list[race.Report] = []
    curves: list[np.ndarray] = []
    never_finishing, loop_share = 0, 0.0
    boat = race.race_of(race.make())
    checkpoint = "".join(boat.layout).index("C")
    visits, actions = np.zeros(boat.n_states), np.zeros(boat.n_states, dtype=np.int64)
    for seed in tqdm(range(cfg.seeds), desc="seeds"):
        # --8<-- [start:train]
        env = race.make()  # paid in points: 10 for the finish, 1 per pass of the buoy
        q, points_per_episode = race.learn(env, cfg.episodes, seed)
        # 100 fresh episodes of the greedy policy, scored on points and on the finish
        report, visits_of_seed = race.rollouts(env, q, cfg.eval_episodes, seed=1000 * seed)
        exact = race.report(race.race_of(env), greedy_actions(q))
        # --8<-- [end:train]
        per_seed.append(report)
        curves.append(moving_average(points_per_episode, cfg.window))
        never_finishing += exact.finish == 0.0
        loop_share += visits_of_seed[checkpoint - 1 : checkpoint + 2].sum() / visits_of_seed.sum()
        if seed == 0:  # drawn in the figure
            visits, actions = visits_of_seed, greedy_actions(q)
        env.close()
    sampled = {
        field: list(mean_and_standard_error([getattr(r, field) for r in per_seed]))
        for field in ("points", "finish", "reeds", "checkpoint")
    }
    print(f"{cfg.seeds} seeds x {cfg.eval_episodes} greedy episodes, mean ± standard error:")
    for field, (mean, error) in sampled.items():
        print(f"  {field:<11}{mean:8.2f} ± {error:.2f}")
    print(f"seeds whose greedy policy never finishes (exact): {never_finishing} of {cfg.seeds}")
    print(f"share of greedy steps taken on C or beside it: {loop_share / cfg.seeds:.3f}")

    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, (left, right) = plt.subplots(
        1, 2, figsize=(11, 3.2), dpi=100, layout="constrained", width_ratios=(1, 1.6)
    )
    curve = np.array(curves)  # (seeds, episodes - window + 1)
    x = np.arange(cfg.window, cfg.episodes + 1)
    mean = curve.mean(axis=0)
    error = curve.std(axis=0, ddof=1) / np.sqrt(cfg.seeds)
    left.plot(x, mean, label=f"points per episode (mean of {cfg.seeds} seeds)")
    left.fill_between(x, mean - error, mean + error, alpha=0.3, label="± standard error")
    left.axhline(11.0, color="black", linestyle="--", label="finishing via the buoy: 11")
    left.set_xlabel("training episode")
    left.set_ylabel(f"points ({cfg.window}-episode mean)")
    left.set_title("Q-learning paid in points")
    left.legend(loc="upper left", fontsize=8)
    heatmap = race.draw(right, boat, actions, visits)
    assert heatmap is not None  # a shade was given
    fig.colorbar(heatmap, ax=right, label="steps taken from the cell per episode")
    right.set_title("seed 0: greedy actions, and where its 100-step episodes are spent")
    fig.savefig(cfg.out_dir / "gaming.png")
    plt.close(fig)
    return Result(
        seeds=cfg.seeds,
        eval_episodes=cfg.eval_episodes,
        sampled=sampled,
        never_finishing_seeds=int(never_finishing),
        loop_share=float(loop_share / cfg.seeds),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
