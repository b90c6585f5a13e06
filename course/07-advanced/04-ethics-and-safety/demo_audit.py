"""Demo 4: an audit of candidate rewards against what the designer wanted, and the price
of a side effect that only a person can set."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro

import race
from rlcourse.agents.tabular import greedy_actions


@dataclass(frozen=True)
class Config:
    prices: int = 51  # reed prices swept from 0 to max_price
    max_price: float = 0.5
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    audit: dict[str, dict[str, float]]  # reward -> points, finish, reeds, checkpoint, moves
    route_price: float  # the smallest reed price at which the planned route goes round
    never_price: float  # the smallest at which the boat never enters a reed cell, slips or not


def optimal_report(
    boat: race.RaceEnv, rewards: race.Rewards, potential: np.ndarray | None = None
) -> race.Report:
    """What the optimal policy for ``rewards`` does, judged on everything we care about."""
    return race.report(boat, greedy_actions(race.solve(boat, rewards, potential).q_values))


def main(cfg: Config) -> Result:
    torch.set_num_threads(1)  # 30 states: thread start-up costs more than the sums
    boat = race.race_of(race.make())
    buoy = np.eye(boat.n_states)["".join(boat.layout).index("C")]
    # --8<-- [start:audit]
    candidates = {
        "points (the organiser's)": (race.POINTS, None),
        "points + step penalty": (race.Rewards(10.0, 1.0, step=-0.6), None),  # as in Demo 3
        "finish + buoy as a potential": (race.Rewards(finish=10.0), buoy),
        "finish + reeds priced": (race.Rewards(finish=10.0, reeds=-0.5), None),  # 0.5 per cell
    }
    audit = {name: optimal_report(boat, *reward) for name, reward in candidates.items()}

    def priced(price: float) -> race.Report:
        return optimal_report(boat, race.Rewards(finish=10.0, reeds=-price))

    prices = np.linspace(0.0, cfg.max_price, cfg.prices)
    reports = [priced(price) for price in prices]
    # The two reed cells lie on the planned short route; after a slip, a boat may still
    # cross them at some prices, so the price that changes the route and the price that
    # keeps the boat out of the reeds entirely are two different numbers.
    route_price = race.bisect(lambda price: priced(price).reeds < 1.0, 0.0, cfg.max_price)
    never_price = race.bisect(lambda price: priced(price).reeds == 0.0, 0.0, cfg.max_price)
    # --8<-- [end:audit]
    reeds = [report.reeds for report in reports]
    moves = [report.moves for report in reports]
    print(f"{'optimal policy for':<30}{'points':>7}{'P(finish)':>10}{'reeds':>6}{'moves':>7}")
    for name, report in audit.items():
        print(
            f"{name:<30}{report.points:>7.2f}{report.finish:>10.3f}"
            f"{report.reeds:>6.2f}{report.moves:>7.2f}"
        )
    print(f"\nprice of a reed cell at which the planned route goes round: {route_price:.4f}")
    print(f"price at which the optimal boat never enters the reeds:     {never_price:.4f}")
    for price in (route_price - 1e-4, route_price + 1e-4, never_price + 1e-4):
        report = priced(price)
        print(
            f"  price {price:.4f}: reed cells entered {report.reeds:.4f}, moves {report.moves:.2f}"
        )

    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.3), dpi=100, layout="constrained")
    left.step(prices, reeds, where="post", label="reed cells entered")
    right.step(prices, moves, where="post", color="tab:green", label="moves to the finish")
    for ax, label in ((left, "expected reed cells entered"), (right, "expected moves")):
        ax.axvline(route_price, color="black", linestyle="--", label="route changes")
        ax.axvline(never_price, color="grey", linestyle=":", label="no reeds even after slips")
        ax.set_xlabel("price of entering a reed cell (finish = 10)")
        ax.set_ylabel(label)
        ax.legend(loc="center right")
    fig.suptitle("The optimal boat for 'finish + reeds at a price', as the price rises")
    fig.savefig(cfg.out_dir / "reed_price.png")
    plt.close(fig)
    return Result(
        audit={name: report.numbers() for name, report in audit.items()},
        route_price=route_price,
        never_price=never_price,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
