"""Demo 3: the greedy policy after every episode of Q-learning, as numbers and as a GIF."""

from __future__ import annotations

import io
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import tyro
from PIL import Image
from tqdm import tqdm

# The ledge and the tools all four demos share, in ledge.py beside this file.
import ledge
from rlcourse.agents.tabular import greedy_actions, make_q_table
from rlcourse.envs.gridworld import GridWorldEnv, unwrap_gridworld
from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    episodes: int = 6000  # the same training run as Demo 2
    alpha_start: float = 0.2
    alpha_end: float = 0.01
    epsilon_start: float = 1.0
    epsilon_end: float = 0.05
    explore_episodes: int = 3000
    gamma: float = 1.0
    frames: int = 40  # GIF frames, spaced geometrically: early episodes change the most
    fps: int = 3
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    frames: int
    changed_actions_total: int  # greedy actions changed, summed over all episodes
    last_change_episode: int  # the last episode after which some greedy action changed (0: none)
    route_changes: int  # episodes after which the intended greedy route changed
    route_kinds: dict[str, int]  # episodes after which the greedy route was of each kind
    first_goal_episode: int  # first episode after which the greedy route reached G (0: never)
    last_stuck_episode: int  # last episode after which it was stuck (0: never)
    final_route: str
    final_expected_return: float
    optimal_expected_return: float


def frame_episodes(episodes: int, frames: int) -> list[int]:
    """About ``frames`` episode numbers from 1 to ``episodes``, evenly spaced on a log scale."""
    return sorted({round(e) for e in np.geomspace(1, episodes, frames)})


def render_frame(
    grid: GridWorldEnv, q: np.ndarray, title: str, value_range: tuple[float, float]
) -> Image.Image:
    """One GIF frame: greedy arrows and route on a heatmap of max_a Q(s, a)."""
    fig, ax = plt.subplots(figsize=(6, 2.9), dpi=80, layout="constrained")
    actions = greedy_actions(q)
    route = ledge.intended_route(grid, actions)
    heatmap = ledge.draw_policy(ax, grid, actions, route, q.max(axis=1), value_range)
    assert heatmap is not None  # values were given, so draw_policy drew a heatmap
    fig.colorbar(heatmap, ax=ax, label="max_a Q(s, a)")
    ax.set_title(title, fontsize=10)
    png = io.BytesIO()
    fig.savefig(png, format="png")
    plt.close(fig)
    # An adaptive 64-colour palette per frame keeps the GIF small and the heatmap smooth.
    return Image.open(png).convert("RGB").quantize(colors=64)


def save_gif(frames: list[Image.Image], path: Path, fps: int) -> None:
    """A looping GIF; the last frame stays up four times as long."""
    durations = [1000 // fps] * (len(frames) - 1) + [4000 // fps]  # milliseconds
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=durations, loop=0)


def report_each(
    env: gym.Env[int, int], policies: list[np.ndarray], gamma: float
) -> list[ledge.PolicyReport]:
    """The exact report of each policy; a policy met again is not evaluated again."""
    known: dict[bytes, ledge.PolicyReport] = {}
    for actions in policies:
        if actions.tobytes() not in known:
            known[actions.tobytes()] = ledge.report(env, actions, gamma)
    return [known[actions.tobytes()] for actions in policies]


