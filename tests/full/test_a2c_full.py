"""A2C's learning claim (Part 5.6, Demo 2): with its default A2CConfig, the final network
solves CartPole-v1 (a mean of at least 475 over 100 fresh greedy episodes) on at least 4
of seeds 0-4. On the course's CPU seeds 0-3 solve and seed 4 ends at 387.9 after a late
collapse; another CPU rounds differently, so the test asks for the count, not the seeds.

About a minute per seed on one CPU core: run with ``pytest -m full tests/full/test_a2c_full.py``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from rlcourse.agents.a2c import A2CConfig, train_a2c
from rlcourse.agents.reinforce import evaluate

SOLVED = 475.0
CPU = torch.device("cpu")


@pytest.mark.full
def test_the_final_network_solves_cartpole_on_four_of_five_seeds(tmp_path: Path) -> None:
    torch.set_num_threads(1)
    config = A2CConfig()
    means: list[float] = []
    for seed in range(5):
        network, log = train_a2c(config, seed, tmp_path / str(seed), CPU, show_progress=False)
        assert log.steps == config.total_steps
        returns = evaluate(network.actor, config.env_id, 100, 10_000 + seed, CPU)
        means.append(float(np.mean(returns)))
    solved = sum(mean >= SOLVED for mean in means)
    assert solved >= 4, f"greedy means over 100 episodes per seed: {np.round(means, 1).tolist()}"
