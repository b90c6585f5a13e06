"""The running example of Part 3.5: a two-layer network and ONE example, its forward pass
node by node, and its backward pass by hand.

The network is ``mlp(2, [3], 1, nn.Sigmoid)``: a = W1 x + b1, h = sigmoid(a), y_hat = W2 h + b2,
with the squared error L = (y_hat - y)^2. The weights keep nn.Linear's layout, (outputs, inputs),
so that each hand-made gradient has the shape of the ``.grad`` that autograd fills in.
"""

from __future__ import annotations

import torch
from torch import nn

Params = dict[str, torch.Tensor]  # "W1" (H, d), "b1" (H,), "W2" (1, H), "b2" (1,)
NAMES = {"W1": "0.weight", "b1": "0.bias", "W2": "2.weight", "b2": "2.bias"}  # in mlp's Sequential


def parameter_gradients(gradients: Params) -> Params:
    """Only the parameters' gradients (W1, b1, W2, b2) out of every node's."""
    return {symbol: gradients[symbol] for symbol in NAMES}


def params_of(model: nn.Module) -> Params:
    """The parameters of a two-layer ``mlp`` under the names of the maths, detached copies."""
    by_name = dict(model.named_parameters())
    return {symbol: by_name[name].detach().clone() for symbol, name in NAMES.items()}


# --8<-- [start:forward]
def forward(params: Params, x: torch.Tensor, y: torch.Tensor) -> dict[str, torch.Tensor]:
    """Every node of the forward pass for one example x (d,) with target y (1,)."""
    a = params["W1"] @ x + params["b1"]  # (H, d) @ (d,) + (H,) -> (H,)
    h = torch.sigmoid(a)  # (H,)
    y_hat = params["W2"] @ h + params["b2"]  # (1, H) @ (H,) + (1,) -> (1,)
    loss = ((y_hat - y) ** 2).sum()  # a number: the squared error
    return {"a": a, "h": h, "y_hat": y_hat, "loss": loss}


# --8<-- [end:forward]


# --8<-- [start:backward]
def backward(params: Params, x: torch.Tensor, y: torch.Tensor) -> Params:
    """dL/d(node) for every node, from the loss back to the input: each node's gradient is
    the gradient arriving from the node above times the node's local derivative."""
    node = forward(params, x, y)
    g: Params = {}
    g["y_hat"] = 2 * (node["y_hat"] - y)  # (1,): the derivative of (y_hat - y)^2
    g["W2"] = torch.outer(g["y_hat"], node["h"])  # (1, H): dy_hat/dW2[0, j] = h_j
    g["b2"] = g["y_hat"]  # (1,): dy_hat/db2 = 1
    g["h"] = params["W2"].T @ g["y_hat"]  # (H,): dy_hat/dh_j = W2[0, j]
    g["a"] = g["h"] * node["h"] * (1 - node["h"])  # (H,): sigmoid'(a) = h (1 - h)
    g["W1"] = torch.outer(g["a"], x)  # (H, d): da_j/dW1[j, k] = x_k
    g["b1"] = g["a"]  # (H,): da_j/db1[j] = 1
    return g


# --8<-- [end:backward]


# --8<-- [start:autograd]
def autograd_gradients(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> Params:
    """The same four gradients from ``.backward()``, read through ``named_parameters()``."""
    model.zero_grad()  # .grad adds up over backward calls (Part 2.2)
    loss = ((model(x) - y) ** 2).sum()
    loss.backward()
    gradients: dict[str, torch.Tensor] = {}
    for name, parameter in model.named_parameters():
        if parameter.grad is None:  # typed Tensor | None; None means no gradient reached it
            raise RuntimeError(f"{name} received no gradient")
        gradients[name] = parameter.grad.detach().clone()
    return {symbol: gradients[name] for symbol, name in NAMES.items()}


# --8<-- [end:autograd]
