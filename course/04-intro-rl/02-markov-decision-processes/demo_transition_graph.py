"""Demo 3: the hiking MDP drawn as a graph of states, actions and outcomes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import networkx as nx
import tyro

from rlcourse.mdp import MDP, hiking_trip


@dataclass(frozen=True)
class Config:
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    state_nodes: int
    action_nodes: int
    outcome_edges: int
    figure: str


Position = tuple[float, float]


# --8<-- [start:graph]
def mdp_graph(mdp: MDP) -> nx.DiGraph[str]:
    """States and (state, action) pairs as nodes; an edge for each choice and each outcome.

    state --choose--> "state/action" --(p, r)--> next state. Giving every action its own
    node keeps two actions that lead to the same state from sharing one arrow.
    """
    graph: nx.DiGraph[str] = nx.DiGraph()
    for state in mdp.states:
        graph.add_node(state, kind="terminal" if state in mdp.terminal_states else "state")
    for state in mdp.acting_states:
        for action in mdp.actions:
            choice = f"{state}/{action}"
            graph.add_node(choice, kind="action", action=action)
            graph.add_edge(state, choice)
            for outcome in mdp.transitions[state][action]:
                label = f"p={outcome.probability:g}, r={outcome.reward:+g}"
                graph.add_edge(choice, outcome.next_state, label=label)
    return graph


# --8<-- [end:graph]


def layout(mdp: MDP) -> dict[str, Position]:
    """States on a line left to right; "trail" nodes above their state, "scramble" below."""
    positions: dict[str, Position] = {}
    for i, state in enumerate(mdp.states):
        positions[state] = (4.0 * i, 0.0)
    for state in mdp.acting_states:
        x, _ = positions[state]
        for j, action in enumerate(mdp.actions):
            positions[f"{state}/{action}"] = (x + 1.6, 1.5 if j == 0 else -1.5)
    return positions


def draw(graph: nx.DiGraph[str], positions: dict[str, Position], path: Path) -> None:
    fig, ax = plt.subplots(figsize=(11, 5.2), dpi=100)
    kinds: dict[str, str] = nx.get_node_attributes(graph, "kind")
    colours = {"state": "#cfe0f7", "terminal": "#a8dca8", "action": "black"}
    nodes = list(graph)
    sizes = [90 if kinds[n] == "action" else 2600 for n in nodes]  # arrows stop at the rim
    node_colours = [colours[kinds[n]] for n in nodes]
    nx.draw_networkx_nodes(graph, positions, nodes, node_size=sizes, node_color=node_colours, ax=ax)
    nx.draw_networkx_labels(graph, positions, {n: n for n in nodes if kinds[n] != "action"}, ax=ax)
    for n in nodes:  # the action's name beside its dot
        if kinds[n] == "action":
            x, y = positions[n]
            ax.text(x, y + 0.25 * (1 if y > 0 else -1), graph.nodes[n]["action"], ha="center")
    choose = [(u, v) for u, v in graph.edges if kinds[v] == "action"]
    outcomes = [(u, v) for u, v in graph.edges if kinds[u] == "action"]
    # An outcome that returns to the state the action was taken in loops out wide.
    back = [(u, v) for u, v in outcomes if u.startswith(f"{v}/")]
    onward = [edge for edge in outcomes if edge not in back]
    common = {"ax": ax, "nodelist": nodes, "node_size": sizes, "arrows": True}
    nx.draw_networkx_edges(graph, positions, choose, style="dashed", edge_color="gray", **common)
    for edges, bend in ((onward, "arc3,rad=0.15"), (back, "arc3,rad=-0.5")):
        nx.draw_networkx_edges(
            graph, positions, edges, connectionstyle=bend, arrowsize=14, **common
        )
        labels = {(u, v): graph.edges[u, v]["label"] for u, v in edges}
        nx.draw_networkx_edge_labels(
            graph, positions, labels, ax=ax, font_size=8, connectionstyle=bend, label_pos=0.6
        )
    ax.set_title(
        "hiking MDP: state → action (dot) → next state, each arrow labelled p(s' | s, a), r"
    )
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    mdp = hiking_trip()
    graph = mdp_graph(mdp)
    for u, v, label in graph.edges(data="label"):
        if label is not None:
            print(f"{u:<19} -> {v:<10} {label}")
    figure = cfg.out_dir / "hiking_mdp_graph.png"
    draw(graph, layout(mdp), figure)
    kinds = nx.get_node_attributes(graph, "kind")
    return Result(
        state_nodes=sum(kind != "action" for kind in kinds.values()),
        action_nodes=sum(kind == "action" for kind in kinds.values()),
        outcome_edges=sum(label is not None for _, _, label in graph.edges(data="label")),
        figure=figure.name,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
