"""Demo 1: two DQN agents for 2048 against a random player and the corner heuristic: one
trained on the library's game as it is, one on the board of ``training2048``."""

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
from training2048 import TRAINING_2048_ID, one_hot_board

# A player sees the observation and info["legal_moves"], and returns a move.
Player = Callable[[np.ndarray, np.ndarray], int]
Encoding = Callable[[np.ndarray], np.ndarray]  # the game's (16,) exponents -> network input


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
    dqn_seed_scores: list[list[float]]  # per DQN agent: the mean score of each seed
    masked_share: list[float]  # per DQN agent: share of its moves the legal-move mask changed
    training_episodes: list[list[int]]  # per DQN agent: games played in training, per seed


def random_player(rng: np.random.Generator) -> Player:
    """Any legal move, uniformly."""
    return lambda observation, legal: int(rng.choice(np.flatnonzero(legal)))


# --8<-- [start:players]
def corner_player(observation: np.ndarray, legal: np.ndarray) -> int:
    """Keep the largest tile in the bottom-left corner: down, else left, else right,
    and up only when nothing else is legal (up would pull the corner tile away)."""
    return next(move for move in (DOWN, LEFT, RIGHT, UP) if legal[move])


def dqn_player(network: QNetwork, encode: Encoding, changed: list[int]) -> Player:
    """The legal move of highest Q-value; counts in ``changed`` [moves, moves whose
    unmasked choice was illegal] how often the mask overruled the network."""

    def play(observation: np.ndarray, legal: np.ndarray) -> int:
        with torch.no_grad():
            q = network(torch.as_tensor(encode(observation)).unsqueeze(0))[0].numpy()
        changed[0] += 1
        changed[1] += not legal[q.argmax()]
        return int(np.where(legal, q, -np.inf).argmax())

    return play


DQN_GAME = DQNConfig(
    env_id=GAME_2048_ID,  # the game as it is: raw exponents, an invalid move ends it
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
DQN_BOARD = dataclasses.replace(
    DQN_GAME,
    env_id=TRAINING_2048_ID,  # one-hot cells, log2 rewards, an invalid move costs 1
    gamma=0.5,  # a short horizon: learn what the next merges pay before the far future
)
# --8<-- [end:players]


def play_games(player: Player, games: int, seed: int) -> tuple[list[int], list[int]]:
    """Scores and largest tiles of ``games`` games of the library's game."""
    env = gym.make(GAME_2048_ID)
    scores, tiles = [], []
    for game in range(games):
        observation, info = env.reset(seed=seed + game)
        done = False
        while not done:
            action = player(observation, info["legal_moves"])
            observation, _, terminated, truncated, info = env.step(action)
            done = terminated or truncated
        scores.append(int(info["score"]))
        tiles.append(int(info["max_tile"]))
    env.close()
    return scores, tiles


def main(cfg: Config) -> Result:
    torch.set_num_threads(1)  # a small network: one thread is fastest
    device = choose_device("cpu")  # single observations: the CPU beats a GPU round trip
    print(f"device: {describe_device(device)}")
    results: dict[str, tuple[list[int], list[int]]] = {}
    eval_seed = 10_000  # evaluation boards no training run started from
    for name, player in [
        ("random", random_player(np.random.default_rng(0))),
        ("corner heuristic", corner_player),
    ]:
        results[name] = play_games(player, cfg.games, eval_seed)
    seed_scores, masked, episodes = [], [], []
    # --8<-- [start:compare]
    for name, dqn, encode in [
        ("DQN, game as is", DQN_GAME, lambda board: board),
        ("DQN, training board", DQN_BOARD, one_hot_board),
    ]:
        results[name] = ([], [])
        seed_scores.append([])
        episodes.append([])
        changed = [0, 0]  # [moves played, moves whose greedy choice was illegal]
        for seed in tqdm(cfg.seeds, desc=name):
            config = dataclasses.replace(dqn, total_steps=cfg.total_steps)
            network, log = train_dqn(config, seed, device, show_progress=False)
            episodes[-1].append(len(log.episode_returns))
            player = dqn_player(network, encode, changed)
            scores, tiles = play_games(player, cfg.games, eval_seed)
            results[name][0].extend(scores)
            results[name][1].extend(tiles)
            seed_scores[-1].append(float(np.mean(scores)))
        masked.append(changed[1] / changed[0])
    # --8<-- [end:compare]
    return report(cfg, results, seed_scores, masked, episodes, describe_device(device))


def report(
    cfg: Config,
    results: dict[str, tuple[list[int], list[int]]],
    seed_scores: list[list[float]],
    masked: list[float],
    episodes: list[list[int]],
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
    for name, scores, share in zip(names[2:], seed_scores, masked, strict=True):
        per_seed = ", ".join(f"{score:.0f}" for score in scores)
        print(f"{name}: mean score per seed {per_seed}; greedy move illegal {share:.1%}")
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
        masked_share=masked,
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
    # Shares run from 0 to 1; the room above the tallest bar holds the legend.
    right.set(title="Largest tile reached", xlabel="largest tile", ylabel="share of games")
    right.set_ylim(0, 1)
    right.legend(loc="upper right", ncol=2)
    fig.savefig(out_dir / "game2048.png")
    plt.close(fig)


if __name__ == "__main__":
    main(tyro.cli(Config))
