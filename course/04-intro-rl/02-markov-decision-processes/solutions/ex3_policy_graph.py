"""Exercise 3: Visualize state transitions as a graph (solution).

Once a policy is fixed, the MDP becomes a Markov chain over states: from s the next
state is s' with probability sum_a pi(a | s) p(s' | s, a), moves into a terminal state
included (the matrix P_pi of the post leaves those out). Draw that chain.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
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
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(mdp.states)
    for state in mdp.acting_states:
        s = mdp.state_index(state)
        for a, action in enumerate(mdp.actions):
            for outcome in mdp.transitions[state][action]:
                probability = float(policy[s, a]) * outcome.probability
                if probability == 0.0:
                    continue
                if graph.has_edge(state, outcome.next_state):
                    graph.edges[state, outcome.next_state]["probability"] += probability
                else:
                    graph.add_edge(state, outcome.next_state, probability=probability)
    return graph


def draw_chain(graph: nx.DiGraph[str], path: Path) -> None:
    """Draw ``graph`` with each edge labelled by its probability, and save it as PNG at ``path``."""
    fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
    positions = nx.circular_layout(graph)
    nx.draw_networkx_nodes(graph, positions, node_size=1800, node_color="#cfe0f7", ax=ax)
    nx.draw_networkx_labels(graph, positions, ax=ax, font_size=9)
    bend = "arc3,rad=0.15"  # curved, so s -> s' and s' -> s do not overlap
    nx.draw_networkx_edges(
        graph, positions, ax=ax, node_size=1800, arrowsize=14, connectionstyle=bend
    )
    labels = {(u, v): f"{p:.2f}" for u, v, p in graph.edges(data="probability")}
    nx.draw_networkx_edge_labels(graph, positions, labels, ax=ax, connectionstyle=bend)
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
