"""The training loop of Part 2.4, used from Part 2.5 on."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from rlcourse.training import fit


def line_data(seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """y = 3x - 2 exactly, so the best line is known and its loss is 0."""
    generator = torch.Generator().manual_seed(seed)
    x = torch.rand(64, 1, generator=generator) * 2 - 1
    return x, 3 * x - 2


def train(seed: int, batch_size: int | None, epochs: int = 200) -> tuple[nn.Linear, list[float]]:
    torch.manual_seed(seed)  # nn.Linear's initial weights
    x, y = line_data(seed)
    model = nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    generator = torch.Generator().manual_seed(seed)
    losses = fit(model, nn.MSELoss(), optimizer, x, y, epochs, batch_size, generator)
    return model, losses


@pytest.mark.parametrize("batch_size", [None, 16, 10])
def test_fit_finds_a_known_line(batch_size: int | None) -> None:
    model, losses = train(0, batch_size)
    assert len(losses) == 200
    assert losses[-1] < 1e-6 < losses[0]
    assert model.weight.item() == pytest.approx(3.0, abs=1e-3)
    assert model.bias.item() == pytest.approx(-2.0, abs=1e-3)


def test_full_batch_is_plain_gradient_descent() -> None:
    """One epoch, one step: w <- w - lr * dL/dw with L the MSE, by hand."""
    x, y = line_data(1)
    w = torch.zeros(1, 1, requires_grad=True)
    losses = fit(lambda inputs: inputs @ w, nn.MSELoss(), torch.optim.SGD([w], lr=0.1), x, y, 1)
    gradient = (2 * x * (0 - y)).mean()  # d/dw mean((x w - y)^2) at w = 0
    assert losses == pytest.approx([(y**2).mean().item()])
    assert w.item() == pytest.approx(-0.1 * gradient.item(), rel=1e-6)


def test_the_same_seed_gives_identical_results() -> None:
    first, first_losses = train(3, batch_size=8, epochs=20)
    second, second_losses = train(3, batch_size=8, epochs=20)
    _, other_losses = train(4, batch_size=8, epochs=20)
    assert first_losses == second_losses
    assert torch.equal(first.weight, second.weight)
    assert first_losses != other_losses


def test_classification_targets_work() -> None:
    """Integer labels and cross-entropy: the loop is not only for regression."""
    generator = torch.Generator().manual_seed(0)
    inputs = torch.randn(100, 2, generator=generator)
    labels = (inputs[:, 0] > 0).long()  # class 1 on the right half
    torch.manual_seed(0)
    model = nn.Linear(2, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    losses = fit(model, nn.CrossEntropyLoss(), optimizer, inputs, labels, 50, 20, generator)
    accuracy = (model(inputs).argmax(dim=1) == labels).float().mean().item()
    assert losses[-1] < losses[0] / 3
    assert accuracy > 0.95


@pytest.mark.parametrize(
    ("rows", "epochs", "batch_size", "message"),
    [
        (0, 1, None, "inputs is empty"),
        (5, 0, None, "epochs must be at least 1"),
        (5, 1, 0, "batch_size must be at least 1"),
    ],
)
def test_bad_arguments_give_a_clear_error(
    rows: int, epochs: int, batch_size: int | None, message: str
) -> None:
    model = nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    x = torch.zeros(rows, 1)
    with pytest.raises(ValueError, match=message):
        fit(model, nn.MSELoss(), optimizer, x, x, epochs, batch_size)


def test_mismatched_rows_and_a_loss_that_is_not_a_number_are_refused() -> None:
    model = nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    with pytest.raises(ValueError, match="inputs has 4 rows but targets has 3"):
        fit(model, nn.MSELoss(), optimizer, torch.zeros(4, 1), torch.zeros(3, 1), 1)
    per_row = nn.MSELoss(reduction="none")
    with pytest.raises(ValueError, match="must return one number"):
        fit(model, per_row, optimizer, torch.zeros(4, 1), torch.zeros(4, 1), 1)
