"""The MDPs of Part 4.2: validation, the three forms and their terminal convention,
policies, sampled episodes."""

from __future__ import annotations

import dataclasses

import gymnasium as gym
import numpy as np
import pytest
import torch
from gymnasium.envs.toy_text.frozen_lake import FrozenLakeEnv

from rlcourse.dp import solve_policy_values, value_iteration
from rlcourse.episodes import Step
from rlcourse.mdp import (
    MDP,
    Outcome,
    deterministic_policy,
    discounted_return,
    hiking_trip,
    policy_from_choices,
    sample_episode,
    sample_index,
    tabular_mdp,
    to_tabular,
    to_toy_text,
    uniform_policy,
)


def two_step_chain(gamma: float = 0.5) -> MDP:
    """a -> b -> end, deterministic, one action, rewards 1 then 2."""
    return MDP(
        states=("a", "b", "end"),
        actions=("go",),
        transitions={
            "a": {"go": (Outcome("b", 1.0, 1.0),)},
            "b": {"go": (Outcome("end", 1.0, 2.0),)},
        },
        terminal_states=frozenset({"end"}),
        start_state="a",
        gamma=gamma,
    )


def test_the_hike_is_a_valid_mdp() -> None:
    mdp = hiking_trip()
    assert mdp.n_states == 4
    assert mdp.n_actions == 2
    assert mdp.acting_states == ("trailhead", "forest", "ridge")
    assert mdp.state_index("ridge") == 2
    assert mdp.action_index("scramble") == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"start_state": "nowhere"}, "start state 'nowhere'"),
        ({"gamma": 1.5}, "gamma must be in [0, 1]"),
        ({"terminal_states": frozenset({"moon"})}, "terminal states ['moon']"),
        ({"states": ("a", "a", "b", "end")}, "unique"),
    ],
)
def test_invalid_fields_are_refused(change: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        dataclasses.replace(two_step_chain(), **change)


def test_invalid_transitions_are_refused() -> None:
    chain = two_step_chain()
    broken = {
        "a": {"go": (Outcome("b", 0.7, 1.0),)},
        "b": {"go": (Outcome("end", 1.0, 2.0),)},
    }
    with pytest.raises(ValueError, match=r"probabilities of \('a', 'go'\) sum to 0.7"):
        dataclasses.replace(chain, transitions=broken)
    unknown = {"a": {"go": (Outcome("c", 1.0, 0.0),)}, "b": {"go": (Outcome("end", 1.0, 2.0),)}}
    with pytest.raises(ValueError, match="unknown states"):
        dataclasses.replace(chain, transitions=unknown)
    with pytest.raises(ValueError, match="no outcomes for action 'go' in state 'b'"):
        dataclasses.replace(chain, transitions={"a": {"go": (Outcome("b", 1.0, 1.0),)}})
    from_terminal = {**chain.transitions, "end": {"go": (Outcome("a", 1.0, 0.0),)}}
    with pytest.raises(ValueError, match="terminal state 'end' must have no transitions"):
        dataclasses.replace(chain, transitions=from_terminal)


def test_toy_text_marks_terminal_transitions_and_absorbing_states() -> None:
    model = to_toy_text(hiking_trip())
    assert sorted(model) == [0, 1, 2, 3]
    assert model[0][1] == [(0.5, 2, -2.0, False), (0.5, 0, -2.0, False)]
    assert model[1][1] == [(0.4, 3, 10.0, True), (0.6, 0, -2.0, False)]
    assert model[3] == {0: [(1.0, 3, 0.0, True)], 1: [(1.0, 3, 0.0, True)]}


def test_moves_that_end_the_episode_are_left_out_of_the_arrays() -> None:
    mdp = hiking_trip()
    arrays = to_tabular(mdp)
    assert arrays.continue_probs.shape == (4, 2, 4) and (arrays.n_states, arrays.n_actions) == (
        4,
        2,
    )
    # A row sums to 1 minus the probability that the move ends the episode.
    np.testing.assert_allclose(
        arrays.continue_probs.sum(axis=2), [[1.0, 1.0], [1.0, 0.6], [0.0, 0.3], [0.0, 0.0]]
    )
    assert np.all(arrays.continue_probs[:, :, 3] == 0.0)  # nothing continues into the summit
    # Rewards count every outcome, the ones that end the episode included.
    assert arrays.expected_rewards[1, 1] == pytest.approx(0.4 * 10.0 + 0.6 * -2.0)
    assert arrays.expected_rewards[2].tolist() == pytest.approx([10.0, 6.4])
    assert np.all(arrays.expected_rewards[3] == 0.0)
    again = tabular_mdp(to_toy_text(mdp), mdp.n_states, mdp.n_actions)
    assert np.array_equal(again.continue_probs, arrays.continue_probs)


def test_gymnasium_terminal_states_get_zero_rows() -> None:
    lake = gym.make("FrozenLake-v1").unwrapped
    assert isinstance(lake, FrozenLakeEnv)
    arrays = tabular_mdp(lake.P, 16, 4)
    holes_and_goal = [5, 7, 11, 12, 15]  # absorbing in P: (1.0, s, 0.0, True)
    assert np.all(arrays.continue_probs[holes_and_goal] == 0.0)
    assert np.all(arrays.expected_rewards[holes_and_goal] == 0.0)
    # From 14, "right" slips into the goal (reward 1, terminated) with probability 1/3.
    assert arrays.expected_rewards[14, 2] == pytest.approx(1 / 3)
    assert arrays.continue_probs[14, 2].sum() == pytest.approx(2 / 3)


def test_policies_are_probability_tables() -> None:
    mdp = hiking_trip()
    assert uniform_policy(mdp.n_states, mdp.n_actions).tolist() == [[0.5, 0.5]] * 4
    assert deterministic_policy(np.array([2, 0]), 3).tolist() == [[0, 0, 1], [1, 0, 0]]
    trail = policy_from_choices(mdp, {"trailhead": "trail", "forest": "scramble", "ridge": "trail"})
    assert trail.tolist() == [[1.0, 0.0], [0.0, 1.0], [1.0, 0.0], [0.5, 0.5]]
    with pytest.raises(ValueError, match="no action chosen"):
        policy_from_choices(mdp, {"trailhead": "trail"})


def test_discounted_return() -> None:
    assert discounted_return([], 0.9) == 0.0
    assert discounted_return([1.0, 2.0, 4.0], 0.5) == pytest.approx(1.0 + 1.0 + 1.0)
    assert discounted_return([1.0, 1.0, 1.0], 1.0) == 3.0


def test_sample_index_follows_the_probabilities() -> None:
    rng = np.random.default_rng(0)
    draws = np.array([sample_index([0.2, 0.0, 0.8], rng) for _ in range(20_000)])
    assert not np.any(draws == 1)
    share = float(np.mean(draws == 0))
    standard_error = (0.2 * 0.8 / len(draws)) ** 0.5
    assert abs(share - 0.2) < 4 * standard_error
    # A total a hair below 1 must still return a possible index, never an impossible one.
    assert sample_index([0.0, 0.3, 0.7 - 1e-15, 0.0], np.random.default_rng(1)) in (1, 2)


def test_a_deterministic_episode_is_exact() -> None:
    chain = two_step_chain(gamma=0.5)
    episode = sample_episode(
        chain, uniform_policy(chain.n_states, chain.n_actions), np.random.default_rng(0)
    )
    assert episode == [Step(0, 0, 1.0, 1, False), Step(1, 0, 2.0, 2, True)]
    rewards = [step.reward for step in episode]
    assert discounted_return(rewards, chain.gamma) == pytest.approx(1.0 + 0.5 * 2.0)


def test_max_steps_truncates_an_episode() -> None:
    stay = MDP(
        states=("here", "gone"),
        actions=("wait",),
        transitions={"here": {"wait": (Outcome("here", 1.0, 1.0),)}},
        terminal_states=frozenset({"gone"}),
        start_state="here",
        gamma=0.9,
    )
    episode = sample_episode(
        stay, uniform_policy(stay.n_states, stay.n_actions), np.random.default_rng(0), max_steps=5
    )
    assert len(episode) == 5
    assert not any(step.terminated for step in episode)
    assert [step.truncated for step in episode] == [False] * 4 + [True]


def test_simulation_is_reproducible_and_matches_the_exact_value() -> None:
    mdp = hiking_trip()
    policy = uniform_policy(mdp.n_states, mdp.n_actions)
    first = sample_episode(mdp, policy, np.random.default_rng(3))
    again = sample_episode(mdp, policy, np.random.default_rng(3))
    assert first == again
    rng = np.random.default_rng(0)
    episodes = [sample_episode(mdp, policy, rng) for _ in range(20_000)]
    returns = np.array([discounted_return([s.reward for s in e], mdp.gamma) for e in episodes])
    exact = float(solve_policy_values(to_tabular(mdp), policy, mdp.gamma)[0])
    standard_error = returns.std(ddof=1) / np.sqrt(len(returns))
    assert abs(returns.mean() - exact) < 4 * standard_error


def test_dynamic_programming_runs_on_the_toy_text_model() -> None:
    mdp = hiking_trip()
    result = value_iteration(to_tabular(mdp), mdp.gamma)
    trail = policy_from_choices(mdp, dict.fromkeys(mdp.acting_states, "trail"))
    trail_values = solve_policy_values(to_tabular(mdp), trail, mdp.gamma)
    # Following the trail everywhere is optimal in the hike: V* equals its values, and the
    # hand solution of Part 4.2 gives v(forest) = 6.2 / 0.82, v(trailhead) = -1 + 0.9 v(forest).
    assert torch.allclose(result.values, trail_values)
    forest = 6.2 / 0.82
    assert trail_values.tolist() == pytest.approx([-1 + 0.9 * forest, forest, 10.0, 0.0])
