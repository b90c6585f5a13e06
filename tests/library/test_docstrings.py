"""Every module of the readers' library says which Part of the course introduces it."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import rlcourse

MODULES = [info.name for info in pkgutil.walk_packages(rlcourse.__path__, prefix="rlcourse.")]


def test_every_module_is_found() -> None:
    assert {"rlcourse.mdp", "rlcourse.dp", "rlcourse.agents.dqn"} <= set(MODULES)


@pytest.mark.parametrize("name", ["rlcourse", *MODULES])
def test_the_docstring_names_the_part_that_introduces_the_module(name: str) -> None:
    doc = importlib.import_module(name).__doc__ or ""
    first_paragraph = doc.split("\n\n")[0]
    assert re.search(r"\bParts? \d\.\d\b", first_paragraph), f"{name}: {first_paragraph!r}"