def main(cfg: Config) -> Result:
    seed_everything(cfg.seed)
    env = gym.make(ledge.register_ledge())
    grid = unwrap_gridworld(env)
    optimal = ledge.solve(env, cfg.gamma)
    optimal_return = float(grid.initial_state_distrib @ optimal.values.numpy())
    training = ledge.Training(
        cfg.episodes,
        cfg.alpha_start,
        cfg.alpha_end,
        cfg.epsilon_start,
        cfg.epsilon_end,
        cfg.explore_episodes,
    )

    # --8<-- [start:record]
    wanted = set(frame_episodes(cfg.episodes, cfg.frames))  # dense early, sparse late
    policies: list[np.ndarray] = []  # greedy actions (n_states,) after each episode
    snapshots: dict[int, np.ndarray] = {}  # episode -> Q (n_states, n_actions) after it

    def record(episode: int, q: np.ndarray) -> None:
        policies.append(greedy_actions(q))
        if episode + 1 in wanted:
            snapshots[episode + 1] = q.copy()  # q itself keeps changing after this call

    ledge.learn(env, training, cfg.gamma, cfg.seed, on_episode_end=record)
    initial = greedy_actions(make_q_table(env, max(grid.goal_reward, 0.0)))
    changed = [int(np.sum(now != before)) for before, now in pairwise([initial, *policies])]
    reports = report_each(env, policies, cfg.gamma)  # exact, from the model
    # --8<-- [end:record]
    greedy_returns = [report.expected_return for report in reports]
    routes = [report.route for report in reports]

    names = [ledge.route_name(grid, route) for route in routes]
    route_changes = [e for e in range(1, len(routes)) if routes[e] != routes[e - 1]]
    change_episodes = [e + 1 for e, n in enumerate(changed) if n > 0]
    print(f"greedy actions changed {sum(changed)} times in {cfg.episodes} episodes,")
    print(f"the last time after episode {change_episodes[-1] if change_episodes else 0}")
    print(f"the intended greedy route changed after {len(route_changes)} episodes")
    print("episodes after which the greedy route was each kind:")
    for name in ledge.ROUTE_NAMES:
        when = [e + 1 for e, n in enumerate(names) if n == name]
        span = f"first after {when[0]}, last after {when[-1]}" if when else ""
        print(f"  {name:<13} {len(when):>5} {span}")
    print(f"final greedy policy: E[return] {greedy_returns[-1]:.3f}, optimal {optimal_return:.3f}")

    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    value_range = (float(optimal.values.min()), max(grid.goal_reward, 0.0))
    images: list[Image.Image] = []
    for episode in tqdm(sorted(snapshots), "frames", leave=False):
        title = (
            f"after episode {episode}: greedy policy E[return] "
            f"{greedy_returns[episode - 1]:.2f} (optimal {optimal_return:.2f})"
        )
        images.append(render_frame(grid, snapshots[episode], title, value_range))
    save_gif(images, cfg.out_dir / "policy_evolution.gif", cfg.fps)
    print(f"{len(images)} frames written to policy_evolution.gif")

    episodes = np.arange(1, cfg.episodes + 1)
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(7, 4.5), dpi=100, sharex=True)
    top.step(episodes, np.cumsum(changed), where="post")
    top.set_ylabel("greedy actions changed\n(cumulative)")
    top.set_title("Q-learning on the ledge: the greedy policy after every episode")
    bottom.plot(episodes, greedy_returns, linewidth=1.0, label="greedy policy after the episode")
    bottom.axhline(optimal_return, color="black", linestyle="--", label="optimal")
    bottom.set_ylim(-210, 0)  # near -200: the policy mostly stays stuck until the time limit
    bottom.set_ylabel("exact E[return]")
    bottom.set_xlabel("episode (log scale)")
    bottom.set_xscale("log")
    bottom.legend(loc="center left")
    fig.tight_layout()
    fig.savefig(cfg.out_dir / "policy_changes.png")
    plt.close(fig)
    env.close()
    return Result(
        frames=len(images),
        changed_actions_total=sum(changed),
        last_change_episode=change_episodes[-1] if change_episodes else 0,
        route_changes=len(route_changes),
        route_kinds={name: names.count(name) for name in ledge.ROUTE_NAMES},
        first_goal_episode=next(
            (e + 1 for e, r in enumerate(routes) if grid.cell(r[-1]) == "G"), 0
        ),
        last_stuck_episode=max((e + 1 for e, n in enumerate(names) if n == "stuck"), default=0),
        final_route=f"{names[-1]}, {len(routes[-1]) - 1} moves",
        final_expected_return=greedy_returns[-1],
        optimal_expected_return=optimal_return,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
