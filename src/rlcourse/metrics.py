"""Training metrics on disk (Part 5.3 introduces them; every agent of Module 5 writes them).

Each scalar an agent reports (an episode's return, a loss, the exploration rate) becomes
one row ``step,name,value`` of ``metrics.csv``: a long format, so that metrics reported at
different rates (one per episode, one per gradient step) share one file, and any tool
(pandas, a spreadsheet, :func:`read_metrics`) can read it. Where TensorBoard is installed
(``pip install "rlcourse[tensorboard]"``) and asked for, the same scalars go to event files
in the same directory: ``tensorboard --logdir <directory>`` then draws them live.
"""

from __future__ import annotations

import csv
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Self

if TYPE_CHECKING:
    from torch.utils.tensorboard import SummaryWriter

CSV_NAME = "metrics.csv"
HEADER = ["step", "name", "value"]


# --8<-- [start:writer]
class MetricsWriter:
    """Appends scalars to ``directory/metrics.csv`` (and to TensorBoard, if asked).

    ``resume_step`` continues a run resumed from a checkpoint taken at that step: rows the
    interrupted run wrote after it are dropped, because the resumed run writes them again.
    """

    def __init__(
        self, directory: Path, tensorboard: bool = False, resume_step: int | None = None
    ) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / CSV_NAME
        if resume_step is None or not self.path.exists():
            self.path.write_text(",".join(HEADER) + "\n")
        else:
            _keep_rows_up_to(self.path, resume_step)
        self._file = self.path.open("a", newline="")
        self._csv = csv.writer(self._file)
        self._tensorboard = _tensorboard_writer(directory, resume_step) if tensorboard else None

    def add(self, step: int, **scalars: float) -> None:
        """Record each ``name=value`` at environment step ``step``."""
        for name, value in scalars.items():
            self._csv.writerow([step, name, repr(float(value))])
            if self._tensorboard is not None:
                self._tensorboard.add_scalar(name, float(value), step)

    def flush(self) -> None:
        """Push buffered rows to disk (before a checkpoint, so the two agree)."""
        self._file.flush()
        if self._tensorboard is not None:
            self._tensorboard.flush()

    def close(self) -> None:
        self._file.close()
        if self._tensorboard is not None:
            self._tensorboard.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


# --8<-- [end:writer]


def read_metrics(directory: Path) -> dict[str, tuple[list[int], list[float]]]:
    """Every metric of ``directory/metrics.csv`` as (steps, values), in the order written."""
    series: dict[str, tuple[list[int], list[float]]] = {}
    with (directory / CSV_NAME).open(newline="") as file:
        for row in csv.DictReader(file):
            steps, values = series.setdefault(row["name"], ([], []))
            steps.append(int(row["step"]))
            values.append(float(row["value"]))
    return series


def _keep_rows_up_to(path: Path, last_step: int) -> None:
    with path.open(newline="") as file:
        rows = [row for row in csv.reader(file)][1:]
    kept = [row for row in rows if int(row[0]) <= last_step]
    with path.open("w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(HEADER)
        writer.writerows(kept)


def _tensorboard_writer(directory: Path, resume_step: int | None) -> SummaryWriter:
    try:
        from torch.utils.tensorboard import SummaryWriter
    except ImportError:
        raise RuntimeError(
            "TensorBoard metrics were asked for, but the tensorboard package is not "
            'installed: pip install "rlcourse[tensorboard]" (or pass tensorboard=False)'
        ) from None
    # purge_step hides the events an interrupted run wrote after its last checkpoint.
    return SummaryWriter(log_dir=str(directory), purge_step=resume_step)
