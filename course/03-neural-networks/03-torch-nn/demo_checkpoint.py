"""Demo 4 of Part 3.3: save a trained network's state_dict, load it into a fresh network
with torch.load(..., weights_only=True), and show what the file does and does not hold."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro
from torch import nn

from circle_net import accuracy, circle_data, train
from rlcourse.networks import mlp


@dataclass(frozen=True)
class Config:
    points: int = 400
    test_points: int = 2000
    hidden: int = 8
    lr: float = 1.0
    epochs: int = 1000
    seed: int = 0
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    keys: list[str]
    file_bytes: int
    outputs_equal: bool  # the reloaded network's logits equal the trained one's, bit for bit
    accuracy_trained: float
    accuracy_reloaded: float
    wrong_shape_error: str  # the line of PyTorch's message that names the problem
    whole_model_error: str


def line_with(message: str, marker: str) -> str:
    """The sentence of a long PyTorch error message that contains ``marker``."""
    for line in message.splitlines():
        if marker in line:
            return line.strip().split(". ")[0]
    return message.splitlines()[0]


def build(hidden: int) -> nn.Module:
    return mlp(2, [hidden, hidden], 1, nn.Tanh)


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    generator = torch.Generator().manual_seed(cfg.seed)
    x, y = circle_data(cfg.points, generator)
    test_x, test_y = circle_data(cfg.test_points, generator)
    torch.manual_seed(cfg.seed)
    model = build(cfg.hidden)
    train(model, x, y, cfg.lr, cfg.epochs)
    # --8<-- [start:save_load]
    path = cfg.out_dir / "circle_mlp.pt"
    torch.save(model.state_dict(), path)  # a dict: parameter name -> tensor
    state = torch.load(path, weights_only=True)  # tensors only: no code runs
    for name, tensor in state.items():
        print(f"{name}: shape {tuple(tensor.shape)}")
    fresh = build(cfg.hidden)  # new random weights, the same architecture
    fresh.load_state_dict(state)  # copies each tensor into the parameter of that name
    with torch.no_grad():
        equal = torch.equal(model(test_x), fresh(test_x))
    print(f"{path.stat().st_size} bytes; reloaded logits equal the trained ones: {equal}")
    # --8<-- [end:save_load]
    accuracy_trained, accuracy_reloaded = (
        accuracy(model, test_x, test_y),
        accuracy(fresh, test_x, test_y),
    )
    print(f"test accuracy: trained {accuracy_trained:.3f}, reloaded {accuracy_reloaded:.3f}")
    wrong_shape = whole_model = "no error"
    # --8<-- [start:mismatch]
    try:  # the file holds no architecture: the network must be built first, the same way
        mlp(2, [16, 16], 1, nn.Tanh).load_state_dict(state)
    except RuntimeError as error:
        wrong_shape = line_with(str(error), "size mismatch")
        print(f"into a wider network:\n  RuntimeError: {wrong_shape}")
    whole_path = cfg.out_dir / "whole_model.pt"
    torch.save(model, whole_path)  # pickles the object: loading it would run code
    try:
        torch.load(whole_path, weights_only=True)
    except Exception as error:  # pickle.UnpicklingError
        whole_model = line_with(str(error), "Unsupported global")
        print(f"a pickled model with weights_only=True:\n  {type(error).__name__}: {whole_model}")
    # --8<-- [end:mismatch]
    whole_path.unlink()
    return Result(
        keys=list(state),
        file_bytes=path.stat().st_size,
        outputs_equal=equal,
        accuracy_trained=accuracy_trained,
        accuracy_reloaded=accuracy_reloaded,
        wrong_shape_error=wrong_shape,
        whole_model_error=whole_model,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
