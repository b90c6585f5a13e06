"""Check for exercise 3: the preference order, and a round trip on the CPU and the best device."""

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


def check_round_trip(module: ModuleType, t: torch.Tensor, device: torch.device) -> None:
    to_device_and_back = get_function(module, "to_device_and_back")
    what = f"to_device_and_back(t, {device!r}) for t = {t.tolist()}"
    answer = expect_type(to_device_and_back(t, device), tuple, what)
    if len(answer) != 2:
        raise CheckFailed(f"{what}: expected a pair (tensor, device name), got {answer!r}")
    back = expect_tensor(answer[0], f"{what}, returned tensor")
    name = expect_type(answer[1], str, f"{what}, returned device name")
    expect_equal(back.device.type, "cpu", f"{what}, device of the returned tensor")
    expect_shape(back, tuple(t.shape), f"{what}, returned tensor")
    expect_dtype(back, t.dtype, f"{what}, returned tensor")
    if not torch.equal(back, t):
        raise CheckFailed(f"{what}: expected the values {t.tolist()}, got {back.tolist()}")
    # Where torch itself puts a tensor sent to ``device``: "cpu", "cuda:0", "mps:0".
    expected_name = str(torch.empty(0, device=device).device)
    expect_equal(name, expected_name, f"{what}, returned device name")


def check(module: ModuleType) -> None:
    check_pick_device_name(module)
    floats = torch.tensor([[1.5, -2.0, 3.25], [0.0, 4.0, -5.5]])
    integers = torch.arange(5)
    devices = [torch.device("cpu")]
    if choose_device().type != "cpu":
        devices.append(choose_device())  # the real trip, on machines with a GPU
    for device in devices:
        check_round_trip(module, floats, device)
        check_round_trip(module, integers, device)
