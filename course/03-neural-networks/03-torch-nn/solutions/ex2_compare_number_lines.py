"""Exercise 2: count statements, which do not depend on layout, rather than lines."""

from __future__ import annotations

import ast


def is_docstring(node: ast.stmt) -> bool:
    """A bare string as a statement: a docstring, which documents rather than computes."""
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def count_statements(source: str) -> int:
    """The number of statements in the Python ``source``, at every depth: a ``def`` and
    each statement of its body, an ``if`` and each statement of its branches, and so on.
    A string on its own as a statement (a docstring) does not count; comments, blank lines
    and a statement wrapped over several lines change nothing."""
    tree = ast.parse(source)
    return sum(
        1
        for node in ast.walk(tree)  # every node of the tree, nested ones included
        if isinstance(node, ast.stmt) and not is_docstring(node)
    )
