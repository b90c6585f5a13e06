"""Exercise 3: Visualize state transitions as a graph.

Once a policy is fixed, the MDP becomes a Markov chain over states: from s the next
state is s' with probability sum_a pi(a | s) p(s' | s, a), moves into a terminal state
included (the matrix P_pi of the post leaves those out). Draw that chain.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt  # noqa: F401  (you will need it)
import networkx as nx
import numpy as np

from rlcourse.mdp import MDP


def policy_chain(mdp: MDP, policy: np.ndarray) -> nx.DiGraph[str]:
    """The Markov chain of ``policy`` (shape (S, A), rows pi(. | s)) as a directed graph.

    - one node per state, named as in ``mdp.states``;
    - an edge s -> s' for every pair with sum_a pi(a | s) p(s' | s, a) > 0, carrying that
      number as the edge attribute "probability" (sum over actions and over outcomes that
      lead to s');
    - no edges out of terminal states.
    Build it from ``mdp.transitions`` and the policy's probabilities.
    """
    raise NotImplementedError("add the states as nodes, then one edge per reachable s'")


def draw_chain(graph: nx.DiGraph[str], path: Path) -> None:
    """Draw ``graph`` with each edge labelled by its probability, and save it as PNG at ``path``."""
    raise NotImplementedError("nx.draw_networkx_* on a matplotlib axes, then fig.savefig(path)")
