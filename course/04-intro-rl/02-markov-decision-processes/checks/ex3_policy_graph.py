"""Check for exercise 3: the policy's Markov chain, edge by edge, and a PNG file."""

from __future__ import annotations

import tempfile
from pathlib import Path
from types import ModuleType

import networkx as nx
import numpy as np

from coursetools.check_helpers import (
    CheckFailed,
    expect_close,
    expect_equal,
    expect_png,
    expect_type,
    get_function,
)
from rlcourse.mdp import MDP, hiking_trip, policy_from_choices, uniform_policy


def chain_probabilities(mdp: MDP, policy: np.ndarray) -> dict[tuple[str, str], float]:
    """P_pi(s' | s) for every pair with a positive probability, from the outcome lists."""
    probabilities: dict[tuple[str, str], float] = {}
    for state in mdp.acting_states:
        for action in mdp.actions:
            weight = policy[mdp.state_index(state), mdp.action_index(action)]
            for o in mdp.transitions[state][action]:
                if weight * o.probability > 0:
                    key = (state, o.next_state)
                    probabilities[key] = probabilities.get(key, 0.0) + weight * o.probability
    return probabilities


def check_chain(module: ModuleType, mdp: MDP, policy: np.ndarray, name: str) -> nx.DiGraph[str]:
    policy_chain = get_function(module, "policy_chain")
    what = f"policy_chain(hiking_trip(), {name})"
    graph = expect_type(policy_chain(mdp, policy), nx.DiGraph, what)
    expect_equal(sorted(map(str, graph.nodes)), sorted(mdp.states), f"{what}: the nodes")
    expected = chain_probabilities(mdp, policy)
    got_edges = sorted((str(u), str(v)) for u, v in graph.edges)
    expect_equal(got_edges, sorted(expected), f"{what}: the edges (s, s')")
    for (u, v), probability in expected.items():
        got = graph.edges[u, v].get("probability")
        if got is None:
            raise CheckFailed(f"{what}: edge {u} -> {v} has no 'probability' attribute")
        expect_close(got, probability, f"{what}: probability of {u} -> {v}")
    return graph


def check(module: ModuleType) -> None:
    mdp = hiking_trip()
    graph = check_chain(module, mdp, uniform_policy(mdp.n_states, mdp.n_actions), "uniform_policy")
    mixed = policy_from_choices(mdp, {"trailhead": "scramble", "forest": "trail", "ridge": "trail"})
    check_chain(module, mdp, mixed, "scramble, trail, trail")
    draw_chain = get_function(module, "draw_chain")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "chain.png"
        draw_chain(graph, path)
        expect_png(path, "draw_chain(graph, path)")
