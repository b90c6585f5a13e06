"""Launching ``torchrun`` from Python with a time limit (Part 7.5)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TORCHRUN = Path(sys.executable).with_name("torchrun")  # the one installed beside this Python


# --8<-- [start:torchrun]
def torchrun(
    script: Path, processes: int, args: list[str], timeout: float, max_restarts: int = 0
) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in ``processes`` CPU processes on this machine and wait for them.
    ``--standalone`` starts a rendezvous on a free local port, so two runs never collide."""
    command = [
        str(TORCHRUN),
        "--standalone",
        f"--nproc-per-node={processes}",
        f"--max-restarts={max_restarts}",
        str(script),
        *args,
    ]
    env = {
        **os.environ,
        "OMP_NUM_THREADS": "1",
    }  # one thread per process: the processes are the parallelism
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, env=env, check=False
        )
    except subprocess.TimeoutExpired:
        raise RuntimeError(
            f"torchrun did not finish within {timeout:.0f} s: {' '.join(command)}"
        ) from None
    if done.returncode != 0:
        raise RuntimeError(f"torchrun failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return done


# --8<-- [end:torchrun]
