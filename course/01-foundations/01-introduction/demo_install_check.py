"""Demo 1: check that PyTorch is installed, what it can use, and that it computes."""

from __future__ import annotations

import platform
from dataclasses import dataclass
from pathlib import Path

import torch
import tyro


@dataclass(frozen=True)
class Config:
    n: int = 100  # the demo sums 1 + 2 + ... + n with torch
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    python_version: str
    torch_version: str
    cuda_built: bool
    cuda_available: bool
    mps_built: bool
    mps_available: bool
    torch_sum: int
    formula_sum: int
    install_works: bool


# --8<-- [start:versions]
def report_versions() -> None:
    print(f"Python  {platform.python_version()}")
    print(f"PyTorch {torch.__version__}")
    # "built" says the wheel contains the backend; "available" says this machine can use it.
    print(
        f"CUDA    built: {torch.backends.cuda.is_built()} (version {torch.version.cuda}), "
        f"available: {torch.cuda.is_available()}"
    )
    print(
        f"MPS     built: {torch.backends.mps.is_built()}, "
        f"available: {torch.backends.mps.is_available()}"
    )
    print(f"default floating-point dtype: {torch.get_default_dtype()}")


# --8<-- [end:versions]


# --8<-- [start:compute]
def sum_with_torch(n: int) -> int:
    """1 + 2 + ... + n computed by PyTorch: arange builds the int64 tensor [1, 2, ..., n]."""
    numbers: torch.Tensor = torch.arange(1, n + 1)
    return int(numbers.sum().item())


def sum_with_formula(n: int) -> int:
    """Gauss's closed form n(n + 1)/2, computed by Python alone, as an independent answer."""
    return n * (n + 1) // 2


# --8<-- [end:compute]


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    report_versions()
    torch_sum = sum_with_torch(cfg.n)
    formula_sum = sum_with_formula(cfg.n)
    install_works = torch_sum == formula_sum
    print(f"1 + 2 + ... + {cfg.n} by torch:   {torch_sum}")
    print(f"1 + 2 + ... + {cfg.n} by formula: {formula_sum}")
    print("PyTorch works." if install_works else "PyTorch computed a wrong sum!")
    return Result(
        python_version=platform.python_version(),
        torch_version=str(torch.__version__),
        cuda_built=torch.backends.cuda.is_built(),
        cuda_available=torch.cuda.is_available(),
        mps_built=torch.backends.mps.is_built(),
        mps_available=torch.backends.mps.is_available(),
        torch_sum=torch_sum,
        formula_sum=formula_sum,
        install_works=install_works,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
