"""Check for exercise 2: count_statements on fixed sources and on random ones whose
number of statements is known because the check wrote them statement by statement."""

from __future__ import annotations

import ast
from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np

from coursetools.check_helpers import CheckFailed, expect_equal, get_function, random_cases

FIXED = [  # (source, statements)
    ("x = 1\n", 1),
    ('"""A module docstring."""\n\nx = 1  # a comment\n\n# a comment line\ny = x + 2\n', 2),
    ("def f(x):\n    '''Double.'''\n    return 2 * x\n", 2),
    ("total = sum(\n    [1, 2, 3],\n)\n", 1),
    ("for i in range(3):\n    if i > 1:\n        print(i)\n    else:\n        pass\n", 4),
]


def random_source(rng: np.random.Generator) -> tuple[str, int]:
    """A few functions of random statements; returns the source and its statement count."""
    lines: list[str] = []
    count = 0
    for f in range(int(rng.integers(1, 4))):
        lines.append(f"def f{f}(x):")
        count += 1
        if rng.random() < 0.7:
            lines.append('    """What f does."""')
        for s in range(int(rng.integers(1, 5))):
            kind = int(rng.integers(4))
            if kind == 0:
                lines.append(f"    y{s} = x + {s}")
                count += 1
            elif kind == 1:
                lines += [f"    z{s} = max(", "        x,", f"        {s},", "    )"]
                count += 1
            elif kind == 2:
                lines += [f"    if x > {s}:", f"        x = x - {s}", "    else:", "        x = -x"]
                count += 3
            else:
                lines += ["    # a comment explains why", "", f"    x = x * {s + 2}"]
                count += 1
        lines.append("    return x")
        count += 1
        lines.append("")
    return "\n".join(lines) + "\n", count


def is_docstring(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def check_source(count_statements: Callable[..., Any], source: str, expected: int) -> None:
    got = count_statements(source)
    what = f"count_statements on\n{source}\n"
    if not isinstance(got, int) or isinstance(got, bool):
        raise CheckFailed(f"{what}expected an int, got {type(got).__name__}")
    if got == expected:
        return
    tree = ast.parse(source)
    docstrings = sum(1 for node in ast.walk(tree) if is_docstring(node))
    top_level = sum(1 for node in tree.body if not is_docstring(node))
    if docstrings and got == expected + docstrings:
        raise CheckFailed(f"{what}expected {expected}, got {got}: docstrings are not statements")
    if got == top_level:
        raise CheckFailed(
            f"{what}expected {expected}, got {got}: you counted only the top-level statements; "
            "ast.walk visits the nested ones too"
        )
    if got > expected + docstrings:
        raise CheckFailed(
            f"{what}expected {expected}, got {got}: count only statements (ast.stmt), not "
            "expressions, names and the other nodes"
        )
    expect_equal(got, expected, f"{what}the number of statements")


def check(module: ModuleType) -> None:
    count_statements = get_function(module, "count_statements")
    for source, expected in FIXED:
        check_source(count_statements, source, expected)
    for source, expected in random_cases(34, 12, random_source):
        check_source(count_statements, source, expected)
