"""Demo 3: choose a device (CUDA, then MPS, then CPU), compute there, and come back."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import tyro

from rlcourse.devices import choose_device, describe_device


@dataclass(frozen=True)
class Config:
    prefer: str | None = None  # "cuda", "mps" or "cpu" to override the automatic choice
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    cuda_available: bool
    mps_available: bool
    device: str
    description: str
    round_trip_equal: bool
    computed_on_device_equal: bool


def report_accelerators() -> None:
    print(f"torch.cuda.is_available():         {torch.cuda.is_available()}")
    print(f"torch.backends.mps.is_available(): {torch.backends.mps.is_available()}")
    if torch.cuda.is_available():
        print(f"CUDA devices: {torch.cuda.device_count()}")


# --8<-- [start:move]
def round_trip(x: torch.Tensor, device: torch.device) -> tuple[bool, bool]:
    """Move x to ``device``, compute there, bring both back; compare with the CPU answers."""
    on_device = x.to(device)  # a copy on the device (or x itself if it is already there)
    print(f"x lives on {x.device}; x.to(device) lives on {on_device.device}")
    print(f"x.to(device) is x: {on_device is x}")

    computed = on_device * 2 + 1  # runs on on_device's device; the result stays there
    print(f"on_device * 2 + 1 lives on {computed.device}")

    back = on_device.cpu()  # .cpu() is .to("cpu")
    computed_back = computed.cpu()
    print(f"back on {back.device}: {back}")
    round_trip_equal = torch.equal(back, x)
    computed_equal = torch.equal(computed_back, x * 2 + 1)
    print(f"round trip returns the same values: {round_trip_equal}")
    print(f"result computed on {device.type} matches the CPU: {computed_equal}")
    return round_trip_equal, computed_equal


# --8<-- [end:move]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    report_accelerators()
    device = choose_device(cfg.prefer)
    print(f"chosen device: {describe_device(device)}")
    x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])  # made on the CPU, shape (2, 3)
    round_trip_equal, computed_equal = round_trip(x, device)
    print(f"This run computed on: {device.type}")
    return Result(
        cuda_available=torch.cuda.is_available(),
        mps_available=torch.backends.mps.is_available(),
        device=device.type,
        description=describe_device(device),
        round_trip_equal=round_trip_equal,
        computed_on_device_equal=computed_equal,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
