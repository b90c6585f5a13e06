"""The boat race of Part 7.4, and the tools its four demos share.

A boat starts at S and should reach the finish F. The organiser pays points: for the
finish, and for every pass through the checkpoint buoy C, which can be passed again and
again. Reeds (R), where birds nest, lie on the short way; the points do not mention them.
The lesson folder is not a Python package, so the demos import this file as a sibling.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces
from matplotlib.axes import Axes
from matplotlib.image import AxesImage

from rlcourse.agents.tabular import epsilon_greedy_action, train
from rlcourse.dp import PolicyEvaluation, ValueIteration, evaluate_policy, value_iteration
from rlcourse.envs.gridworld import ACTION_ARROWS, ACTION_DELTAS
from rlcourse.mdp import TabularMDP, ToyTextOutcome, deterministic_policy, tabular_mdp
from rlcourse.schedules import LinearSchedule

# --8<-- [start:design]
RACE_LAYOUT: tuple[str, ...] = (
    "..........",  # open water: the long way round, four moves longer
    ".########.",  # land
    "S.C...RR.F",  # the short way: past the checkpoint buoy C, through the reeds R
)


@dataclass(frozen=True)
class Rewards:
    """What one step pays: the sum of the events that happened in it."""

    finish: float = 0.0  # entering F, which ends the episode
    checkpoint: float = 0.0  # entering C from another cell, every time it happens
    reeds: float = 0.0  # entering an R cell from another cell
    step: float = 0.0  # every step


POINTS = Rewards(finish=10.0, checkpoint=1.0)  # the proxy: what the organiser pays
# --8<-- [end:design]
GAMMA = 0.99
MAX_EPISODE_STEPS = 100
RACE_ID = "boatrace/Race-v0"


class RaceEnv(gym.Env[Any, Any]):
    """The race as a Gymnasium environment. Observation: the boat's cell, row * n_cols + col.
    Actions: 0 up, 1 right, 2 down, 3 left; a move goes sideways with probability
    ``slip_probability`` / 2 each way, and into land or off the grid leaves the boat in place.

    With a ``potential`` Phi (one number per cell), every step also pays the shaping term
    gamma * Phi(s') - Phi(s), with Phi taken as 0 after the finish. ``info`` reports what
    happened in the step ("finish", "checkpoint", "reeds"), whatever the rewards are.
    """

    metadata = {"render_modes": []}  # noqa: RUF012 (Gymnasium reads it from the class)

    def __init__(
        self,
        layout: tuple[str, ...] = RACE_LAYOUT,
        rewards: Rewards = POINTS,
        slip_probability: float = 0.1,
        potential: np.ndarray | None = None,
        gamma: float = GAMMA,
    ) -> None:
        self.layout = layout
        self.n_rows, self.n_cols = len(layout), len(layout[0])
        self.rewards, self.slip_probability = rewards, slip_probability
        n_states = self.n_rows * self.n_cols
        self.potential = np.zeros(n_states) if potential is None else np.asarray(potential)
        self.gamma = gamma
        self.observation_space = spaces.Discrete(n_states)
        self.action_space = spaces.Discrete(4)
        self.start = "".join(layout).index("S")
        self.initial_state_distrib = np.eye(n_states)[self.start]
        self.P: dict[int, dict[int, list[ToyTextOutcome]]] = {
            s: {a: self._outcomes(s, a) for a in range(4)} for s in range(n_states)
        }
        self.state = self.start

    @property
    def n_states(self) -> int:
        return self.n_rows * self.n_cols

    def cell(self, state: int) -> str:
        return self.layout[state // self.n_cols][state % self.n_cols]

    def events(self, state: int, next_state: int) -> dict[str, bool]:
        """What a move from ``state`` to ``next_state`` did: entering a cell means moving
        into it from a different cell (a boat that bumps and stays enters nothing)."""
        moved = next_state != state
        return {
            "finish": self.cell(next_state) == "F",
            "checkpoint": moved and self.cell(next_state) == "C",
            "reeds": moved and self.cell(next_state) == "R",
        }

    # --8<-- [start:reward]
    def reward(self, state: int, next_state: int) -> float:
        """The rewards of the events, plus the shaping term gamma Phi(s') - Phi(s)."""
        happened = self.events(state, next_state)
        paid = self.rewards.step + sum(
            getattr(self.rewards, event) for event, yes in happened.items() if yes
        )
        next_potential = 0.0 if happened["finish"] else self.potential[next_state]
        return paid + self.gamma * next_potential - self.potential[state]

    # --8<-- [end:reward]

    def _move(self, state: int, action: int) -> int:
        row, col = divmod(state, self.n_cols)
        row, col = row + ACTION_DELTAS[action][0], col + ACTION_DELTAS[action][1]
        if not (0 <= row < self.n_rows and 0 <= col < self.n_cols) or self.layout[row][col] == "#":
            return state
        return row * self.n_cols + col

    def _outcomes(self, state: int, action: int) -> list[ToyTextOutcome]:
        if self.cell(state) in "#F":
            return [(1.0, state, 0.0, True)]  # absorbing: the boat never acts here
        aimed = [(action, 1.0 - self.slip_probability)]
        sideways = [(d, self.slip_probability / 2) for d in ((action + 1) % 4, (action + 3) % 4)]
        merged: dict[int, float] = {}
        for direction, probability in aimed + sideways:
            if probability > 0.0:
                next_state = self._move(state, direction)
                merged[next_state] = merged.get(next_state, 0.0) + probability
        return [(p, s, self.reward(state, s), self.cell(s) == "F") for s, p in merged.items()]

    def reset(
        self, *, seed: int | None = None, options: dict[str, Any] | None = None
    ) -> tuple[int, dict[str, Any]]:
        super().reset(seed=seed)
        self.state = self.start
        return self.state, {}

    def step(self, action: int) -> tuple[int, float, bool, bool, dict[str, Any]]:
        outcomes = self.P[self.state][int(action)]
        index = int(self.np_random.choice(len(outcomes), p=[o[0] for o in outcomes]))
        _, next_state, reward, terminated = outcomes[index]
        info = self.events(self.state, next_state)
        self.state = next_state
        return next_state, reward, terminated, False, info


def register_race() -> str:
    if RACE_ID not in gym.registry:
        gym.register(RACE_ID, f"{__name__}:RaceEnv", max_episode_steps=MAX_EPISODE_STEPS)
    return RACE_ID


def make(**settings: Any) -> gym.Env[Any, Any]:
    """The race through ``gym.make`` (time limit included); settings go to RaceEnv."""
    return gym.make(register_race(), **settings)


def race_of(env: gym.Env[Any, Any]) -> RaceEnv:
    inner = env.unwrapped
    if not isinstance(inner, RaceEnv):
        raise TypeError(f"expected a RaceEnv inside the wrappers, got {type(inner).__name__}")
    return inner


def model_of(race: RaceEnv) -> TabularMDP:
    return tabular_mdp(race.P, race.n_states, 4)


def counting_model(race: RaceEnv, event: str) -> TabularMDP:
    """The race's dynamics with reward 1 for ``event`` and 0 for anything else: a policy's
    expected return there is how often the event happens in an episode."""
    counting = RaceEnv(race.layout, Rewards(**{event: 1.0}), race.slip_probability)
    return model_of(counting)


def distance_to_finish(race: RaceEnv) -> np.ndarray:
    """Fewest moves from each cell to F over water (reeds included), by breadth-first
    search backwards from F; land gets 0."""
    distance = np.full(race.n_states, -1)
    finish = "".join(race.layout).index("F")
    distance[finish] = 0
    queue = deque([finish])
    while queue:
        state = queue.popleft()
        for action in range(4):
            neighbour = race._move(state, action)  # moves are reversible on a grid
            if distance[neighbour] < 0:
                distance[neighbour] = distance[state] + 1
                queue.append(neighbour)
    return np.maximum(distance, 0).astype(np.float64)


@dataclass(frozen=True)
class Report:
    """What a policy does in one episode of at most MAX_EPISODE_STEPS steps, in expectation."""

    points: float  # the proxy return: undiscounted sum of the organiser's points
    finish: float  # probability of reaching F: the designer's objective
    reeds: float  # expected reed cells entered: the side effect
    checkpoint: float  # expected passes through the checkpoint
    moves: float  # expected length of the episode

    def numbers(self) -> dict[str, float]:
        return {k: float(v) for k, v in vars(self).items()}


def report(race: RaceEnv, actions: np.ndarray) -> Report:
    """The exact report of the deterministic policy ``actions`` (n_states,), by the finite-
    horizon evaluation of Part 4.4 on the race's model with each reward in turn."""
    policy = deterministic_policy(actions, 4)

    def evaluate(model: TabularMDP) -> PolicyEvaluation:
        start = race.initial_state_distrib
        return evaluate_policy(model, policy, start, MAX_EPISODE_STEPS, gamma=1.0)

    scored = evaluate(model_of(RaceEnv(race.layout, POINTS, race.slip_probability)))
    counts = {
        event: evaluate(counting_model(race, event)).expected_return
        for event in ("finish", "reeds", "checkpoint")
    }
    return Report(points=scored.expected_return, moves=scored.expected_length, **counts)


def bisect(holds: Callable[[float], bool], low: float, high: float, steps: int = 20) -> float:
    """The point where ``holds`` switches from False (at ``low``) to True (at ``high``),
    to within (high - low) / 2^steps: the smallest value found for which it holds."""
    for _ in range(steps):
        middle = (low + high) / 2
        low, high = (low, middle) if holds(middle) else (middle, high)
    return high


# --8<-- [start:learn]
def learn(env: gym.Env[Any, Any], episodes: int, seed: int) -> tuple[np.ndarray, list[float]]:
    """Tabular Q-learning (Part 4.4) with alpha 0.1 and epsilon falling from 1 to 0.05
    over the first half of the episodes; returns the Q-table (n_states, 4) and the
    undiscounted return of each training episode."""
    epsilon = LinearSchedule(1.0, 0.05, episodes // 2)
    q, history = train(env, "q_learning", episodes, 0.1, GAMMA, epsilon, seed, progress=False)
    return q, history.returns


# --8<-- [end:learn]


def rollouts(
    env: gym.Env[Any, Any], q: np.ndarray, episodes: int, seed: int
) -> tuple[Report, np.ndarray]:
    """The greedy policy of ``q`` for ``episodes`` fresh episodes: the mean of each quantity
    per episode, and the mean number of steps taken from each cell, shape (n_states,)."""
    rng = np.random.default_rng(seed)
    totals = {"points": 0.0, "finish": 0.0, "reeds": 0.0, "checkpoint": 0.0, "moves": 0.0}
    visits = np.zeros(q.shape[0])
    for episode in range(episodes):
        state, _ = env.reset(seed=seed + episode)
        done = False
        while not done:
            visits[state] += 1
            action = epsilon_greedy_action(q[state], 0.0, rng)  # greedy, ties at random
            state, _, terminated, truncated, info = env.step(action)
            totals["points"] += POINTS.step
            totals["moves"] += 1
            for event, happened in info.items():
                totals[event] += float(happened)
                totals["points"] += getattr(POINTS, event) * happened
            done = terminated or truncated
    return Report(**{k: v / episodes for k, v in totals.items()}), visits / episodes


def with_rewards(race: RaceEnv, rewards: Rewards, potential: np.ndarray | None = None) -> RaceEnv:
    """The same race with other rewards (and an optional shaping potential)."""
    return RaceEnv(race.layout, rewards, race.slip_probability, potential, race.gamma)


def solve(race: RaceEnv, rewards: Rewards, potential: np.ndarray | None = None) -> ValueIteration:
    """q* and v* of the race with other rewards (and a potential), by value iteration."""
    return value_iteration(model_of(with_rewards(race, rewards, potential)), GAMMA)


CELL_COLOURS: dict[str, tuple[float, float, float]] = {
    ".": (0.80, 0.90, 1.0),
    "S": (0.60, 0.75, 1.0),
    "#": (0.55, 0.45, 0.30),
    "F": (0.45, 0.80, 0.45),
    "C": (1.0, 0.80, 0.20),
    "R": (0.55, 0.70, 0.35),
}


def draw(
    ax: Axes, race: RaceEnv, actions: np.ndarray | None = None, shade: np.ndarray | None = None
) -> AxesImage | None:
    """The layout, letters on special cells, greedy arrows, and optionally a heatmap
    ``shade`` (n_states,) over the water cells where it is positive (returned, for a colour bar)."""
    ax.imshow(np.array([[CELL_COLOURS[c] for c in row] for row in race.layout]))
    heatmap = None
    box = {"boxstyle": "round,pad=0.1", "facecolor": "white", "alpha": 0.7, "lw": 0}
    if shade is not None:
        water = np.array([race.cell(s) != "#" for s in range(len(shade))])
        grid = np.where(water & (shade > 0), shade, np.nan).reshape(race.n_rows, race.n_cols)
        heatmap = ax.imshow(grid, cmap="magma_r", alpha=0.85)
    for state in range(race.n_states):
        row, col = divmod(state, race.n_cols)
        char = race.cell(state)
        if char in "SFCR":
            ax.text(col, row - 0.28, char, ha="center", va="center", fontsize=8, bbox=box)
        if actions is not None and char not in "#F":
            arrow = ACTION_ARROWS[int(actions[state])]
            ax.text(col, row + 0.1, arrow, ha="center", va="center", fontsize=12, bbox=box)
    ax.set_xticks([])
    ax.set_yticks([])
    return heatmap
