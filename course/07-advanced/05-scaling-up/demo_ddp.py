"""Demo 3: DataParallel (the legacy path) and DistributedDataParallel under torchrun:
weights checked against one process, a fault recovered from a checkpoint, and the time
of 1 and 2 processes."""

from __future__ import annotations

import json
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import torch
import tyro
from torch import nn

import ddp_train
from launch import torchrun
from rlcourse.training import fit

SCRIPT = Path(__file__).with_name("ddp_train.py")


@dataclass(frozen=True)
class Config:
    steps: int = 60  # gradient steps of every run, each on all the rows
    rows: int = 8192
    checkpoint_every: int = 10
    fail_at_step: int = 35  # process 1 crashes here on the first attempt
    timeout: float = 300.0  # seconds one torchrun may take before the demo gives up
    out_dir: Path = Path(__file__).parent / "outputs"


@dataclass(frozen=True)
class Result:
    gpus: int  # devices DataParallel would split a batch over here (0: it calls the module)
    data_parallel_same: bool  # DataParallel's output equals the module's
    max_difference: float  # largest |DDP weight - one-process weight| after training
    bitwise_equal: bool  # are they equal bit for bit?
    restarts: int  # attempts torchrun made after the first
    resumed_from: int  # the step the restarted processes resumed from
    steps_redone: int  # steps between that checkpoint and the crash, trained twice
    recovered_equal: bool  # the recovered run's weights equal the uninterrupted run's, bit for bit
    train_seconds: dict[str, float]  # "1 process", "2 processes" -> seconds of training (rank 0)
    wall_seconds: dict[str, float]  # the same and "2 processes with a fault" -> torchrun's seconds


def one_process(cfg: ddp_train.Config) -> dict[str, torch.Tensor]:
    """The same training in this process, on all the rows at once."""
    model, optimizer = ddp_train.make_model(cfg)
    inputs, targets = ddp_train.make_data(cfg.rows, cfg.seed)
    fit(model, nn.functional.mse_loss, optimizer, inputs, targets, epochs=cfg.steps)
    return model.state_dict()


def launch(folder: Path, processes: int, args: list[str], cfg: Config, restarts: int = 0) -> float:
    """Run ddp_train.py under torchrun into ``folder``; the wall-clock seconds it took."""
    folder.mkdir()
    start = time.perf_counter()
    torchrun(SCRIPT, processes, ["--out-dir", str(folder), *args], cfg.timeout, restarts)
    return time.perf_counter() - start


def main(cfg: Config) -> Result:
    # --8<-- [start:data_parallel]
    model = nn.Linear(8, 1)
    legacy = nn.DataParallel(model)  # one process, a thread per GPU; with no GPU it calls model
    batch = torch.randn(4, 8)
    same = torch.equal(legacy(batch), model(batch))
    # --8<-- [end:data_parallel]
    settings = [
        "--steps",
        str(cfg.steps),
        "--rows",
        str(cfg.rows),
        "--checkpoint-every",
        str(cfg.checkpoint_every),
    ]
    with tempfile.TemporaryDirectory() as scratch:
        one, two, faulty = Path(scratch, "one"), Path(scratch, "two"), Path(scratch, "faulty")
        # --8<-- [start:launch]
        wall = {
            "1 process": launch(one, 1, settings, cfg),
            "2 processes": launch(two, 2, settings, cfg),
            "2 processes with a fault": launch(
                faulty, 2, [*settings, "--fail-at-step", str(cfg.fail_at_step)], cfg, restarts=1
            ),
        }
        reference = one_process(ddp_train.Config(out_dir=one, steps=cfg.steps, rows=cfg.rows))
        ddp = torch.load(two / "final.pt", weights_only=True)
        recovered = torch.load(faulty / "final.pt", weights_only=True)
        difference = max(float((ddp[k] - reference[k]).abs().max()) for k in reference)
        # --8<-- [end:launch]
        bitwise = all(torch.equal(ddp[k], reference[k]) for k in reference)
        recovered_equal = all(torch.equal(recovered[k], ddp[k]) for k in ddp)
        last = max(faulty.glob("report_*.json"))  # the report of the last attempt
        resumed_from = int(json.loads(last.read_text())["resumed_from"])
        restarts = int(last.stem.removeprefix("report_"))
        train_seconds = {
            n: json.loads((folder / "report_0.json").read_text())["train_seconds"]
            for n, folder in (("1 process", one), ("2 processes", two))
        }
    print(
        f"DataParallel here: {torch.cuda.device_count()} GPUs; "
        f"its output equals the module's: {same}"
    )
    print(
        f"DDP, 2 processes vs 1 process, {cfg.steps} steps: "
        f"max |difference| {difference:.1e}, bit for bit: {bitwise}"
    )
    print(
        f"fault at step {cfg.fail_at_step}: {restarts} restart, resumed from step {resumed_from}, "
        f"{cfg.fail_at_step - resumed_from} steps trained twice"
    )
    print(f"recovered weights equal the uninterrupted run's, bit for bit: {recovered_equal}")
    for name, seconds in wall.items():
        training = f", {train_seconds[name]:.2f} s of it training" if name in train_seconds else ""
        print(f"torchrun on {name}: {seconds:.1f} s{training}")
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    return Result(
        gpus=torch.cuda.device_count(),
        data_parallel_same=bool(same),
        max_difference=difference,
        bitwise_equal=bitwise,
        restarts=restarts,
        resumed_from=resumed_from,
        steps_redone=cfg.fail_at_step - resumed_from,
        recovered_equal=recovered_equal,
        train_seconds=train_seconds,
        wall_seconds=wall,
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
