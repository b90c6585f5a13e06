"""Finite Markov decision processes (Part 4.2 introduces them).

An MDP is the tuple (S, A, P, R, gamma). The course writes one in three forms, each
built from the one before:

* :class:`MDP`, the way a person describes one: named states and actions, and for each
  state and action the list of its possible outcomes, each an :class:`Outcome` (next
  state, probability, reward). Episodes start in ``start_state`` and end on entering a
  state of ``terminal_states``.
* Gymnasium's toy-text model, ``P[s][a] = [(probability, next_state, reward,
  terminated), ...]`` with integer states (:func:`to_toy_text`). FrozenLake, Taxi,
  CliffWalking and the course's own environments expose the same ``P``.
* :class:`TabularMDP`, the arrays that dynamic programming (:mod:`rlcourse.dp`) works
  with, built from any toy-text model by :func:`tabular_mdp` (from an :class:`MDP` by
  :func:`to_tabular`).

Transitions that end the episode follow one convention, Gymnasium's: such a transition
is marked ``terminated``, and nothing follows it, so the value of the state it enters
never counts. :class:`TabularMDP` therefore keeps two arrays:

* ``continue_probs[s, a, s']``, the probability p(s' | s, a) of moving to s' *without*
  ending the episode. Terminating transitions are left out, so a row sums to
  1 - Pr(the step ends the episode);
* ``expected_rewards[s, a]``, the expected reward r(s, a) of taking a in s, terminating
  transitions included.

With them the Bellman expectation equation of Parts 4.2 and 4.6 reads
v(s) = sum_a pi(a | s) [r(s, a) + gamma sum_s' p(s' | s, a) v(s')], which is the sum
over every next state with the value after a terminating step taken as 0. A terminal
state never acts: its rows are zero and its value is 0. Time limits are not part of
the model: a truncated episode would have gone on.

Integer indices follow the order of ``mdp.states`` and ``mdp.actions``. A policy is an
array ``policy[s, a]`` of action probabilities of shape (n_states, n_actions), rows
summing to 1 (:func:`uniform_policy`, :func:`deterministic_policy`,
:func:`policy_from_choices`). :func:`sample_episode` plays a policy for one episode,
drawing every random choice from a NumPy ``Generator``. :func:`hiking_trip` is the
example MDP of Part 4.2.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from rlcourse.episodes import Episode, Step

# One outcome in Gymnasium's toy-text format: (probability, next_state, reward, terminated).
ToyTextOutcome = tuple[float, int, float, bool]
# P[state][action] = [outcome, ...], as FrozenLake's env.unwrapped.P.
ToyTextModel = Mapping[int, Mapping[int, Sequence[ToyTextOutcome]]]

PROBABILITY_TOLERANCE = 1e-9


# --8<-- [start:types]
@dataclass(frozen=True)
class Outcome:
    """One possible result of taking an action: where it leads, how likely, what it pays."""

    next_state: str
    probability: float
    reward: float


@dataclass(frozen=True)
class MDP:
    """A finite MDP: ``transitions[state][action]`` lists the outcomes of each choice.

    Every action is available in every non-terminal state. Terminal states have no
    transitions: the episode is over once one is entered.
    """

    states: tuple[str, ...]
    actions: tuple[str, ...]
    transitions: Mapping[str, Mapping[str, tuple[Outcome, ...]]]
    terminal_states: frozenset[str]
    start_state: str
    gamma: float  # discount factor, 0 <= gamma <= 1

    # --8<-- [end:types]
    def __post_init__(self) -> None:
        problems = _problems(self)
        if problems:
            raise ValueError("invalid MDP: " + "; ".join(problems))

    @property
    def n_states(self) -> int:
        return len(self.states)

    @property
    def n_actions(self) -> int:
        return len(self.actions)

    @property
    def acting_states(self) -> tuple[str, ...]:
        """The non-terminal states, in order: those in which the agent chooses an action."""
        return tuple(s for s in self.states if s not in self.terminal_states)

    def state_index(self, state: str) -> int:
        return self.states.index(state)

    def action_index(self, action: str) -> int:
        return self.actions.index(action)


def _problems(mdp: MDP) -> list[str]:
    """Everything that keeps ``mdp`` from being a well-formed finite MDP, in words."""
    problems: list[str] = []
    known = set(mdp.states)
    if len(known) != len(mdp.states) or len(set(mdp.actions)) != len(mdp.actions):
        problems.append("state and action names must be unique")
    if mdp.start_state not in known:
        problems.append(f"start state {mdp.start_state!r} is not a state")
    if not mdp.terminal_states <= known:
        problems.append(f"terminal states {sorted(mdp.terminal_states - known)} are not states")
    if not 0.0 <= mdp.gamma <= 1.0:
        problems.append(f"gamma must be in [0, 1], got {mdp.gamma}")
    for state in mdp.states:
        by_action = mdp.transitions.get(state, {})
        if state in mdp.terminal_states:
            if by_action:
                problems.append(f"terminal state {state!r} must have no transitions")
            continue
        for action in mdp.actions:
            outcomes = by_action.get(action, ())
            if not outcomes:
                problems.append(f"no outcomes for action {action!r} in state {state!r}")
                continue
            unknown = [o.next_state for o in outcomes if o.next_state not in known]
            if unknown:
                problems.append(f"({state!r}, {action!r}) leads to unknown states {unknown}")
            if any(o.probability < 0.0 for o in outcomes):
                problems.append(f"({state!r}, {action!r}) has a negative probability")
            total = math.fsum(o.probability for o in outcomes)
            if abs(total - 1.0) > PROBABILITY_TOLERANCE:
                problems.append(f"probabilities of ({state!r}, {action!r}) sum to {total:.6g}")
        extra = set(by_action) - set(mdp.actions)
        if extra:
            problems.append(f"state {state!r} has transitions for unknown actions {sorted(extra)}")
    extra_states = set(mdp.transitions) - known
    if extra_states:
        problems.append(f"transitions given for unknown states {sorted(extra_states)}")
    return problems


# --8<-- [start:toy_text]
def to_toy_text(mdp: MDP) -> dict[int, dict[int, list[ToyTextOutcome]]]:
    """Gymnasium's toy-text model ``P[s][a] = [(prob, next_state, reward, terminated), ...]``.

    Entering a terminal state sets ``terminated``. Terminal states themselves get the
    absorbing entry ``(1.0, s, 0.0, True)`` for every action, as in FrozenLake.
    """
    model: dict[int, dict[int, list[ToyTextOutcome]]] = {}
    for s, state in enumerate(mdp.states):
        model[s] = {}
        for a, action in enumerate(mdp.actions):
            if state in mdp.terminal_states:
                model[s][a] = [(1.0, s, 0.0, True)]
                continue
            model[s][a] = [
                (
                    o.probability,
                    mdp.state_index(o.next_state),
                    o.reward,
                    o.next_state in mdp.terminal_states,
                )
                for o in mdp.transitions[state][action]
            ]
    return model


# --8<-- [end:toy_text]


# --8<-- [start:tabular]
@dataclass(frozen=True)
class TabularMDP:
    """A finite MDP as arrays (the convention is in the module docstring)."""

    continue_probs: np.ndarray  # (S, A, S) p(s' | s, a) of the moves that do not end the episode
    expected_rewards: np.ndarray  # (S, A) r(s, a), terminating moves included

    @property
    def n_states(self) -> int:
        return self.expected_rewards.shape[0]

    @property
    def n_actions(self) -> int:
        return self.expected_rewards.shape[1]


def tabular_mdp(model: ToyTextModel, n_states: int, n_actions: int) -> TabularMDP:
    """The arrays of a toy-text model ``P[s][a]``: each outcome adds probability times
    reward to r(s, a), and its probability to p(s' | s, a) unless it terminates."""
    continue_probs = np.zeros((n_states, n_actions, n_states))
    expected_rewards = np.zeros((n_states, n_actions))
    for state in range(n_states):
        for action in range(n_actions):
            for probability, next_state, reward, terminated in model[state][action]:
                expected_rewards[state, action] += probability * reward
                if not terminated:
                    continue_probs[state, action, next_state] += probability
    return TabularMDP(continue_probs, expected_rewards)


def to_tabular(mdp: MDP) -> TabularMDP:
    """The arrays of a named MDP, through its toy-text model."""
    return tabular_mdp(to_toy_text(mdp), mdp.n_states, mdp.n_actions)


# --8<-- [end:tabular]


# --8<-- [start:policies]
def uniform_policy(n_states: int, n_actions: int) -> np.ndarray:
    """pi(a | s) = 1 / n_actions in every state: the random policy, shape (n_states, n_actions)."""
    return np.full((n_states, n_actions), 1.0 / n_actions)


def deterministic_policy(actions: np.ndarray, n_actions: int) -> np.ndarray:
    """The (S, A) policy that takes ``actions[s]`` in state ``s`` with probability 1."""
    policy = np.zeros((len(actions), n_actions))
    policy[np.arange(len(actions)), actions] = 1.0
    return policy


def policy_from_choices(mdp: MDP, choices: Mapping[str, str]) -> np.ndarray:
    """The deterministic policy that takes ``choices[state]`` in every non-terminal state.

    Terminal states never act; their rows are uniform so that every row sums to 1.
    """
    missing = [s for s in mdp.acting_states if s not in choices]
    if missing:
        raise ValueError(f"no action chosen for states {missing}")
    policy = uniform_policy(mdp.n_states, mdp.n_actions)
    for state in mdp.acting_states:
        s = mdp.state_index(state)
        policy[s] = 0.0
        policy[s, mdp.action_index(choices[state])] = 1.0
    return policy


# --8<-- [end:policies]


# --8<-- [start:sample_episode]
def discounted_return(rewards: Sequence[float], gamma: float) -> float:
    """G_0 = R_1 + gamma R_2 + gamma^2 R_3 + ..., summed backwards as G_t = R_{t+1} + gamma G_{t+1}.

    ``rewards[t]`` is R_{t+1}, the reward of the step taken at time t.
    """
    total = 0.0
    for reward in reversed(rewards):
        total = reward + gamma * total
    return total


def sample_index(probabilities: Sequence[float], rng: np.random.Generator) -> int:
    """An index i drawn with probability ``probabilities[i]`` (inverse-transform sampling).

    One uniform number u in [0, 1); the answer is the first i whose running total of
    probabilities exceeds u.
    """
    u = rng.random()
    running_total = 0.0
    last_possible = 0
    for i, probability in enumerate(probabilities):
        if probability > 0.0:
            running_total += probability
            last_possible = i
            if u < running_total:
                return i
    return last_possible  # u fell in the rounding gap of a total like 0.9999999999999999


def sample_episode(
    mdp: MDP, policy: np.ndarray, rng: np.random.Generator, max_steps: int = 1000
) -> Episode:
    """Run ``policy`` from the start state until a terminal state, or ``max_steps`` steps.

    Each :class:`~rlcourse.episodes.Step` holds state and action indices:
    ``mdp.states[step.state]`` is the state's name.
    """
    steps: Episode = []
    state = mdp.state_index(mdp.start_state)
    for t in range(max_steps):
        action = sample_index(policy[state].tolist(), rng)
        outcomes = mdp.transitions[mdp.states[state]][mdp.actions[action]]
        outcome = outcomes[sample_index([o.probability for o in outcomes], rng)]
        next_state = mdp.state_index(outcome.next_state)
        terminated = outcome.next_state in mdp.terminal_states
        truncated = not terminated and t == max_steps - 1
        steps.append(Step(state, action, outcome.reward, next_state, terminated, truncated))
        if terminated:
            break
        state = next_state
    return steps


# --8<-- [end:sample_episode]


# --8<-- [start:hike]
def hiking_trip(gamma: float = 0.9) -> MDP:
    """The example MDP of Part 4.2: a hiker climbs from the trailhead to the summit.

    "trail" follows the marked path: slow and safe, -1 per step. "scramble" climbs
    straight up: it can skip a stage, but a slip sends the hiker back down, -2.
    Reaching the summit pays +10 and ends the episode. Each outcome reads
    Outcome(next_state, probability, reward).
    """
    return MDP(
        states=("trailhead", "forest", "ridge", "summit"),
        actions=("trail", "scramble"),
        transitions={
            "trailhead": {
                "trail": (Outcome("forest", 1.0, -1.0),),
                "scramble": (Outcome("ridge", 0.5, -2.0), Outcome("trailhead", 0.5, -2.0)),
            },
            "forest": {
                "trail": (Outcome("ridge", 0.8, -1.0), Outcome("forest", 0.2, -1.0)),
                "scramble": (Outcome("summit", 0.4, 10.0), Outcome("trailhead", 0.6, -2.0)),
            },
            "ridge": {
                "trail": (Outcome("summit", 1.0, 10.0),),
                "scramble": (Outcome("summit", 0.7, 10.0), Outcome("forest", 0.3, -2.0)),
            },
        },
        terminal_states=frozenset({"summit"}),
        start_state="trailhead",
        gamma=gamma,
    )


# --8<-- [end:hike]
