"""Exercise 3: how many environment steps did reinforcement learning need to do as well as
the clone? Demo 4 reads an RL curve at a budget; this is the question the other way round.

Fill in ``steps_to_reach``, run `rlcourse check 6.4`, then run this file (after the
lesson's demos have run) on Demo 3's REINFORCE runs.
"""

from __future__ import annotations

import numpy as np


def steps_to_reach(end_steps: np.ndarray, returns: np.ndarray, target: float, window: int) -> int:
    """The environment step at which the mean return of the last ``window`` episodes first
    reached ``target``, or -1 if it never did.

    ``returns[i]`` is the return of training episode i and ``end_steps[i]`` the number of
    environment steps taken when it ended (increasing). The mean of episodes i - window + 1
    .. i exists from i = window - 1 on, and it is known at ``end_steps[i]``, when episode i
    ends.
    """
    # TODO: slide a window of episodes along the run; return the end step of the first
    # window whose mean reaches the target
    raise NotImplementedError("steps_to_reach")


if __name__ == "__main__":
    from pathlib import Path

    curves = np.load(Path(__file__).parents[1] / "outputs" / "curves.npz")
    clone = float(curves["bc"][:, -1].mean())  # BC with Demo 3's largest budget
    for seed in (0, 1, 2):
        steps = steps_to_reach(
            curves[f"rl_end_steps_{seed}"], curves[f"rl_returns_{seed}"], clone, window=20
        )
        print(f"REINFORCE seed {seed} reached the clone's {clone:.0f} after {steps:,} steps")
