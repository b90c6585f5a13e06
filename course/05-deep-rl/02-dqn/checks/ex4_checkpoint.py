"""Check of exercise 4: architecture read from the layers, a safe round trip, a plain state_dict."""

from __future__ import annotations

import json
import pickle
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_equal,
    expect_true,
    expect_type,
    get_function,
)
from rlcourse.agents.dqn import QNetwork

ARCHITECTURES = [(4, 2, (32,)), (6, 3, (16, 8)), (5, 4, ())]


def load_and_record(load_checkpoint: Any, path: Path) -> tuple[Any, list[dict[str, Any]]]:
    """Call the learner's load_checkpoint, recording the keyword arguments of torch.load."""
    calls: list[dict[str, Any]] = []
    real_load = torch.load

    def recording_load(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs)
        return real_load(*args, **kwargs)

    torch.load = recording_load
    try:
        return load_checkpoint(path), calls
    finally:
        torch.load = real_load


def check(module: ModuleType) -> None:
    architecture_of = get_function(module, "architecture_of")
    save_checkpoint = get_function(module, "save_checkpoint")
    load_checkpoint = get_function(module, "load_checkpoint")
    torch.manual_seed(0)

    for observation_size, action_count, hidden in ARCHITECTURES:
        network = QNetwork(observation_size, action_count, hidden)
        call = f"architecture_of(QNetwork({observation_size}, {action_count}, {hidden}))"
        architecture = expect_type(architecture_of(network), dict, call)
        expect_equal(
            sorted(architecture), ["action_count", "hidden_sizes", "observation_size"], call
        )
        expect_equal(
            architecture["observation_size"], observation_size, f"{call}['observation_size']"
        )
        expect_equal(architecture["action_count"], action_count, f"{call}['action_count']")
        # A list or a tuple: JSON writes both as a list, and QNetwork takes either.
        hidden_sizes = architecture["hidden_sizes"]
        if not isinstance(hidden_sizes, list | tuple):
            raise CheckFailed(
                f"{call}['hidden_sizes']: expected a list, got {type(hidden_sizes).__name__}"
            )
        expect_equal(
            list(hidden_sizes),
            list(hidden),
            f"{call}['hidden_sizes'] (the widths of the hidden layers, not the output layer)",
        )

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "not" / "yet" / "there" / "q.pt"
            try:
                save_checkpoint(network, path)
            except (OSError, RuntimeError) as error:
                if path.parent.is_dir():
                    raise
                raise CheckFailed(
                    f"save_checkpoint into a folder that does not exist yet raised {error!r}: "
                    "create the missing parent folders first"
                ) from None
            expect_true(path.is_file(), f"save_checkpoint wrote no file at {path}")
            sidecar = path.with_suffix(".json")
            expect_true(sidecar.is_file(), f"save_checkpoint wrote no {sidecar.name} next to q.pt")
            json.loads(sidecar.read_text())  # a JSON decoding error is the learner's message

            try:
                saved = torch.load(path, weights_only=True)
            except pickle.UnpicklingError:
                raise CheckFailed(
                    "q.pt cannot be loaded with weights_only=True: save "
                    "network.state_dict(), not the network object"
                ) from None
            saved = expect_type(saved, dict, "torch.load(q.pt, weights_only=True)")
            expect_equal(
                sorted(saved), sorted(network.state_dict()), "the keys of the saved state_dict"
            )

            restored, calls = load_and_record(load_checkpoint, path)
            expect_true(
                len(calls) > 0 and all(c.get("weights_only") is True for c in calls),
                f"load_checkpoint should call torch.load(..., weights_only=True); "
                f"its calls had keyword arguments {calls}",
            )

        restored = expect_type(restored, QNetwork, "load_checkpoint(path)")
        states = torch.randn(16, observation_size)
        if not torch.equal(restored(states), network(states)):
            raise CheckFailed(
                f"the reloaded QNetwork({observation_size}, {action_count}, {hidden}) "
                "gives other Q-values than the saved one"
            )
