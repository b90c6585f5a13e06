"""Exercise 1: time a piece of training work honestly, on any device: untimed warm-up
runs first, the device synchronised before each clock read, and the median of repeats.

Fill in ``median_time``, run `rlcourse check 6.6`, then run this file: it times a matrix
product on the CPU and on the best device this machine has (the CPU again, if no GPU).
"""

from __future__ import annotations

import statistics  # noqa: F401
import time
from collections.abc import Callable


def median_time(
    work: Callable[[], object],
    synchronize: Callable[[], None],
    repeats: int,
    warmup: int,
    clock: Callable[[], float] = time.perf_counter,
) -> float:
    """Call ``work`` ``warmup`` times untimed, then ``repeats`` times, each timed between
    two ``clock()`` readings; call ``synchronize()`` right before each reading, so that
    work still queued on a GPU is finished (and counted). Return the median duration."""
    # TODO: warm up; then time each repeat between two clock() readings, synchronising
    # right before each reading; return the median
    raise NotImplementedError("median_time")


if __name__ == "__main__":
    import torch

    from rlcourse.devices import choose_device

    device = choose_device()  # CUDA, then MPS, then the CPU
    weights = torch.randn(1024, 1024, device=device)

    def sync() -> None:
        if device.type == "cuda":
            torch.cuda.synchronize()
        elif device.type == "mps":
            torch.mps.synchronize()

    for where, tensor in (("cpu", weights.cpu()), (device.type, weights)):
        seconds = median_time(lambda t=tensor: t @ t, sync, repeats=9, warmup=2)
        print(f"{where}: a 1024 x 1024 matrix product in {seconds * 1e3:.2f} ms (median of 9)")
