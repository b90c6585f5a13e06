"""Checkpoints a long run can be resumed from (Part 5.3 introduces them; every agent of
Module 5 uses them).

A checkpoint is a dictionary of tensors and plain Python data (numbers, strings, lists,
tuples, dictionaries), saved with ``torch.save``. Two rules make it safe:

- It is written to a temporary file beside the target and renamed over it
  (:func:`save_checkpoint`). A rename within one directory is atomic, so a run killed
  mid-write leaves the previous checkpoint intact instead of half a file.
- It is loaded with ``weights_only=True`` (:func:`load_checkpoint`), which refuses
  pickled objects: loading a file from someone else cannot run their code.

To continue a run exactly where it stopped, a checkpoint must also hold every random
generator's state; :func:`random_states` and :func:`restore_random_states` capture and
restore them.
"""

from __future__ import annotations

import os
import pickle
import random
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import torch


class CheckpointError(Exception):
    """A checkpoint that is missing, damaged or unsafe to load."""


# --8<-- [start:save_load]
def save_checkpoint(state: Mapping[str, Any], path: Path) -> None:
    """Write ``state`` to ``path`` atomically: all of it, or (after a crash) nothing new."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("wb") as file:
        torch.save(dict(state), file)
        file.flush()
        os.fsync(file.fileno())  # the bytes are on disk before the rename makes them visible
    os.replace(temporary, path)  # atomic: readers see the old file or the new one


def load_checkpoint(path: Path, device: torch.device | None = None) -> dict[str, Any]:
    """Load a checkpoint written by :func:`save_checkpoint`, tensors only, onto ``device``."""
    if not path.is_file():
        raise CheckpointError(f"no checkpoint at {path}")
    try:
        state = torch.load(path, map_location=device, weights_only=True)
    except pickle.UnpicklingError:
        raise CheckpointError(
            f"{path} contains a pickled Python object, not only tensors and plain data; "
            "refusing to load it, because unpickling can run arbitrary code"
        ) from None
    except (RuntimeError, EOFError) as error:
        raise CheckpointError(f"{path} is damaged or not a checkpoint: {error}") from None
    if not isinstance(state, dict):
        raise CheckpointError(f"{path} holds a {type(state).__name__}, not a checkpoint dict")
    return state


# --8<-- [end:save_load]


# --8<-- [start:random_states]
def random_states(generators: Mapping[str, np.random.Generator]) -> dict[str, Any]:
    """The state of PyTorch's, Python's and NumPy's global generators and of each named
    NumPy generator (an agent's own, an environment's ``np_random``, an action space's)."""
    legacy = np.random.get_state(legacy=False)
    return {
        "torch": torch.get_rng_state(),
        "python": random.getstate(),
        # NumPy's global state holds an array; as a list of ints it loads with weights_only.
        "numpy_global": {
            **legacy,
            "state": {**legacy["state"], "key": legacy["state"]["key"].tolist()},
        },
        "generators": {
            name: generator.bit_generator.state for name, generator in generators.items()
        },
    }


def restore_random_states(
    states: Mapping[str, Any], generators: Mapping[str, np.random.Generator]
) -> None:
    """Put every generator back in the state :func:`random_states` recorded, in place."""
    torch.set_rng_state(states["torch"])
    random.setstate(states["python"])
    legacy = states["numpy_global"]
    key = np.array(legacy["state"]["key"], dtype=np.uint32)
    np.random.set_state({**legacy, "state": {**legacy["state"], "key": key}})
    missing = set(generators) - set(states["generators"])
    if missing:
        raise CheckpointError(f"the checkpoint has no state for generator(s) {sorted(missing)}")
    for name, generator in generators.items():
        generator.bit_generator.state = states["generators"][name]


# --8<-- [end:random_states]
