"""Exercise 2: simulated rollouts in a model, and a planner that improves its guesses (the
cross-entropy method) instead of drawing every plan at random.

Fill in the two functions, then run this file and `rlcourse check 7.1`.
"""

from __future__ import annotations

from collections.abc import Callable

import torch

# (states (N, d), actions (N,)) -> (next states (N, d), rewards (N,), P(ended) (N,))
Dynamics = Callable[[torch.Tensor, torch.Tensor], tuple[torch.Tensor, torch.Tensor, torch.Tensor]]


@torch.no_grad()
def predicted_returns(
    dynamics: Dynamics, states: torch.Tensor, plans: torch.Tensor
) -> torch.Tensor:
    """The expected return of each plan over its whole length, (N,).

    states: (N, d), where each plan starts; plans: (N, H) int64 actions. Call ``dynamics``
    once per step with all N plans together (H calls in all). A step's reward counts with
    the probability that the episode had not ended before that step:
    sum_t r_t * prod_{k<t} (1 - P(end at k)).
    """
    raise NotImplementedError("predicted_returns")


def cem_plan(
    dynamics: Dynamics,
    state: torch.Tensor,
    n_actions: int,
    horizon: int,
    n_plans: int,
    n_elites: int,
    iterations: int,
    generator: torch.Generator,
) -> int:
    """The first action of the best plan found by the cross-entropy method.

    Start with probs, (horizon, n_actions), every entry 1 / n_actions. Each iteration: draw
    n_plans plans, step t's action from probs[t] (torch.multinomial with ``generator``,
    replacement=True), score them with predicted_returns from ``state`` ((d,)), keep the
    n_elites best (topk), and set probs[t, a] to the share of elites whose step t is a.
    Return the first action of the best plan of the last iteration.
    """
    raise NotImplementedError("cem_plan")


def walk(target: float) -> Dynamics:
    """A point on a line: action 0 steps left, 1 stays, 2 steps right; the reward is minus
    the distance to ``target``, and the episode ends beyond x = 4."""

    def step(
        states: torch.Tensor, actions: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        next_states = states + (actions[:, None] - 1).float()
        ended = (next_states[:, 0].abs() > 4).float()
        return next_states, -(next_states[:, 0] - target).abs(), ended

    return step


if __name__ == "__main__":
    generator = torch.Generator().manual_seed(0)
    for target in (-3.0, 0.0, 2.0):
        state = torch.zeros(1)
        path = []
        for _ in range(5):  # plan, take the first action, plan again: model-predictive control
            action = cem_plan(walk(target), state, 3, 6, 40, 8, 4, generator)
            state = walk(target)(state[None], torch.tensor([action]))[0][0]
            path.append(int(state.item()))
        print(f"target {target:+.0f}: positions {path}")
