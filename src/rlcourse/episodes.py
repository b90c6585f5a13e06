"""Episodes as data: one record per turn of the agent-environment loop (Part 4.1 introduces them).

Part 4.1 records the episodes it plays in Gymnasium, Part 4.2 samples them from a model
(:func:`rlcourse.mdp.sample_episode`), Part 4.5 learns values from them
(:func:`rlcourse.agents.prediction.play_episode`). States and actions are integers, as in
Gymnasium's toy-text environments; a named MDP numbers them in the order of
``mdp.states`` and ``mdp.actions``.
"""

from __future__ import annotations

from dataclasses import dataclass


# --8<-- [start:step]
@dataclass(frozen=True)
class Step:
    """One turn of the loop: in S_t the agent chose A_t; the environment paid R_{t+1}
    and moved it to S_{t+1}."""

    state: int
    action: int
    reward: float
    next_state: int
    terminated: bool  # S_{t+1} is terminal: the episode is over, no reward follows
    truncated: bool = False  # a time limit cut the episode here, in a non-terminal S_{t+1}


Episode = list[Step]  # in time order; the last step is terminated or truncated


# --8<-- [end:step]
