"""Demo 3: what the agent learned, in a figure and a table: where it buys its energy,
and one day of the agent beside one day of the thermostat."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import tyro

import thermostat
from rlcourse.agents.dqn import greedy_action, load_q_network
from rlcourse.devices import choose_device


@dataclass(frozen=True)
class Config:
    seeds: tuple[int, ...] = (0, 1, 2)  # the agents Demo 2 saved
    eval_days: int = 100
    eval_seed: int = 1_000
    shown_day: int = 0  # which of the fresh days the figure shows
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    kwh: dict[str, list[float]]  # policy -> kWh per day at the prices 0.10, 0.20, 0.50
    cold_degree_hours: dict[str, float]  # policy -> mean per day
    away_kwh: dict[str, float]  # policy -> kWh per day bought while nobody is home
    thermostat_total_kwh: float  # per day
    agent_total_kwh: list[float]  # per day, one per seed
    agent_peak_kwh: list[float]  # per day at 0.50, one per seed
    agent_night_kwh: list[float]  # per day at 0.10, one per seed


def main(cfg: Config) -> Result:
    device = choose_device()
    # --8<-- [start:analyse]
    policies: dict[str, thermostat.Policy] = {"thermostat": thermostat.thermostat_policy}
    for seed in cfg.seeds:
        network = load_q_network(cfg.out_dir / f"agent_seed{seed}.pt", 6, 3, (64, 64), device)
        policies[f"agent {seed}"] = lambda obs, network=network: greedy_action(network, obs, device)
    played = {
        name: thermostat.play_days(p, cfg.eval_days, cfg.eval_seed) for name, p in policies.items()
    }
    away = np.array([not thermostat.at_home(step) for step in range(thermostat.STEPS_PER_DAY)])
    # --8<-- [end:analyse]
    print(
        f"{'kWh per day':<12}{'at 0.10':>8}{'at 0.20':>8}{'at 0.50':>8}{'total':>7}"
        f"{'away':>7}   cold degree-hours"
    )
    kwh, cold, away_kwh = {}, {}, {}
    for name, days in played.items():
        kwh[name] = list(days.kwh_by_price.values())
        cold[name] = days.cold_degree_hours
        away_kwh[name] = float(
            (days.actions[:, away] * 0.75).sum(axis=1).mean()
        )  # 3 kW x 0.5 h / 2
        print(
            f"{name:<12}{kwh[name][0]:>8.1f}{kwh[name][1]:>8.1f}{kwh[name][2]:>8.1f}"
            f"{sum(kwh[name]):>7.1f}{away_kwh[name]:>7.1f}{cold[name]:>10.2f}"
        )
    plot_day(
        played["thermostat"],
        played[f"agent {cfg.seeds[0]}"],
        cfg.shown_day,
        cfg.out_dir / "one_day.png",
    )
    agents = [f"agent {seed}" for seed in cfg.seeds]
    return Result(
        kwh,
        cold,
        away_kwh,
        sum(kwh["thermostat"]),
        [sum(kwh[name]) for name in agents],
        [kwh[name][2] for name in agents],
        [kwh[name][0] for name in agents],
    )


def plot_day(rule: thermostat.Days, agent: thermostat.Days, day: int, path: Path) -> None:
    """Indoor temperature and heater power over one day, with the prices and the hours away."""
    hours = np.arange(thermostat.STEPS_PER_DAY + 1) / 2
    fig, (top, bottom) = plt.subplots(
        2, 1, figsize=(8, 5), dpi=100, sharex=True, layout="constrained"
    )
    for ax in (top, bottom):
        ax.axvspan(8, 18, color="0.9", label="nobody home" if ax is top else None)
        ax.axvspan(17, 21, color="tab:red", alpha=0.1, label="peak price" if ax is top else None)
    top.plot(hours, rule.inside[day], label="thermostat", color="black")
    top.plot(hours, agent.inside[day], label="DQN agent", color="tab:blue")
    top.axhline(19.0, color="tab:green", linestyle=":", label="comfort band")
    top.axhline(23.0, color="tab:green", linestyle=":")
    top.set_ylabel("indoor temperature (°C)")
    top.set_title("One winter day: the thermostat and the agent")
    top.legend(loc="lower left", fontsize=8, ncols=3)
    bottom.step(hours[:-1], rule.actions[day] / 2, where="post", label="thermostat", color="black")
    bottom.step(
        hours[:-1], agent.actions[day] / 2, where="post", label="DQN agent", color="tab:blue"
    )
    bottom.set_ylabel("heater power (share of full)")
    bottom.set_xlabel("hour of the day")
    bottom.legend(loc="upper right", fontsize=8)
    fig.savefig(path)
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
