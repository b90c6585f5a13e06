"""The course's own environments, registered with Gymnasium on import (Part 4.4 introduces
the first, the gridworld).

``import rlcourse.envs`` makes ``gym.make("rlcourse/GridWorld-v0")`` work; keyword
arguments of :class:`~rlcourse.envs.gridworld.GridWorldEnv` (``layout``,
``slip_probability``, ...) pass through ``gym.make``.
"""

from __future__ import annotations

from gymnasium.envs.registration import register, registry

from rlcourse.envs.gridworld import GridWorldEnv

__all__ = ["GRIDWORLD_ID", "GridWorldEnv"]

GRIDWORLD_ID = "rlcourse/GridWorld-v0"

if GRIDWORLD_ID not in registry:
    register(
        id=GRIDWORLD_ID,
        entry_point="rlcourse.envs.gridworld:GridWorldEnv",
        max_episode_steps=200,
    )

RANDOM_WALK_ID = "rlcourse/RandomWalk-v0"

if RANDOM_WALK_ID not in registry:
    register(
        id=RANDOM_WALK_ID,
        entry_point="rlcourse.envs.random_walk:RandomWalkEnv",
        max_episode_steps=1000,
    )

# Part 6.1, classic games: 2048, Snake and Tic-Tac-Toe.
GAME_2048_ID = "rlcourse/Game2048-v0"
SNAKE_ID = "rlcourse/Snake-v0"
TICTACTOE_ID = "rlcourse/TicTacToe-v0"

if GAME_2048_ID not in registry:
    # An invalid move ends a game, so the limit only stops a player that never loses.
    register(
        id=GAME_2048_ID,
        entry_point="rlcourse.envs.game2048:Game2048Env",
        max_episode_steps=5000,
    )

if SNAKE_ID not in registry:
    register(id=SNAKE_ID, entry_point="rlcourse.envs.snake:SnakeEnv", max_episode_steps=1000)

if TICTACTOE_ID not in registry:
    register(id=TICTACTOE_ID, entry_point="rlcourse.envs.tictactoe:TicTacToeEnv")

# Part 6.3: one trading environment, two price processes (the same class, two ids).
TRADING_ID = "rlcourse/Trading-v0"  # a martingale price: no strategy has an edge
TRADING_MEAN_REVERTING_ID = "rlcourse/TradingMeanReverting-v0"  # a price with a real edge

if TRADING_ID not in registry:
    register(id=TRADING_ID, entry_point="rlcourse.envs.trading:TradingEnv")
if TRADING_MEAN_REVERTING_ID not in registry:
    register(
        id=TRADING_MEAN_REVERTING_ID,
        entry_point="rlcourse.envs.trading:TradingEnv",
        kwargs={"process": "mean_reverting"},
    )
