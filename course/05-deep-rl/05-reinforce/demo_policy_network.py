"""Demo 1: a policy network for CartPole-v1, its action probabilities, and the score
function computed by hand and by autograd."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import gymnasium as gym
import torch
import torch.nn.functional as F
import tyro
from torch import nn

from rlcourse.agents.reinforce import check_spaces, log_probabilities, make_policy, sample_action
from rlcourse.seeding import seed_everything


@dataclass(frozen=True)
class Config:
    hidden_sizes: tuple[int, ...] = (64,)
    draws: int = 10_000  # actions sampled from one state to compare with the probabilities
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    parameter_count: int
    probabilities: list[float]  # pi(. | s) of the first start state
    frequencies: list[float]  # shares of the sampled actions in that state
    score_max_difference: float  # |by hand - autograd|, largest entry
    expected_score_norm: float  # || sum_a pi(a|s) grad log pi(a|s) ||


def rounded(values: list[float], digits: int) -> str:
    return "[" + ", ".join(f"{value:.{digits}f}" for value in values) + "]"


def main(cfg: Config) -> Result:
    seed_everything(cfg.seed)
    env = gym.make("CartPole-v1")
    observation_size, action_count = check_spaces(env)
    observation, _ = env.reset(seed=cfg.seed)
    env.close()
    # --8<-- [start:sample]
    policy = make_policy(observation_size, action_count, cfg.hidden_sizes)
    state = torch.as_tensor(observation, dtype=torch.float32)  # (4,)
    logits = policy(state.unsqueeze(0))  # (1, 2): one score per action
    probabilities = F.softmax(logits, dim=1)[0]  # (2,): pi(left | s), pi(right | s)
    draws = torch.tensor([sample_action(policy, state) for _ in range(cfg.draws)])
    frequencies = torch.bincount(draws, minlength=action_count) / cfg.draws
    # --8<-- [end:sample]
    parameter_count = sum(p.numel() for p in policy.parameters())
    print(
        f"policy network {observation_size} -> {cfg.hidden_sizes} -> {action_count} logits: "
        f"{parameter_count} parameters"
    )
    print(f"state s = {rounded(observation.tolist(), 3)}")
    print(f"pi(. | s)             = {rounded(probabilities.tolist(), 4)}")
    print(f"shares of {cfg.draws} draws = {rounded(frequencies.tolist(), 4)}")

    # --8<-- [start:score]
    # A linear softmax policy: logits = W s + b. Its score, by hand (Mathematics):
    # grad_W log pi(a | s) = (e_a - pi(. | s)) s^T and grad_b log pi(a | s) = e_a - pi(. | s).
    linear = make_policy(observation_size, action_count, ())[0]  # one nn.Linear layer
    assert isinstance(linear, nn.Linear)  # narrows the type of the Sequential's item
    pi = F.softmax(linear(state.unsqueeze(0)), dim=1)[0].detach()  # (2,)
    largest_difference, expected_score = 0.0, torch.zeros(action_count, observation_size + 1)
    for action in range(action_count):
        by_hand_bias = F.one_hot(torch.tensor(action), action_count).float() - pi  # (2,)
        by_hand_weight = torch.outer(by_hand_bias, state)  # (2, 4)
        linear.zero_grad()
        log_probabilities(linear, state.unsqueeze(0), torch.tensor([action])).sum().backward()
        weight, bias = linear.weight.grad, linear.bias.grad
        assert weight is not None and bias is not None
        largest_difference = max(
            largest_difference,
            float((weight - by_hand_weight).abs().max()),
            float((bias - by_hand_bias).abs().max()),
        )
        # E_{A ~ pi}[grad log pi(A | s)]: each action's score weighted by its probability.
        expected_score += pi[action] * torch.cat([weight, bias.unsqueeze(1)], dim=1)
    # --8<-- [end:score]
    print(f"score by hand vs autograd: largest difference {largest_difference:.1e}")
    expected_norm = float(expected_score.norm())
    print(f"|| sum_a pi(a|s) grad log pi(a|s) || = {expected_norm:.1e}")
    return Result(
        parameter_count=parameter_count,
        probabilities=probabilities.detach().tolist(),
        frequencies=frequencies.tolist(),
        score_max_difference=largest_difference,
        expected_score_norm=expected_norm,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
