"""A2C's learning claim: with its default A2CConfig, the final network solves CartPole-v1
(a mean of at least 475 over 100 fresh greedy episodes) on each of 5 seeds.

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
@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4])
def test_the_final_network_solves_cartpole(seed: int, tmp_path: Path) -> None:
    torch.set_num_threads(1)
    config = A2CConfig()
    network, log = train_a2c(config, seed, tmp_path, CPU, show_progress=False)
    assert log.steps == config.total_steps
    returns = evaluate(network.actor, config.env_id, 100, 10_000 + seed, CPU)
    mean = float(np.mean(returns))
    assert mean >= SOLVED, f"seed {seed}: greedy mean {mean:.1f} over 100 episodes"
