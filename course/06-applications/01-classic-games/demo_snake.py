"""Demo 2: a DQN agent for Snake on a 6 x 6 board, against a random player, with a GIF."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import matplotlib.pyplot as plt
import numpy as np
import torch
import tyro
from tqdm import tqdm

from rlcourse.agents.dqn import DQNConfig, QNetwork, greedy_action, train_dqn
from rlcourse.devices import choose_device, describe_device
from rlcourse.envs import SNAKE_ID
from rlcourse.recording import record_gif
from rlcourse.stats import mean_and_standard_error

Policy = Callable[[np.ndarray], int]


@dataclass(frozen=True)
class Config:
    seeds: tuple[int, ...] = (0, 1, 2)
    total_steps: int = 40_000  # environment steps of DQN training per seed
    games: int = 100  # evaluation games per player (per seed for DQN)
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    device: str
    games: int
    random_apples: list[float]  # mean, standard error over the random player's games
    dqn_apples: list[float]  # mean, standard error over the seeds' mean apples
    dqn_seed_apples: list[float]  # mean apples per game of each seed's greedy agent
    dqn_best_game: int  # most apples in one evaluation game
    starved_share: float  # share of DQN games that ended by hunger, not a collision
    gif_steps: int  # length of the recorded game
    training_episodes: list[int]


# --8<-- [start:config]
DQN_SNAKE = DQNConfig(
    env_id=SNAKE_ID,  # 6 x 6 board, 11 features of what the head sees, 3 relative moves
    hidden_sizes=(64, 64),
    gamma=0.95,  # an apple is a few steps away: a short horizon is enough
    learning_rate=1e-3,
    batch_size=64,
    buffer_size=40_000,
    learning_starts=1_000,
    train_every=4,
    target_update_every=250,
    exploration_fraction=0.3,
    epsilon_end=0.02,
)
# --8<-- [end:config]


def greedy(network: QNetwork, device: torch.device) -> Policy:
    return lambda observation: greedy_action(network, observation, device)


def play_games(policy: Policy, games: int, seed: int) -> tuple[list[int], int]:
    """Apples eaten in each of ``games`` games, and how many games ended by starving."""
    env = gym.make(SNAKE_ID)
    apples, starved = [], 0
    for game in range(games):
        observation, info = env.reset(seed=seed + game)
        done = False
        while not done:
            observation, _, terminated, truncated, info = env.step(policy(observation))
            done = terminated or truncated
        apples.append(int(info["apples"]))
        starved += info.get("ended_by") == "hunger"
    env.close()
    return apples, starved


def main(cfg: Config) -> Result:
    torch.set_num_threads(1)
    device = choose_device("cpu")  # single observations: the CPU beats a GPU round trip
    print(f"device: {describe_device(device)}")
    eval_seed = 10_000
    rng = np.random.default_rng(0)
    random_apples, _ = play_games(lambda _: int(rng.integers(3)), cfg.games, eval_seed)
    # --8<-- [start:train]
    config = dataclasses.replace(DQN_SNAKE, total_steps=cfg.total_steps)
    per_seed, every_game, episodes, starved = [], [], [], 0
    best_network = None
    for seed in tqdm(cfg.seeds, desc="DQN seeds"):
        network, log = train_dqn(config, seed, device, show_progress=False)
        apples, starved_games = play_games(greedy(network, device), cfg.games, eval_seed)
        per_seed.append(float(np.mean(apples)))
        every_game.append(apples)
        episodes.append(len(log.episode_returns))
        starved += starved_games
        if best_network is None or per_seed[-1] >= max(per_seed):
            best_network = network
    # --8<-- [end:train]
    assert best_network is not None
    recording = record_gif(
        SNAKE_ID,
        greedy(best_network, device),
        cfg.out_dir / "snake.gif",
        seed=eval_seed,
        max_steps=400,
        frame_every=1,
        scale=1.0,
    )
    random_stats = mean_and_standard_error(random_apples)
    dqn_stats = mean_and_standard_error(per_seed)
    starved_share = starved / (cfg.games * len(cfg.seeds))
    print(f"random player: {random_stats[0]:.2f} ± {random_stats[1]:.2f} apples per game")
    print(
        f"DQN, {len(cfg.seeds)} seeds x {cfg.games} games: {dqn_stats[0]:.2f} ± {dqn_stats[1]:.2f}"
    )
    print("  per seed: " + ", ".join(f"{apples:.2f}" for apples in per_seed))
    print(f"  most apples in one game: {max(max(g) for g in every_game)}")
    print(f"  games that ended by starving: {starved_share:.0%}")
    print(f"GIF of the best seed's agent: one game of {recording.steps} steps")
    plot(cfg.out_dir, random_apples, every_game)
    return Result(
        device=describe_device(device),
        games=cfg.games,
        random_apples=list(random_stats),
        dqn_apples=list(dqn_stats),
        dqn_seed_apples=per_seed,
        dqn_best_game=max(max(g) for g in every_game),
        starved_share=starved_share,
        gif_steps=recording.steps,
        training_episodes=episodes,
    )


def plot(out_dir: Path, random_apples: list[int], per_seed: list[list[int]]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(7, 3.6), dpi=100, layout="constrained")
    top = max(max(random_apples), *(max(g) for g in per_seed))
    bins = [edge - 0.5 for edge in range(top + 2)]  # one bar per whole number of apples
    ax.hist(random_apples, bins, alpha=0.6, label="random player")
    ax.hist(np.concatenate(per_seed), bins, alpha=0.6, label=f"DQN, {len(per_seed)} seeds")
    ax.set(title="Apples per game of Snake (6 x 6 board)", xlabel="apples eaten", ylabel="games")
    ax.legend()
    fig.savefig(out_dir / "snake_apples.png")
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
