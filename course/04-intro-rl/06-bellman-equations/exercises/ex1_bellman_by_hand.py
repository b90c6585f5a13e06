"""Exercise 1: the rover's Bellman system under "always explore", by hand and with PyTorch.

Under "always explore" the rover of Demo 1 has, with discount gamma:

    sunny:  reward +2; the next state is sunny (0.8) or cloudy (0.2)
    cloudy: reward +1 and the next state is sunny (0.4) or cloudy (0.4),
            or reward -10 and the episode ends, stuck (0.2)

so r_pi = (2, 0.8 * 1 + 0.2 * (-10)) = (2, -1.2) for (sunny, cloudy), and v(stuck) = 0.

Fill in the two functions, then run this file and `rlcourse check 4.6`.
"""

from __future__ import annotations

import torch


def values_by_hand(gamma: float) -> tuple[float, float]:
    """(v(sunny), v(cloudy)) under "always explore", from a closed form in gamma.

    Write the Bellman equation of the two acting states, solve it on paper for any gamma
    (substitution or Cramer's rule), and return your formulas evaluated at ``gamma``.
    Plain arithmetic only: no linear-algebra routine.
    """
    raise NotImplementedError("values_by_hand: your closed form in gamma")


def solve_values(p_pi: torch.Tensor, r_pi: torch.Tensor, gamma: float) -> torch.Tensor:
    """v with (I - gamma P_pi) v = r_pi. p_pi (S, S) and r_pi (S,) are float64; returns (S,).

    Use torch.linalg.solve (it never forms the inverse).
    """
    raise NotImplementedError("solve_values: torch.linalg.solve")


if __name__ == "__main__":
    # Rows and columns: sunny, cloudy, stuck. Moves into "stuck" end the episode, so
    # they are not in P_pi, and stuck's own row is zero.
    p_pi = torch.tensor([[0.8, 0.2, 0.0], [0.4, 0.4, 0.0], [0.0, 0.0, 0.0]], dtype=torch.float64)
    r_pi = torch.tensor([2.0, -1.2, 0.0], dtype=torch.float64)
    for gamma in (0.5, 0.9, 0.99):
        sunny, cloudy = values_by_hand(gamma)
        by_hand = torch.tensor([sunny, cloudy, 0.0], dtype=torch.float64)
        solved = solve_values(p_pi, r_pi, gamma)
        print(f"gamma = {gamma}: by hand {by_hand.numpy()}, torch.linalg.solve {solved.numpy()}")
        print(f"  torch.allclose: {torch.allclose(by_hand, solved)}")
