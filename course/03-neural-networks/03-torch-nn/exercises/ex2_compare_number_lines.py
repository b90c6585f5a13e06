"""Exercise 2: Compare number of lines and readability.

Demo 2 counts lines, which depend on how the code is laid out. Count statements instead.
Fill in ``count_statements``, then run `rlcourse check 3.3`.
"""

from __future__ import annotations

import ast  # noqa: F401 (you will need it)


def count_statements(source: str) -> int:
    """The number of statements in the Python ``source``, at every depth: a ``def`` and
    each statement of its body, an ``if`` and each statement of its branches, and so on.
    A string on its own as a statement (a docstring) does not count; comments, blank lines
    and a statement wrapped over several lines change nothing."""
    raise NotImplementedError("ast.parse, then visit every node with ast.walk")
