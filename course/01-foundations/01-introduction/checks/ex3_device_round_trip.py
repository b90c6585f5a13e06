"""Check for exercise 3: the preference order, and a round trip on the CPU and the best
device: the moves your code makes are watched, so a tensor that never leaves, or never
comes back, is caught on a machine without a GPU too."""

from __future__ import annotations

from types import ModuleType

import torch

from coursetools.check_helpers import (
    CheckFailed,
    expect_dtype,
    expect_equal,
    expect_shape,
    expect_tensor,
    expect_type,
    get_function,
    torch_calls,
)
from rlcourse.devices import choose_device


def check_pick_device_name(module: ModuleType) -> None:
    pick_device_name = get_function(module, "pick_device_name")
    for cuda, mps, expected in [
        (True, True, "cuda"),
        (True, False, "cuda"),
        (False, True, "mps"),
        (False, False, "cpu"),
    ]:
        what = f"pick_device_name(cuda_available={cuda}, mps_available={mps})"
        expect_equal(pick_device_name(cuda, mps), expected, what)


MOVES = {torch.Tensor.to, torch.Tensor.cpu, torch.Tensor.cuda}


def check_round_trip(module: ModuleType, t: torch.Tensor, device: torch.device) -> None:
    to_device_and_back = get_function(module, "to_device_and_back")
    what = f"to_device_and_back(t, {device!r}) for t = {t.tolist()}"
    # Where torch itself puts a tensor sent to ``device``: "cpu", "cuda:0", "mps:0".
    landed = torch.empty(0, device=device).device
    with torch_calls(MOVES) as calls:
        answer = expect_type(to_device_and_back(t, device), tuple, what)
    # (whether the move was .cpu(), where the moved tensor ended up), in call order
    moves = [
        (call.func is torch.Tensor.cpu, call.result.device)
        for call in calls
        if isinstance(call.result, torch.Tensor)
    ]
    there = [i for i, (is_cpu, where) in enumerate(moves) if where == landed and not is_cpu]
    if not there:
        raise CheckFailed(f"{what}: the tensor was never moved to the device: call t.to(device)")
    if all(where != torch.device("cpu") for _, where in moves[there[0] + 1 :]):
        raise CheckFailed(
            f"{what}: the moved tensor was never brought back: call .cpu() on it "
            "(even when the device is the CPU, the round trip is two moves)"
        )
    if len(answer) != 2:
        raise CheckFailed(f"{what}: expected a pair (tensor, device name), got {answer!r}")
    back = expect_tensor(answer[0], f"{what}, returned tensor")
    name = expect_type(answer[1], str, f"{what}, returned device name")
    expect_equal(back.device.type, "cpu", f"{what}, device of the returned tensor")
    expect_shape(back, tuple(t.shape), f"{what}, returned tensor")
    expect_dtype(back, t.dtype, f"{what}, returned tensor")
    if not torch.equal(back, t):
        raise CheckFailed(f"{what}: expected the values {t.tolist()}, got {back.tolist()}")
    if name == str(device) != str(landed):
        raise CheckFailed(
            f"{what}, returned device name: expected {str(landed)!r}, got {name!r}, the "
            "argument's name; read it from the moved tensor (moved.device)"
        )
    expect_equal(name, str(landed), f"{what}, returned device name")


def check(module: ModuleType) -> None:
    check_pick_device_name(module)
    floats = torch.tensor([[1.5, -2.0, 3.25], [0.0, 4.0, -5.5]])
    integers = torch.arange(5)
    # cpu:0 names the CPU as cuda names a GPU: the moved tensor reports plain "cpu".
    devices = [torch.device("cpu", 0)]
    if choose_device().type != "cpu":
        devices.append(choose_device())  # the real trip, on machines with a GPU
    for device in devices:
        check_round_trip(module, floats, device)
        check_round_trip(module, integers, device)
