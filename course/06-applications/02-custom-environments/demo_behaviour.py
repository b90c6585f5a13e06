"""Demo 4: what did the landers learn? Their flights measured against the physics of the
best landing, the policy drawn over (height, velocity), and a GIF of one landing."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro

from lander import LANDER_ID, SAFE_SPEED, TANK
from landing import (
    EVAL_SEED_OFFSET,
    NET_ACCELERATION,
    SETTINGS,
    Flight,
    fly,
    latest_burn_height,
    minimum_fuel,
    trained_lander,
)
from rlcourse.agents.dqn import greedy_action
from rlcourse.devices import choose_device
from rlcourse.recording import record_gif
from rlcourse.stats import mean_and_standard_error


@dataclass(frozen=True)
class Config:
    seeds: tuple[int, ...] = (0, 1, 2, 3, 4)  # Demo 3's runs, read back from out_dir
    total_steps: int = SETTINGS.total_steps
    eval_episodes: int = 100
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    touchdown_speed: list[float]  # [mean, standard error] over seeds, m/s
    fuel_used: list[float]  # [mean, standard error] over seeds, seconds of burn
    fuel_ratio: list[float]  # fuel used / minimum fuel for the same start, over seeds
    rule_agreement: list[float]  # share of falling states where the policy fires iff the
    # physics says braking can wait no longer (height <= latest_burn_height(speed))
    burn_phases: list[float]  # separate burns per flight (1: one continuous burn)
    gif_outcome: str
    gif_touchdown_speed: float


# --8<-- [start:measure]
@dataclass(frozen=True)
class Measures:
    """One flight against the physics: how it touched down and how it used its fuel."""

    touchdown_speed: float
    fuel_used: float  # seconds of burn
    fuel_ratio: float  # seconds of burn / minimum_fuel from the same start
    burn_phases: int  # runs of consecutive engine-on steps


def measure(flight: Flight) -> Measures:
    switches = np.diff(np.array([0, *flight.actions]))
    return Measures(
        touchdown_speed=flight.touchdown_speed,
        fuel_used=flight.fuel_used,
        fuel_ratio=flight.fuel_used / minimum_fuel(flight.heights[0], flight.velocities[0]),
        burn_phases=int((switches == 1).sum()),
    )


# --8<-- [end:measure]


def main(cfg: Config) -> Result:
    torch.set_num_threads(1)
    device = choose_device()
    config = dataclasses.replace(SETTINGS, total_steps=cfg.total_steps)
    per_seed: list[list[Measures]] = []
    networks = []
    agreements: list[float] = []
    for seed in cfg.seeds:
        network = trained_lander(config, seed, cfg.out_dir, device).network
        networks.append(network)

        def policy(observation: np.ndarray, network: torch.nn.Module = network) -> int:
            return greedy_action(network, observation, device)

        starts = [EVAL_SEED_OFFSET + 1000 * seed + i for i in range(cfg.eval_episodes)]
        per_seed.append([measure(fly(policy, start)) for start in starts])
        agreements.append(rule_agreement(network, device))

    def over_seeds(name: str) -> list[float]:
        means = [float(np.mean([getattr(m, name) for m in flights])) for flights in per_seed]
        return list(mean_and_standard_error(means))

    names = ("touchdown_speed", "fuel_used", "fuel_ratio", "burn_phases")
    summary = {name: over_seeds(name) for name in names}
    summary["rule_agreement"] = list(mean_and_standard_error(agreements))
    for name, (mean, error) in summary.items():
        print(f"{name:>16}: {mean:.2f} ± {error:.2f}")

    first = networks[0]
    gif_seed = EVAL_SEED_OFFSET
    recording = record_gif(
        LANDER_ID,
        lambda observation: greedy_action(first, observation, device),
        cfg.out_dir / "landing.gif",
        seed=gif_seed,
        frame_every=1,
        scale=1.0,
    )
    shown = fly(lambda observation: greedy_action(first, observation, device), gif_seed)
    print(
        f"GIF (seed {cfg.seeds[0]}'s network): {shown.outcome} at {shown.touchdown_speed:.2f} m/s, "
        f"{recording.steps} steps, {shown.fuel_used:.1f} s of burn"
    )
    plot_policy(first, shown, device, cfg.out_dir / "policy_map.png")
    return Result(
        touchdown_speed=summary["touchdown_speed"],
        fuel_used=summary["fuel_used"],
        fuel_ratio=summary["fuel_ratio"],
        rule_agreement=summary["rule_agreement"],
        burn_phases=summary["burn_phases"],
        gif_outcome=shown.outcome,
        gif_touchdown_speed=shown.touchdown_speed,
    )


# --8<-- [start:rule]
def policy_grid(
    network: torch.nn.Module, device: torch.device
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Heights (H, V), velocities (H, V) and the greedy action there (H, V), full tank."""
    heights, velocities = np.linspace(0.0, 25.0, 126), np.linspace(-8.0, 2.0, 101)
    grid_h, grid_v = np.meshgrid(heights, velocities, indexing="ij")
    states = np.stack([grid_h, grid_v, np.full_like(grid_h, TANK)], axis=-1)  # (H, V, 3)
    with torch.no_grad():
        q = network(torch.as_tensor(states, dtype=torch.float32, device=device))  # (H, V, 2)
    return grid_h, grid_v, q.argmax(dim=-1).cpu().numpy()


def rule_agreement(network: torch.nn.Module, device: torch.device) -> float:
    """Where the lander falls faster than SAFE_SPEED, the share of states in which it fires
    exactly when the physics says braking cannot wait: height <= latest_burn_height."""
    grid_h, grid_v, fire = policy_grid(network, device)
    falling = grid_v < -SAFE_SPEED
    must_brake = grid_h <= (grid_v**2 - SAFE_SPEED**2) / (2 * NET_ACCELERATION)
    return float((fire.astype(bool) == must_brake)[falling].mean())


# --8<-- [end:rule]


def plot_policy(network: torch.nn.Module, flight: Flight, device: torch.device, path: Path) -> None:
    """The greedy action over heights and velocities with a full tank, the latest safe
    burn height of the physics, and one flight's path."""
    grid_h, grid_v, fire = policy_grid(network, device)
    fig, ax = plt.subplots(figsize=(6.4, 4.4), dpi=100, layout="constrained")
    ax.pcolormesh(grid_v, grid_h, fire, cmap="Oranges", vmin=0, vmax=1.6, shading="auto")
    speeds = np.linspace(SAFE_SPEED, 8.0, 100)
    ax.plot(
        -speeds,
        [latest_burn_height(s) for s in speeds],
        color="black",
        linestyle="--",
        label="latest safe burn height (physics)",
    )
    ax.plot(
        flight.velocities,
        flight.heights,
        color="tab:blue",
        marker=".",
        markersize=3,
        label="one greedy flight (the GIF)",
    )
    ax.set_xlim(float(grid_v.min()), float(grid_v.max()))
    ax.set_ylim(0.0, float(grid_h.max()))
    ax.set_xlabel("velocity (m/s, negative: falling)")
    ax.set_ylabel("height (m)")
    ax.set_title("Learned policy, full tank: orange = engine on")
    ax.legend(loc="upper right")
    fig.savefig(path)
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
