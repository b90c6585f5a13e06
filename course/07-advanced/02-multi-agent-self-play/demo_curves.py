"""Demo 4: win, draw and loss rates over training against fixed opponents and the rival."""

from __future__ import annotations

from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np
import tyro

import nim
import selfplay

Config = selfplay.DemoConfig  # the settings of the self-play runs, shared with Demos 2 to 4


@dataclass(frozen=True)
class Result:
    measurements: int  # measurements per seed
    eval_games: int  # games per opponent and measurement
    # agent -> opponent -> win rate per measurement, mean over seeds
    win_curves: dict[str, dict[str, list[float]]]
    draws: int  # drawn games in all measurements (Nim cannot draw)
    rival_wins_player_0: int  # measurements (of seeds x measurements) player_0 won against player_1
    rival_measurements: int


def main(cfg: Config) -> Result:
    runs = selfplay.train_seeds(cfg)
    episodes = np.array(runs[0].episodes)
    # --8<-- [start:curves]
    wins = {  # agent -> opponent -> (seeds, measurements) win rates
        agent: {
            name: np.array([(run.outcomes[agent][name] == 1).mean(axis=1) for run in runs])
            for name in selfplay.OPPONENTS
        }
        for agent in nim.AGENTS
    }
    draws = sum(
        int((run.outcomes[a][name] == 0).sum())
        for run in runs
        for a in nim.AGENTS
        for name in selfplay.OPPONENTS
    )
    rival = wins["player_0"]["rival"]  # greedy against greedy: each measurement is won or lost
    # --8<-- [end:curves]
    print(f"win rate per measurement, mean of {len(runs)} seeds ({cfg.eval_games} games each)")
    print("games:   " + " ".join(f"{e:>6}" for e in episodes))
    for agent in nim.AGENTS:
        for name in selfplay.OPPONENTS:
            print(
                f"{agent[-1]} vs {name:<9}"
                + " ".join(f"{w:6.2f}" for w in wins[agent][name].mean(axis=0))
            )
    print(f"draws in all measurements: {draws}")
    print(
        f"player_0 beat player_1 in {int((rival > 0.5).sum())} of {rival.size} "
        "head-to-head measurements"
    )

    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    fig, axes = plt.subplots(1, 2, figsize=(11, 3.6), dpi=100, layout="constrained", sharey=True)
    for ax, agent in zip(axes, nim.AGENTS, strict=True):
        for name in ("random", "snapshot", "perfect"):
            curve = wins[agent][name]
            mean = curve.mean(axis=0)
            error = curve.std(axis=0, ddof=1) / np.sqrt(len(runs)) if len(runs) > 1 else 0 * mean
            ax.plot(episodes, mean, marker="o", label=f"vs {name}")
            ax.fill_between(episodes, mean - error, mean + error, alpha=0.25)
        for seed, curve in enumerate(wins[agent]["rival"]):
            ax.plot(
                episodes,
                curve,
                color="grey",
                linewidth=0.8,
                alpha=0.6,
                label="vs rival (one line per seed)" if seed == 0 else None,
            )
        ax.set_xlabel("self-play games")
        ax.set_title(f"{agent} ({'moves first' if agent == nim.AGENTS[0] else 'moves second'})")
    axes[0].set_ylabel("win rate (no draws; loss = 1 - win)")
    axes[1].legend(loc="lower right", fontsize=8)
    fig.savefig(cfg.out_dir / "win_rates.png")
    plt.close(fig)
    return Result(
        measurements=len(episodes),
        eval_games=cfg.eval_games,
        win_curves={
            a: {n: wins[a][n].mean(axis=0).tolist() for n in selfplay.OPPONENTS} for a in nim.AGENTS
        },
        draws=draws,
        rival_wins_player_0=int((rival > 0.5).sum()),
        rival_measurements=int(rival.size),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
