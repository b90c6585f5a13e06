import pytest
import torch
from torch import nn

from rlcourse.networks import gradient_norms, mlp


def test_layer_widths_and_activations_alternate() -> None:
    network = mlp(4, (16, 8), 3, activation=nn.Tanh)
    kinds = [type(layer) for layer in network]
    assert kinds == [nn.Linear, nn.Tanh, nn.Linear, nn.Tanh, nn.Linear]
    linears = [layer for layer in network if isinstance(layer, nn.Linear)]
    assert [(layer.in_features, layer.out_features) for layer in linears] == [
        (4, 16),
        (16, 8),
        (8, 3),
    ]


def test_no_hidden_layer_is_one_linear_map() -> None:
    network = mlp(5, (), 2)
    assert len(network) == 1
    assert isinstance(network[0], nn.Linear)


def test_output_shape_and_unbounded_outputs() -> None:
    torch.manual_seed(0)
    network = mlp(3, [32], 2)
    outputs = network(torch.randn(10, 3) * 100)
    assert outputs.shape == (10, 2)
    assert (outputs < 0).any(), "the last layer must have no ReLU: outputs can be negative"


def test_each_activation_is_a_fresh_module() -> None:
    network = mlp(2, (4, 4), 1)
    assert network[1] is not network[3]


def test_sizes_below_one_are_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        mlp(4, (0,), 2)


def test_gradient_norms_match_each_parameter() -> None:
    torch.manual_seed(1)
    network = mlp(3, (4,), 2)
    network(torch.randn(5, 3)).pow(2).sum().backward()
    norms = gradient_norms(network)
    assert list(norms) == ["0.weight", "0.bias", "2.weight", "2.bias"]
    for name, parameter in network.named_parameters():
        assert parameter.grad is not None
        assert norms[name] == pytest.approx(parameter.grad.norm().item())


def test_parameters_without_a_gradient_are_left_out() -> None:
    network = mlp(3, (4,), 2)
    assert gradient_norms(network) == {}
    network[0].weight.requires_grad_(False)
    network(torch.randn(5, 3)).sum().backward()
    assert "0.weight" not in gradient_norms(network)
    assert "0.bias" in gradient_norms(network)
