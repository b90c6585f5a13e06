"""Demo 1: a DQN agent for 2048 against a random player and the corner heuristic."""

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

from rlcourse.agents.dqn import DQNConfig, QNetwork, train_dqn
from rlcourse.devices import choose_device, describe_device
from rlcourse.envs import GAME_2048_ID
from rlcourse.envs.game2048 import DOWN, LEFT, RIGHT, UP
from rlcourse.stats import mean_and_standard_error

# A player sees the observation and info["legal_moves"], and returns a move.
Player = Callable[[np.ndarray, np.ndarray], int]


@dataclass(frozen=True)
class Config:
    seeds: tuple[int, ...] = (0, 1, 2)
    total_steps: int = 30_000  # environment steps of DQN training per seed
    games: int = 100  # evaluation games per player (per seed for DQN)
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    device: str
    games: int
    players: list[str]
    mean_score: list[float]  # per player, over all its games
    score_error: list[float]  # per player: standard error of the mean score
    median_score: list[float]
    tile_shares: list[dict[str, float]]  # per player: largest tile -> share of games
    dqn_seed_scores: list[float]  # mean score of each seed's masked DQN agent
    dqn_invalid_share: float  # share of unmasked DQN games ended by an invalid move
    training_episodes: list[int]  # per seed


# --8<-- [start:players]
def random_player(rng: np.random.Generator) -> Player:
    """Any legal move, uniformly."""
    return lambda observation, legal: int(rng.choice(np.flatnonzero(legal)))


def corner_player(observation: np.ndarray, legal: np.ndarray) -> int:
    """Keep the largest tile in the bottom-left corner: down, else left, else right,
    and up only when nothing else is legal (up would pull the corner tile away)."""
    return next(move for move in (DOWN, LEFT, RIGHT, UP) if legal[move])


def dqn_player(network: QNetwork, masked: bool) -> Player:
    """The move of highest Q-value; ``masked`` restricts the choice to legal moves."""

    def play(observation: np.ndarray, legal: np.ndarray) -> int:
        with torch.no_grad():
            q = network(torch.as_tensor(observation).unsqueeze(0))[0].numpy()
        return int(np.where(legal, q, -np.inf).argmax() if masked else q.argmax())

    return play


DQN_2048 = DQNConfig(
    env_id=GAME_2048_ID,
    hidden_sizes=(256, 256),
    gamma=0.99,
    learning_rate=5e-4,
    batch_size=64,
    buffer_size=50_000,
    learning_starts=1_000,
    train_every=4,  # one gradient step per 4 moves keeps the budget small
    target_update_every=250,
    exploration_fraction=0.5,
    epsilon_end=0.05,
    huber_loss=True,  # a merge of two 512s pays 1024: squared errors that large explode
)
# --8<-- [end:players]


def play_games(player: Player, games: int, seed: int) -> tuple[list[int], list[int], int]:
    """Scores and largest tiles of ``games`` games, and how many ended on an invalid move."""
    env = gym.make(GAME_2048_ID)
    scores, tiles, invalid = [], [], 0
    for game in range(games):
        observation, info = env.reset(seed=seed + game)
        done = False
        while not done:
            action = player(observation, info["legal_moves"])
            observation, _, terminated, truncated, info = env.step(action)
            done = terminated or truncated
        scores.append(int(info["score"]))
        tiles.append(int(info["max_tile"]))
        invalid += bool(info.get("invalid", False))
    env.close()
    return scores, tiles, invalid


def main(cfg: Config) -> Result:
    torch.set_num_threads(1)  # a small network: one thread is fastest
    device = choose_device("cpu")  # single observations: the CPU beats a GPU round trip
    print(f"device: {describe_device(device)}")
    # --8<-- [start:compare]
    results: dict[str, tuple[list[int], list[int]]] = {}
    eval_seed = 10_000  # evaluation boards no training run started from
    for name, player in [
        ("random", random_player(np.random.default_rng(0))),
        ("corner heuristic", corner_player),
    ]:
        scores, tiles, _ = play_games(player, cfg.games, eval_seed)
        results[name] = (scores, tiles)
    dqn_config = dataclasses.replace(DQN_2048, total_steps=cfg.total_steps)
    results["DQN, legal moves"] = ([], [])
    results["DQN, as trained"] = ([], [])
    seed_scores, episodes, invalid = [], [], 0
    for seed in tqdm(cfg.seeds, desc="DQN seeds"):
        network, log = train_dqn(dqn_config, seed, device, show_progress=False)
        episodes.append(len(log.episode_returns))
        for name, masked in [("DQN, legal moves", True), ("DQN, as trained", False)]:
            scores, tiles, ended = play_games(dqn_player(network, masked), cfg.games, eval_seed)
            results[name][0].extend(scores)
            results[name][1].extend(tiles)
            if masked:
                seed_scores.append(float(np.mean(scores)))
            else:
                invalid += ended
    # --8<-- [end:compare]
    return report(cfg, results, seed_scores, invalid, episodes, describe_device(device))


def report(
    cfg: Config,
    results: dict[str, tuple[list[int], list[int]]],
    seed_scores: list[float],
    invalid: int,
    episodes: list[int],
    device: str,
) -> Result:
    names = list(results)
    all_tiles = sorted({tile for _, tiles in results.values() for tile in tiles})
    stats = [mean_and_standard_error(results[name][0]) for name in names]
    shares = [
        {str(tile): results[name][1].count(tile) / len(results[name][1]) for tile in all_tiles}
        for name in names
    ]
    print(f"{'player':<18}{'games':>6}{'mean score':>18}{'median':>8}  largest tile: share")
    for name, (mean, error), share in zip(names, stats, shares, strict=True):
        games = len(results[name][0])
        tiles = "  ".join(f"{t}:{s:.2f}" for t, s in share.items() if s > 0)
        median = np.median(results[name][0])
        print(f"{name:<18}{games:>6}{mean:>11.0f} ± {error:<4.0f}{median:>8.0f}  {tiles}")
    print("DQN mean score per seed (legal moves): " + ", ".join(f"{s:.0f}" for s in seed_scores))
    invalid_share = invalid / (cfg.games * len(cfg.seeds))
    print(f"DQN games as trained that ended on an invalid move: {invalid_share:.0%}")
    plot(cfg.out_dir, results, all_tiles)
    return Result(
        device=device,
        games=cfg.games,
        players=names,
        mean_score=[mean for mean, _ in stats],
        score_error=[error for _, error in stats],
        median_score=[float(np.median(results[name][0])) for name in names],
        tile_shares=shares,
        dqn_seed_scores=seed_scores,
        dqn_invalid_share=invalid_share,
        training_episodes=episodes,
    )


def plot(out_dir: Path, results: dict[str, tuple[list[int], list[int]]], tiles: list[int]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4), dpi=100, layout="constrained")
    names = list(results)
    left.boxplot([results[name][0] for name in names], tick_labels=names)
    left.set(title="Final score per game", xlabel="player", ylabel="score")
    left.tick_params(axis="x", labelrotation=15)
    width = 0.8 / len(names)
    x = np.arange(len(tiles))
    for i, name in enumerate(names):
        played = results[name][1]
        share = [played.count(tile) / len(played) for tile in tiles]
        right.bar(x + (i - (len(names) - 1) / 2) * width, share, width, label=name)
    right.set_xticks(x, [str(tile) for tile in tiles])
    right.set(title="Largest tile reached", xlabel="largest tile", ylabel="share of games")
    right.legend()
    fig.savefig(out_dir / "game2048.png")
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
