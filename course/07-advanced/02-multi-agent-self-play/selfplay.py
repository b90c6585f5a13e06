"""Two tabular Q-learners trained by self-play on Nim, and the games that measure them
(Part 7.2). Demos 2 to 4 import this module; one training run serves all three."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path

import numpy as np
from tqdm import tqdm

import nim
from rlcourse.seeding import seed_everything

PLACE = np.cumprod([1, *(size + 1 for size in nim.START[:0:-1])])[::-1]  # mixed-radix digits
N_STATES = int(np.prod([size + 1 for size in nim.START]))  # 2 * 4 * 6 * 8 = 384 positions

# A policy maps (observation, legal-action mask) to an action.
Policy = Callable[[np.ndarray, np.ndarray], int]


def state_of(observation: np.ndarray) -> int:
    """The row of a Q-table for a one-hot observation: the piles as a mixed-radix number."""
    return int(observation.argmax(axis=1) @ PLACE)


def piles_of(state: int) -> np.ndarray:
    """The pile sizes of a Q-table row (the inverse of ``state_of``)."""
    return np.array(
        [state // place % (size + 1) for place, size in zip(PLACE, nim.START, strict=True)]
    )


def nim_sum(piles: np.ndarray) -> int:
    """The XOR of the pile sizes: Bouton's theorem says the player to move loses against
    perfect play exactly when it is 0."""
    return functools.reduce(lambda a, b: a ^ b, (int(size) for size in piles), 0)


# --8<-- [start:policy]
def epsilon_greedy(
    q_row: np.ndarray, mask: np.ndarray, epsilon: float, rng: np.random.Generator
) -> int:
    """A uniformly random legal action with probability epsilon, else the legal action of
    highest Q (ties broken at random, so an untrained table does not always take pile 0)."""
    legal = np.flatnonzero(mask)
    if rng.random() < epsilon:
        return int(rng.choice(legal))
    best = legal[q_row[legal] == q_row[legal].max()]
    return int(rng.choice(best))


# --8<-- [end:policy]


# --8<-- [start:selfplay]
def selfplay_episode(
    env: nim.NimEnv,
    tables: dict[str, np.ndarray],  # agent -> (N_STATES, N_ACTIONS) Q-table
    alpha: float,
    epsilon: float,
    rng: np.random.Generator,
) -> None:
    """One game in which both agents act epsilon-greedily and learn by Q-learning. An
    agent's move is judged only when its turn comes back (or the game ends): for it, the
    opponent's reply is part of the environment, so its next state is the position after
    that reply, and its reward is what last() has gathered since it moved (gamma = 1)."""
    env.reset()
    pending: dict[str, tuple[int, int]] = {}  # agent -> (state, action) awaiting its target
    for agent in env.agent_iter():
        observation, reward, terminated, truncated, info = env.last()
        assert observation is not None  # last() observes unless told observe=False
        q, state = tables[agent], state_of(observation)
        if agent in pending:
            last_state, last_action = pending[agent]
            legal = np.flatnonzero(info["action_mask"])
            target = reward if terminated else reward + q[state, legal].max()
            q[last_state, last_action] += alpha * (target - q[last_state, last_action])
        if terminated or truncated:
            env.step(None)  # the finished agent leaves the game
            continue
        action = epsilon_greedy(q[state], info["action_mask"], epsilon, rng)
        pending[agent] = (state, action)
        env.step(action)


# --8<-- [end:selfplay]


def play(env: nim.NimEnv, players: dict[str, Policy]) -> float:
    """One game without learning: player_0's outcome, +1 a win, -1 a loss (0 would be a
    draw, which Nim cannot produce)."""
    env.reset()
    outcome = 0.0
    for agent in env.agent_iter():
        observation, reward, terminated, truncated, info = env.last()
        assert observation is not None  # last() observes unless told observe=False
        if terminated or truncated:
            outcome = float(reward) if agent == nim.AGENTS[0] else outcome
            env.step(None)
        else:
            env.step(players[agent](observation, info["action_mask"]))
    return outcome


def greedy(q: np.ndarray, rng: np.random.Generator, epsilon: float = 0.0) -> Policy:
    """The table's epsilon-greedy policy (greedy when epsilon is 0)."""
    return lambda observation, mask: epsilon_greedy(q[state_of(observation)], mask, epsilon, rng)


def uniform(rng: np.random.Generator) -> Policy:
    """A player that picks any legal move."""
    return lambda observation, mask: int(rng.choice(np.flatnonzero(mask)))


def perfect(rng: np.random.Generator) -> Policy:
    """Bouton's strategy: a move to nim-sum 0 when one exists (a random one of them),
    otherwise any legal move: from nim-sum 0 every move loses against perfect play."""

    def choose(observation: np.ndarray, mask: np.ndarray) -> int:
        legal = np.flatnonzero(mask)
        piles = observation.argmax(axis=1)
        winning = [a for a in legal if nim_sum(after(piles, int(a))) == 0]
        return int(rng.choice(winning if winning else legal))

    return choose


