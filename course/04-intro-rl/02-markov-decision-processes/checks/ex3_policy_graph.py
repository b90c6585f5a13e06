"""Check for exercise 3: the policy's Markov chain, edge by edge (fixed and random
policies), and the drawing through its labels: every state and every edge's probability."""

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
    expect_true,
    expect_type,
    get_function,
    random_cases,
    recorded_figures,
    saved_to,
)
from rlcourse.mdp import MDP, hiking_trip, policy_from_choices, uniform_policy


def chain_probabilities(mdp: MDP, policy: np.ndarray) -> dict[tuple[str, str], float]:
    """sum_a pi(a | s) p(s' | s, a) for every pair (s, s') where it is positive, terminal s'
    included, from the outcome lists."""
    probabilities: dict[tuple[str, str], float] = {}
    for state in mdp.acting_states:
        for action in mdp.actions:
            weight = policy[mdp.state_index(state), mdp.action_index(action)]
            for o in mdp.transitions[state][action]:
                if weight * o.probability > 0:
                    key = (state, o.next_state)
                    probabilities[key] = probabilities.get(key, 0.0) + weight * o.probability
    return probabilities


def contributions(mdp: MDP, policy: np.ndarray, state: str, next_state: str) -> list[float]:
    """pi(a | s) P(outcome) of each action and outcome that leads from state to next_state."""
    return [
        float(policy[mdp.state_index(state), mdp.action_index(action)] * o.probability)
        for action in mdp.actions
        for o in mdp.transitions[state][action]
        if o.next_state == next_state
        and policy[mdp.state_index(state), mdp.action_index(action)] * o.probability > 0
    ]


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
        parts = contributions(mdp, policy, u, v)
        if len(parts) > 1 and any(np.isclose(got, part) for part in parts):
            raise CheckFailed(
                f"{what}: the edge {u} -> {v} has probability {got:.4g}, one of the "
                f"{len(parts)} ways to get there ({[round(x, 4) for x in parts]}): the edge's "
                "probability adds up every action and outcome that leads to s'"
            )
        expect_close(got, probability, f"{what}: probability of {u} -> {v}")
    return graph


def numbers_in(texts: list[str]) -> list[float]:
    found: list[float] = []
    for text in texts:
        try:
            found.append(float(text))
        except ValueError:
            continue
    return found


def check_drawing(module: ModuleType, graph: nx.DiGraph[str]) -> None:
    draw_chain = get_function(module, "draw_chain")
    with tempfile.TemporaryDirectory() as folder, recorded_figures() as figures:
        path = Path(folder) / "chain.png"
        draw_chain(graph, path)
        expect_png(path, "draw_chain(graph, path)")
        figure = saved_to(figures, path, "draw_chain")
    texts = [text for axes in figure.axes for text in axes.texts]
    missing = [str(node) for node in graph.nodes if str(node) not in texts]
    expect_true(not missing, f"draw_chain: the states {missing} are not labelled in the figure")
    labels = numbers_in(texts)
    for u, v, probability in graph.edges(data="probability"):
        expect_true(
            any(abs(label - float(probability)) < 0.006 for label in labels),
            f"draw_chain: the edge {u} -> {v} has no label with its probability "
            f"{float(probability):.2f} (labels found: {texts})",
        )


def check(module: ModuleType) -> None:
    mdp = hiking_trip()
    graph = check_chain(module, mdp, uniform_policy(mdp.n_states, mdp.n_actions), "uniform_policy")
    mixed = policy_from_choices(mdp, {"trailhead": "scramble", "forest": "trail", "ridge": "trail"})
    check_chain(module, mdp, mixed, "scramble, trail, trail")
    for number, policy in enumerate(
        random_cases(23, 2, lambda rng: rng.dirichlet(np.ones(mdp.n_actions), size=mdp.n_states)),
        start=1,
    ):
        check_chain(module, mdp, policy, f"random policy {number} {np.round(policy, 3).tolist()}")
    check_drawing(module, graph)
