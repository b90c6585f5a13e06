"""Demo 2 of Part 3.3: count the lines of code of Part 3.2's network (tensors only) and of
this Part's nn.Module version, function by function, from the files themselves."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import tyro

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Config:
    from_scratch: Path = HERE.parent / "02-feedforward-from-scratch" / "network.py"  # Part 3.2
    with_module: Path = HERE / "circle_net.py"  # this Part
    out_dir: Path = HERE / "outputs"


@dataclass(frozen=True)
class Result:
    from_scratch: dict[str, int]  # code lines of each function of Part 3.2's network.py
    with_module: dict[str, int]  # code lines of each definition of circle_net.py
    from_scratch_total: int
    with_module_total: int


def code_lines(path: Path, names: list[str]) -> dict[str, int]:
    """The lines of code of each top-level function or class ``names`` in the file: its
    lines from ``def``/``class`` to its end, less blank lines, comment-only lines and
    docstrings. Counted from the file itself, so the numbers follow any edit."""
    source = path.read_text()
    tree = ast.parse(source)
    lines = source.splitlines()
    docstrings: set[int] = set()  # line numbers (1-based) inside a docstring
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.ClassDef) and ast.get_docstring(node):
            first = node.body[0]
            docstrings.update(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    definitions = {
        node.name: node
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.ClassDef) and node.name in names
    }
    missing = [name for name in names if name not in definitions]
    if missing:
        raise ValueError(f"{path.name} defines no {missing}")
    counts: dict[str, int] = {}
    for name in names:
        node = definitions[name]
        numbers = range(node.lineno, (node.end_lineno or node.lineno) + 1)
        counts[name] = sum(
            1
            for number in numbers
            if number not in docstrings
            and lines[number - 1].strip()
            and not lines[number - 1].strip().startswith("#")
        )
    return counts


def main(cfg: Config) -> Result:
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    # --8<-- [start:count]
    # What each listing needs to define a network, its loss, its gradients and its
    # training loop; both share the data and the accuracy, which are left out.
    scratch = code_lines(
        cfg.from_scratch, ["init_params", "forward", "bce_loss", "backward", "train"]
    )
    module = code_lines(cfg.with_module, ["TwoLayerNet", "train"])
    for title, counts in (("Part 3.2, tensors only", scratch), ("Part 3.3, nn.Module", module)):
        print(f"{title}: {sum(counts.values())} lines of code")
        for name, count in counts.items():
            print(f"  {name:12s} {count:3d}")
    # --8<-- [end:count]
    return Result(
        from_scratch=scratch,
        with_module=module,
        from_scratch_total=sum(scratch.values()),
        with_module_total=sum(module.values()),
    )


if __name__ == "__main__":
    main(tyro.cli(Config))