def after(piles: np.ndarray, action: int) -> np.ndarray:
    """The piles after an action."""
    pile, count = nim.decode(action)
    result = piles.copy()
    result[pile] -= count
    return result


@dataclass(frozen=True)
class TrainConfig:
    episodes: int = 10_000  # self-play games per seed
    alpha: float = 0.2  # Q-learning step size
    epsilon: float = 0.2  # exploration of both learners while they train
    measurements: int = 10  # evenly spaced during training, the last at its end
    eval_games: int = 100  # games per opponent and measurement
    final_games: int = 200  # games per opponent after training
    seeds: int = 5  # independent runs, from empty tables

    @property
    def eval_every(self) -> int:
        return max(self.episodes // self.measurements, 1)

    @property
    def snapshot_at(self) -> int:
        """The "earlier snapshot" opponent: both tables after half a measurement interval."""
        return max(self.eval_every // 2, 1)


OPPONENTS = ("random", "snapshot", "perfect", "rival")  # rival: the other learner, now


@dataclass(frozen=True)
class Run:
    tables: dict[str, np.ndarray]  # agent -> (N_STATES, N_ACTIONS) Q-table after training
    episodes: list[int]  # when each measurement was taken
    outcomes: dict[
        str, dict[str, np.ndarray]
    ]  # agent -> opponent -> (measurements, games) of +1/0/-1
    final: dict[str, dict[str, np.ndarray]]  # agent -> opponent -> (final_games,) of +1/0/-1


# --8<-- [start:measure]
def measure(
    env: nim.NimEnv,
    tables: dict[str, np.ndarray],
    snapshot: dict[str, np.ndarray],
    games: int,
    rng: np.random.Generator,
) -> dict[str, dict[str, np.ndarray]]:
    """Each agent plays greedily, from its own seat, against each fixed opponent (and the
    other learner); returns its outcome in every game (+1 win, 0 draw, -1 loss)."""
    result: dict[str, dict[str, np.ndarray]] = {}
    for seat, agent in enumerate(nim.AGENTS):
        other = nim.AGENTS[1 - seat]
        opponents: dict[str, Policy] = {
            "random": uniform(rng),
            "snapshot": greedy(snapshot[other], rng),
            "perfect": perfect(rng),
            "rival": greedy(tables[other], rng),
        }
        sign = 1.0 if seat == 0 else -1.0  # play() scores the game for player_0
        result[agent] = {
            name: np.array(
                [
                    sign * play(env, {agent: greedy(tables[agent], rng), other: opponent})
                    for _ in range(games)
                ]
            )
            for name, opponent in opponents.items()
        }
    return result


# --8<-- [end:measure]


@functools.cache
def train(cfg: TrainConfig, seed: int) -> Run:
    """Self-play from empty tables, measured every ``eval_every`` games (Demos 2 to 4 share
    each seed's run, hence the cache)."""
    seed_everything(seed)
    rng = np.random.default_rng(seed)
    if cfg.episodes < cfg.measurements:
        raise ValueError(
            f"episodes ({cfg.episodes}) must be at least measurements ({cfg.measurements})"
        )
    env = nim.NimEnv()
    tables = {agent: np.zeros((N_STATES, nim.N_ACTIONS)) for agent in nim.AGENTS}
    snapshot = {agent: table.copy() for agent, table in tables.items()}
    episodes: list[int] = []
    history: list[dict[str, dict[str, np.ndarray]]] = []
    for episode in tqdm(
        range(1, cfg.episodes + 1), desc=f"seed {seed}", mininterval=2.0, leave=False
    ):
        selfplay_episode(env, tables, cfg.alpha, cfg.epsilon, rng)
        if episode == cfg.snapshot_at:
            snapshot = {agent: table.copy() for agent, table in tables.items()}
        if episode % cfg.eval_every == 0:
            episodes.append(episode)
            history.append(measure(env, tables, snapshot, cfg.eval_games, rng))
    outcomes = {
        agent: {name: np.stack([h[agent][name] for h in history]) for name in OPPONENTS}
        for agent in nim.AGENTS
    }
    final = measure(env, tables, snapshot, cfg.final_games, rng)
    return Run(tables, episodes, outcomes, final)


@dataclass(frozen=True)
class DemoConfig(TrainConfig):
    """The Config of Demos 2 to 4: the same self-play runs, and where the figures go."""

    out_dir: Path = Path(__file__).parent / "outputs"  # where the figures are saved


def train_seeds(cfg: TrainConfig) -> list[Run]:
    """One run per seed, each trained once however many demos ask for it."""
    settings = TrainConfig(
        **{field.name: getattr(cfg, field.name) for field in fields(TrainConfig)}
    )
    return [train(settings, seed) for seed in range(cfg.seeds)]
